import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RENDERER_DIST, REPO_ROOT } from './paths';

/** Newest modification time of any file below `dir` (0 when it does not exist). */
function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The host serves dist/renderer. Build it when it is missing, and also when the renderer or
 * shared sources are newer than the build, so that tests never pass against a stale build.
 */
export default function globalSetup(): void {
  const index = path.join(RENDERER_DIST, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'renderer')), newestMtime(path.join(REPO_ROOT, 'shared')));
  if (built > 0 && built >= sources) return;
  execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'vite.config.renderer.ts'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}
