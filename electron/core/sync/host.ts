/**
 * "Host the office sync server on this computer": the same server program as `npm run server`,
 * with SQLite storage in `<dataDir>/sync-server`, run through the hosting port
 * (hosting-port.ts) as its own process. The first start creates the office's workspace and
 * enrols this computer in it as its administrator. When the server process dies, the status
 * says so and hosting is restarted a few times; when the app restarts, hosting resumes if it
 * was on.
 */
import os from 'node:os';
import path from 'node:path';
import { WartaError } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/contract/permissions';
import { insecureBindMessage, isLoopback } from '../../../shared/sync/bind-address';
import type { CoreContext } from '../rpc/handler-types';
import type { SyncEngine } from './engine';
import type { SyncHostingPort } from './hosting-port';
import { SyncState } from './local-tables';

export interface HostConfig {
  host: string;
  port: number;
  allowInsecureHttp: boolean;
}

/** Restarts after a crash: at most this many within the window, each after the next delay. */
const RESTART_DELAYS_MS = [2000, 10_000, 60_000];
const RESTART_WINDOW_MS = 10 * 60_000;

interface Hosting {
  port: SyncHostingPort | null;
  engine: SyncEngine;
  restarts: number[];
  restartTimer: NodeJS.Timeout | null;
  closed: boolean;
}

const hostings = new WeakMap<CoreContext, Hosting>();

/**
 * Wires hosting to a core. `port` is null where the starter gave no way to run the server
 * (then starting explains that it is not available here).
 */
export function attachHosting(ctx: CoreContext, engine: SyncEngine, port: SyncHostingPort | null): void {
  const h: Hosting = { port, engine, restarts: [], restartTimer: null, closed: false };
  hostings.set(ctx, h);
  port?.onUnexpectedExit((message) => onCrash(ctx, h, message));
}

function hostingOf(ctx: CoreContext): Hosting {
  const h = hostings.get(ctx);
  if (!h) throw new WartaError('internal', 'Hosting server belum siap.');
  return h;
}

function portOf(h: Hosting): SyncHostingPort {
  if (!h.port)
    throw new WartaError(
      'conflict',
      'Menjalankan server kantor tidak tersedia pada cara Warta dijalankan ini. (Hosting the office server is not available in this mode.)',
    );
  return h.port;
}

export async function startHosting(ctx: CoreContext, engine: SyncEngine, config: HostConfig): Promise<void> {
  const h = hostingOf(ctx);
  const port = portOf(h);
  // A person starting it by hand overtakes a pending restart after a crash.
  if (h.restartTimer) clearTimeout(h.restartTimer);
  h.restartTimer = null;
  if (port.running) throw new WartaError('conflict', 'Server sinkronisasi kantor sudah berjalan di komputer ini.');
  if (!isLoopback(config.host) && !config.allowInsecureHttp) throw new WartaError('invalid_input', insecureBindMessage(config.host));
  const state = new SyncState(ctx.db);
  const server = await port.start({ ...config, dataDir: path.join(ctx.info.dataDir, 'sync-server') });
  try {
    let workspace = state.get('host_workspace');
    if (!workspace || !(await port.workspaceExists(workspace))) {
      const profile = ctx.db.prepare('SELECT unit, institution FROM office_profile WHERE deleted_at IS NULL LIMIT 1').get() as
        | { unit: string | null; institution: string | null }
        | undefined;
      const name = [profile?.unit, profile?.institution].filter(Boolean).join(', ') || 'Kantor Warta';
      workspace = await port.createWorkspace(name);
      state.set('host_workspace', workspace);
    }
    state.set('host_config', JSON.stringify(config));
    if (!engine.configured) {
      // Issued for this computer's own device id: it may re-enrol itself after a disconnect.
      const code = await port.issueCode(workspace, 'administrator', ctx.info.deviceId);
      await engine.configure({ serverUrl: server.localUrl, workspace, code, deviceName: `${os.hostname()} (server kantor)` });
    }
    engine.hosting = {
      url: `http://${config.host === '0.0.0.0' || config.host === '::' ? lanAddress() : config.host.includes(':') ? `[${config.host}]` : config.host}:${server.port}`,
      host: config.host,
      port: server.port,
      workspace,
      insecure: !isLoopback(config.host),
    };
    engine.hostingProblem = null;
    ctx.events.emit('sync.status', engine.status());
  } catch (err) {
    // Half a start is no start: the server stops, the person sees why.
    await port.stop();
    throw err;
  }
}

