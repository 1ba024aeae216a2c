/**
 * How the desktop app and the sync server it hosts talk when the server runs as the app's
 * child process ("host the office sync server on this computer"). The server is the same
 * program as `npm run server` (server/main.ts); this is the small protocol around it:
 *
 * - configuration comes by environment (the admin token never appears on a command line,
 *   where other users of the computer could read it);
 * - the server prints one ready line (or one failure line) on stdout, then serves; the app
 *   manages workspaces and enrolment codes through the admin HTTP API with that token;
 * - the server stops when its stdin closes (the app stopped it, or the app died) or when the
 *   parent process is gone, so an orphan never holds the port or the store.
 */

/** Environment variables the hosted server reads. */
export const HOSTED_ENV = {
  /** "1": hosted mode (ready line, stops with the parent, configuration from here only). */
  hosted: 'WARTA_SYNC_HOSTED',
  host: 'WARTA_SYNC_HOST',
  port: 'WARTA_SYNC_PORT',
  dataDir: 'WARTA_SYNC_DATA_DIR',
  allowInsecureHttp: 'WARTA_SYNC_ALLOW_INSECURE_HTTP',
  adminToken: 'WARTA_SYNC_ADMIN_TOKEN',
  /** The app's process id: the server stops when it is gone. */
  parentPid: 'WARTA_SYNC_PARENT_PID',
} as const;

/** The argument that makes the desktop app's own binary run the sync server instead of a window. */
export const HOSTED_SERVER_FLAG = '--warta-sync-server';

/** Prefix of the line the server prints once it listens; JSON of `HostedReady` follows. */
export const HOSTED_READY_PREFIX = 'WARTA_SYNC_READY ';
/** Prefix of the line the server prints when it cannot start; JSON of `HostedFailure` follows. */
export const HOSTED_FAILED_PREFIX = 'WARTA_SYNC_FAILED ';

export interface HostedReady {
  port: number;
  url: string;
  storage: 'sqlite' | 'postgres';
  pid: number;
}

export interface HostedFailure {
  /** The system error code when there is one (EADDRINUSE, EADDRNOTAVAIL, EACCES …). */
  code: string | null;
  message: string;
}

/** Reads a ready or failure line; null for any other line (the server's log, a human line). */
export function parseHostedLine(line: string): { ready: HostedReady } | { failed: HostedFailure } | null {
  const take = (prefix: string): Record<string, unknown> | null => {
    if (!line.startsWith(prefix)) return null;
    try {
      const v = JSON.parse(line.slice(prefix.length)) as unknown;
      return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  const ready = take(HOSTED_READY_PREFIX);
  if (ready && typeof ready.port === 'number' && typeof ready.url === 'string') {
    return { ready: { port: ready.port, url: ready.url, storage: ready.storage === 'postgres' ? 'postgres' : 'sqlite', pid: typeof ready.pid === 'number' ? ready.pid : 0 } };
  }
  const failed = take(HOSTED_FAILED_PREFIX);
  if (failed) return { failed: { code: typeof failed.code === 'string' ? failed.code : null, message: typeof failed.message === 'string' ? failed.message : '' } };
  return null;
}
