/**
 * The hosting port (hosting-port.ts) as a child process: the office sync server runs as its
 * own process, so a crash of the server, a hostile client keeping it busy or a slow disk under
 * its store never stalls the app's core. The core talks to it as any administrator would:
 * over HTTP with an admin token it makes up per start and hands over by environment.
 *
 * The protocol around the process (ready line, stop on stdin close) is in
 * shared/sync/hosted-server.ts; the server side is server/main.ts in hosted mode.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import readline from 'node:readline';
import { WartaError } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/contract/permissions';
import { HOSTED_ENV, parseHostedLine, type HostedFailure, type HostedReady } from '../../../shared/sync/hosted-server';
import type { Logger } from '../log/logger';
import type { HostedServer, HostingConfig, SyncHostingPort, SyncServerLaunch } from './hosting-port';

export interface ProcessHostingOptions {
  /** How long the server may take to print its ready line (a cold tsx start is slow). */
  readyTimeoutMs?: number;
  /** How long a stop waits for the process to end on its own before killing it. */
  stopGraceMs?: number;
}

const ADMIN_TIMEOUT_MS = 15_000;
/** The server's log lines copied into the core's log, per minute; the rest are counted. */
const LOG_LINES_PER_MINUTE = 60;

export function createProcessHosting(launch: SyncServerLaunch, logger: Logger, options: ProcessHostingOptions = {}): SyncHostingPort {
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const stopGraceMs = options.stopGraceMs ?? 5000;
  const exitListeners = new Set<(message: string) => void>();
  let child: ChildProcess | null = null;
  let running: HostedServer | null = null;
  let adminToken = '';
  /** The process we asked to stop: its exit is expected, not a crash. */
  let stopped: ChildProcess | null = null;

  async function start(config: HostingConfig): Promise<HostedServer> {
    if (child) throw new WartaError('conflict', 'Server sinkronisasi kantor sudah berjalan di komputer ini. (The office sync server is already running.)');
    const token = crypto.randomBytes(32).toString('base64url');
    let proc: ChildProcess;
    try {
      proc = spawn(launch.command, launch.args, { cwd: launch.cwd, env: serverEnv(launch, config, token), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (err) {
      throw new WartaError('internal', `Server sinkronisasi kantor tidak dapat dijalankan: ${(err as Error).message}`);
    }
    child = proc;
    const tail = followOutput(proc, logger);
    // Writing to a dead process's stdin must not throw in the core.
    proc.stdin?.on('error', () => undefined);
    let ready: HostedReady;
    try {
      ready = await waitForReady(proc, tail, config, readyTimeoutMs);
    } catch (err) {
      child = null;
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      throw err;
    }
    adminToken = token;
    running = { localUrl: localUrl(config.host, ready.port), port: ready.port, pid: ready.pid || (proc.pid ?? 0) };
    proc.on('exit', (code, signal) => {
      if (child === proc) {
        child = null;
        running = null;
      }
      if (stopped === proc) return;
      const how = code !== null ? `kode keluar ${code}` : `sinyal ${signal}`;
      // The server's last lines go to the log, not to the person: they are the server's own notes.
      const message = `Server sinkronisasi kantor di komputer ini berhenti tiba-tiba (${how}). (The hosted office sync server stopped unexpectedly.)`;
      logger.error('sync.host.exited', { code, signal, tail: tail.text() });
      for (const l of exitListeners) l(message);
    });
    logger.info('sync.host.started', { port: ready.port, pid: running.pid, storage: ready.storage });
    return running;
  }

  async function stop(): Promise<void> {
    const proc = child;
    if (!proc) return;
    stopped = proc;
    child = null;
    running = null;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => proc.kill('SIGKILL'), stopGraceMs);
      proc.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      // The server stops itself when its stdin closes (on every platform, unlike signals).
      proc.stdin?.end();
    });
    logger.info('sync.host.stopped', { pid: proc.pid });
  }

  async function admin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: T | null }> {
    const server = running;
    if (!server) throw new WartaError('conflict', 'Server sinkronisasi kantor belum dijalankan di komputer ini. (The office sync server is not running here.)');
    let res: Response;
    try {
      res = await fetch(`${server.localUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS),
      });
    } catch {
      throw new WartaError('unreachable', 'Server sinkronisasi kantor di komputer ini tidak menjawab. (The hosted office sync server does not answer.)');
    }
    const json = (await res.json().catch(() => null)) as T | null;
    return { status: res.status, json };
  }

  function refused(status: number, json: unknown): WartaError {
    const message = (json as { error?: { message?: unknown } } | null)?.error?.message;
    return new WartaError(status === 404 ? 'not_found' : 'internal', typeof message === 'string' ? message : `Server sinkronisasi kantor menjawab HTTP ${status}.`);
  }

  return {
    start,
    stop,
    get running() {
      return running;
    },
    async workspaceExists(id) {
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return false;
      const r = await admin('GET', `/v1/admin/workspaces/${id}`);
      if (r.status === 404) return false;
      if (r.status !== 200) throw refused(r.status, r.json);
      return true;
    },
    async createWorkspace(name) {
      const r = await admin<{ id: string }>('POST', '/v1/admin/workspaces', { name });
      if (r.status !== 200 || typeof r.json?.id !== 'string') throw refused(r.status, r.json);
      return r.json.id;
    },
    async issueCode(workspace: string, role: Role, forDeviceId?: string, opdId?: string | null) {
      const r = await admin<{ code: string }>('POST', '/v1/admin/codes', { workspace, role, ...(forDeviceId ? { deviceId: forDeviceId } : {}), ...(opdId ? { opdId } : {}) });
      if (r.status !== 200 || typeof r.json?.code !== 'string') throw refused(r.status, r.json);
      return r.json.code;
    },
    onUnexpectedExit(listener) {
      exitListeners.add(listener);
      return () => exitListeners.delete(listener);
    },
  };
}

/**
 * The server's environment: the app's, minus Warta's own settings (a passphrase, a PostgreSQL
 * address meant for something else, a data folder override), plus the hosting configuration.
 */
function serverEnv(launch: SyncServerLaunch, config: HostingConfig, token: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('WARTA_') && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  return {
    ...env,
    ...launch.env,
    [HOSTED_ENV.hosted]: '1',
    [HOSTED_ENV.host]: config.host,
    [HOSTED_ENV.port]: String(config.port),
    [HOSTED_ENV.dataDir]: config.dataDir,
    [HOSTED_ENV.allowInsecureHttp]: config.allowInsecureHttp ? '1' : '0',
    [HOSTED_ENV.adminToken]: token,
    [HOSTED_ENV.parentPid]: String(process.pid),
  };
}

/** Where this computer reaches a server listening on `host`. */
export function localUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === 'localhost') return `http://127.0.0.1:${port}`;
  if (host === '::') return `http://[::1]:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

interface OutputTail {
  text(): string;
  onLine(listener: (line: string) => void): () => void;
}

/**
 * Reads the server's stdout and stderr for as long as it runs (a full pipe would block it),
 * hands stdout lines to listeners, copies stderr lines into the core's log (a bounded number
 * per minute) and keeps the last of them for an error message.
 */
function followOutput(proc: ChildProcess, logger: Logger): OutputTail {
  const listeners = new Set<(line: string) => void>();
  const last: string[] = [];
  let windowStart = Date.now();
  let logged = 0;
  let dropped = 0;
  if (proc.stdout) readline.createInterface({ input: proc.stdout }).on('line', (line) => {
    for (const l of listeners) l(line);
  });
  if (proc.stderr) readline.createInterface({ input: proc.stderr }).on('line', (line) => {
    last.push(line.slice(0, 400));
    if (last.length > 5) last.shift();
    const now = Date.now();
    if (now - windowStart > 60_000) {
      if (dropped > 0) logger.warn('sync.host.log_dropped', { lines: dropped });
      windowStart = now;
      logged = 0;
      dropped = 0;
    }
    if (logged < LOG_LINES_PER_MINUTE) {
      logged += 1;
      logger.info('sync.host.server', { line: line.slice(0, 1000) });
    } else dropped += 1;
  });
  return {
    text: () => last.join(' | '),
    onLine(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function waitForReady(proc: ChildProcess, tail: OutputTail, config: HostingConfig, timeoutMs: number): Promise<HostedReady> {
  return new Promise<HostedReady>((resolve, reject) => {
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      off();
      proc.off('error', onError);
      proc.off('exit', onExit);
      fn();
    };
    const timer = setTimeout(
      () => done(() => reject(new WartaError('internal', `Server sinkronisasi kantor tidak siap dalam ${Math.round(timeoutMs / 1000)} detik; coba lagi. (The office sync server did not start in time.)`))),
      timeoutMs,
    );
    const off = tail.onLine((line) => {
      const parsed = parseHostedLine(line);
      if (!parsed) return;
      if ('ready' in parsed) done(() => resolve(parsed.ready));
      else done(() => reject(startFailure(parsed.failed, config)));
    });
    const onError = (err: Error) => done(() => reject(new WartaError('internal', `Server sinkronisasi kantor tidak dapat dijalankan: ${err.message}`)));
    const onExit = (code: number | null, signal: string | null) =>
      // stderr may still be arriving: give it a moment so the message can say why.
      setTimeout(
        () =>
          done(() =>
            reject(
              new WartaError(
                'internal',
                `Server sinkronisasi kantor berhenti sebelum siap (${code !== null ? `kode keluar ${code}` : `sinyal ${signal}`}).${tail.text() ? ` ${tail.text()}` : ''} (The office sync server stopped before it was ready.)`,
              ),
            ),
          ),
        100,
      );
    proc.once('error', onError);
    proc.once('exit', onExit);
  });
}

/** The reason a server could not start, in the words of the settings screen. */
function startFailure(f: HostedFailure, config: HostingConfig): WartaError {
  switch (f.code) {
    case 'EADDRINUSE':
      return new WartaError('conflict', `Port ${config.port} sudah dipakai program lain; pilih port lain. (Port ${config.port} is already in use.)`);
    case 'EADDRNOTAVAIL':
      return new WartaError('invalid_input', `Alamat ${config.host} bukan alamat komputer ini. (${config.host} is not an address of this computer.)`);
    case 'ENOTFOUND':
      return new WartaError('invalid_input', `Alamat ${config.host} tidak dikenal. (Unknown address ${config.host}.)`);
    case 'EACCES':
      return new WartaError('forbidden', `Port ${config.port} hanya boleh dipakai administrator sistem; pilih port 1024 atau lebih. (This port needs system privileges.)`);
    default:
      return new WartaError('invalid_input', f.message || 'Server sinkronisasi kantor tidak dapat dimulai. (The office sync server could not start.)');
  }
}
