/**
 * "Host the office sync server on this computer": the same server code as `npm run server`,
 * with SQLite storage in `<dataDir>/sync-server`, started from the app. The first start
 * creates the office's workspace and enrols this computer in it as its administrator.
 */
import os from 'node:os';
import path from 'node:path';
import { WartaError } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/contract/permissions';
import { insecureBindMessage, isLoopback } from '../../../shared/sync/bind-address';
import { startSyncServer, type SyncServer } from '../../../server/app';
import { openSqliteStore } from '../../../server/store-sqlite';
import type { CoreContext } from '../rpc/handler-types';
import type { SyncEngine } from './engine';
import { SyncState } from './local-tables';

export interface HostConfig {
  host: string;
  port: number;
  allowInsecureHttp: boolean;
}

const hosts = new WeakMap<CoreContext, SyncServer>();

export async function startHosting(ctx: CoreContext, engine: SyncEngine, config: HostConfig): Promise<SyncServer> {
  if (hosts.has(ctx)) throw new WartaError('conflict', 'Server sinkronisasi kantor sudah berjalan di komputer ini.');
  if (!isLoopback(config.host) && !config.allowInsecureHttp) throw new WartaError('invalid_input', insecureBindMessage(config.host));
  const state = new SyncState(ctx.db);
  const store = openSqliteStore(path.join(ctx.info.dataDir, 'sync-server'));
  let server: SyncServer;
  try {
    server = await startSyncServer({ store, host: config.host, port: config.port, allowInsecureHttp: config.allowInsecureHttp });
  } catch (err) {
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new WartaError('conflict', `Port ${config.port} sudah dipakai program lain; pilih port lain.`);
    if (code === 'EADDRNOTAVAIL') throw new WartaError('invalid_input', `Alamat ${config.host} bukan alamat komputer ini.`);
    throw new WartaError('invalid_input', (err as Error).message);
  }
  hosts.set(ctx, server);
  let workspace = state.get('host_workspace');
  if (!workspace || !(await store.workspace(workspace))) {
    const profile = ctx.db.prepare('SELECT unit, institution FROM office_profile WHERE deleted_at IS NULL LIMIT 1').get() as
      | { unit: string | null; institution: string | null }
      | undefined;
    const name = [profile?.unit, profile?.institution].filter(Boolean).join(', ') || 'Kantor Warta';
    workspace = (await server.admin.createWorkspace(name)).id;
    state.set('host_workspace', workspace);
  }
  state.set('host_config', JSON.stringify(config));
  const local = `http://127.0.0.1:${server.port}`;
  if (!engine.configured) {
    const code = await server.admin.issueCode(workspace, 'administrator');
    await engine.configure({ serverUrl: local, workspace, code, deviceName: `${os.hostname()} (server kantor)` });
  }
  engine.hosting = {
    url: `http://${config.host === '0.0.0.0' ? lanAddress() : config.host}:${server.port}`,
    host: config.host,
    port: server.port,
    workspace,
    insecure: !isLoopback(config.host),
  };
  return server;
}

export async function stopHosting(ctx: CoreContext, engine: SyncEngine, forget = true): Promise<void> {
  const server = hosts.get(ctx);
  if (forget) new SyncState(ctx.db).set('host_config', null);
  engine.hosting = null;
  if (!server) return;
  hosts.delete(ctx);
  await server.close();
  await server.store.close();
}

export async function issueHostCode(ctx: CoreContext, engine: SyncEngine, role: Role): Promise<{ code: string; workspace: string; url: string }> {
  const server = hosts.get(ctx);
  const workspace = new SyncState(ctx.db).get('host_workspace');
  if (!server || !workspace || !engine.hosting) throw new WartaError('conflict', 'Server sinkronisasi kantor belum dijalankan di komputer ini.');
  return { code: await server.admin.issueCode(workspace, role), workspace, url: engine.hosting.url };
}

/** Restarts hosting after the app restarts, when it was on. */
export function resumeHosting(ctx: CoreContext, engine: SyncEngine): void {
  const config = new SyncState(ctx.db).json<HostConfig>('host_config');
  if (!config) return;
  startHosting(ctx, engine, config).catch((err: Error) => ctx.logger.warn('sync.host.resume_failed', { message: err.message }));
}

function lanAddress(): string {
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}
