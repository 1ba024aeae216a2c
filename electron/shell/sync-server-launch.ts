/**
 * The office sync server in the desktop app: the app's own binary started again with
 * `--warta-sync-server` runs the built server (dist/server/main.js) instead of a window, as a
 * child process of the app (electron/core/sync/hosting-process.ts starts it from the launch
 * spec below and talks to it over HTTP).
 *
 * Why not ELECTRON_RUN_AS_NODE: the packaged app has the `runAsNode` fuse off
 * (electron-builder.yml), so the signed binary cannot be used as a general Node interpreter;
 * this mode runs only our server.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from 'electron';
import { HOSTED_FAILED_PREFIX, HOSTED_SERVER_FLAG } from '../../shared/sync/hosted-server';
import type { SyncServerLaunch } from '../core/sync/hosting-port';

export function isSyncServerMode(argv: readonly string[] = process.argv): boolean {
  return argv.includes(HOSTED_SERVER_FLAG);
}

/** The launch spec the core gets: plain data, so it can cross into the core's own thread. */
export function appSyncServerLaunch(): SyncServerLaunch {
  // Unpackaged (`electron .`), the binary needs the app folder to find the code.
  return { command: process.execPath, args: app.isPackaged ? [HOSTED_SERVER_FLAG] : [app.getAppPath(), HOSTED_SERVER_FLAG] };
}

/** Runs the server bundle next to this one (dist/electron → dist/server); no window, no dock icon. */
export async function runSyncServerMode(bundleDir: string): Promise<void> {
  app.dock?.hide();
  try {
    await import(pathToFileURL(path.join(bundleDir, '..', 'server', 'main.js')).href);
  } catch (err) {
    process.stdout.write(`${HOSTED_FAILED_PREFIX}${JSON.stringify({ code: null, message: `Server sinkronisasi tidak dapat dimuat: ${(err as Error).message}` })}\n`);
    app.exit(2);
  }
}
