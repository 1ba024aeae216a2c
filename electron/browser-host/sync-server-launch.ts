/**
 * How browser mode (and the tests) start the office sync server when this computer hosts it:
 * this Node, with tsx's loader, on server/main.ts from the source tree browser mode runs from.
 * A path and arguments, not an import: the core and server/ stay apart (hosting-port.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SyncServerLaunch } from '../core/sync/hosting-port';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function tsxSyncServerLaunch(): SyncServerLaunch {
  // The loader by absolute URL: it resolves whatever the server process's working folder is.
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { command: process.execPath, args: ['--import', loader, path.join(ROOT, 'server', 'main.ts')], cwd: ROOT };
}
