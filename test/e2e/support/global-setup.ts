import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RENDERER_DIST, REPO_ROOT } from './paths';

/** The host serves dist/renderer; build it once if it is missing (`npm run build:renderer` refreshes it). */
export default function globalSetup(): void {
  if (fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) return;
  execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.ts'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}