export async function stopHosting(ctx: CoreContext, engine: SyncEngine, forget = true): Promise<void> {
  const h = hostings.get(ctx);
  if (forget) new SyncState(ctx.db).set('host_config', null);
  engine.hosting = null;
  engine.hostingProblem = null;
  if (!h) return;
  if (!forget) h.closed = true;
  if (h.restartTimer) clearTimeout(h.restartTimer);
  h.restartTimer = null;
  await h.port?.stop();
}

export async function issueHostCode(ctx: CoreContext, engine: SyncEngine, role: Role, opdId: string | null = null): Promise<{ code: string; workspace: string; url: string }> {
  const h = hostingOf(ctx);
  const workspace = new SyncState(ctx.db).get('host_workspace');
  if (!h.port?.running || !workspace || !engine.hosting) throw new WartaError('conflict', 'Server sinkronisasi kantor belum dijalankan di komputer ini.');
  if (opdId !== null && !ctx.db.prepare('SELECT 1 FROM opd WHERE id = ? AND deleted_at IS NULL').get(opdId))
    throw new WartaError('not_found', 'OPD itu tidak ada (atau sudah dihapus) di daftar OPD kantor.', { opdId });
  return { code: await h.port.issueCode(workspace, role, undefined, opdId), workspace, url: engine.hosting.url };
}

/** Restarts hosting after the app restarts, when it was on. */
export function resumeHosting(ctx: CoreContext, engine: SyncEngine): void {
  const config = new SyncState(ctx.db).json<HostConfig>('host_config');
  if (!config) return;
  startHosting(ctx, engine, config).catch((err: Error) => {
    ctx.logger.warn('sync.host.resume_failed', { message: err.message });
    engine.hostingProblem = `Server sinkronisasi kantor tidak dapat dijalankan lagi: ${err.message}`;
    ctx.events.emit('sync.status', engine.status());
  });
}

/** The server process died: say so, and start it again a few times while hosting is meant to be on. */
function onCrash(ctx: CoreContext, h: Hosting, message: string): void {
  // The core is closing (its database with it): nothing to tell, nothing to restart.
  if (h.closed) return;
  const engine = h.engine;
  engine.hosting = null;
  const config = new SyncState(ctx.db).json<HostConfig>('host_config');
  const now = Date.now();
  h.restarts = h.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
  const delay = RESTART_DELAYS_MS[h.restarts.length];
  if (!config || delay === undefined) {
    engine.hostingProblem = config
      ? `${message} Server tidak dijalankan ulang otomatis lagi; jalankan dari Pengaturan › Sinkronisasi. (Not restarted again automatically.)`
      : message;
    ctx.events.emit('sync.status', engine.status());
    return;
  }
  engine.hostingProblem = `${message} Server dijalankan ulang… (Restarting…)`;
  ctx.events.emit('sync.status', engine.status());
  h.restarts.push(now);
  h.restartTimer = setTimeout(() => {
    h.restartTimer = null;
    if (h.closed) return;
    startHosting(ctx, engine, config).then(
      () => ctx.logger.info('sync.host.restarted', {}),
      (err: Error) => {
        ctx.logger.warn('sync.host.restart_failed', { message: err.message });
        engine.hostingProblem = `Server sinkronisasi kantor tidak dapat dijalankan ulang: ${err.message}`;
        ctx.events.emit('sync.status', engine.status());
      },
    );
  }, delay);
  h.restartTimer.unref?.();
}

function lanAddress(): string {
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}
