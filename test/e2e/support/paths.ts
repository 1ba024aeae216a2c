import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything is resolved from this file's place in the repository, never from the machine. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const TMP_ROOT = path.join(REPO_ROOT, '.tmp', 'e2e');
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'assets', 'screenshots');
