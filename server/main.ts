/**
 * `npm run server -- [options]` starts the Warta sync server; `npm run server -- admin …`
 * manages workspaces, enrolment codes and devices on the same storage.
 *
 *   --port N               (WARTA_SYNC_PORT, default 8787)
 *   --host ADDR            bind address (WARTA_SYNC_HOST, default 127.0.0.1)
 *   --data-dir DIR         SQLite storage folder (WARTA_SYNC_DATA_DIR, default ./warta-sync-data)
 *   --postgres URL         PostgreSQL instead of SQLite (WARTA_SYNC_POSTGRES_URL)
 *   --allow-insecure-http  allow plain HTTP on a non-loopback address (HTTPS proxy in front)
 *   --admin-token T        enable /v1/admin/* (WARTA_SYNC_ADMIN_TOKEN)
 *   --max-connections N    open connections at most, notice WebSockets included
 *                          (WARTA_SYNC_MAX_CONNECTIONS, default 4000)
 *   --trust-proxy          behind a reverse proxy on this machine: take the client address from
 *                          X-Forwarded-For (WARTA_SYNC_TRUST_PROXY=1)
 *   --updates-dir DIR      published desktop installers (WARTA_SYNC_UPDATES_DIR; default <data-dir>/updates with SQLite)
 *
 *   admin create-workspace NAME            → prints the workspace id
 *   admin issue-code WORKSPACE ROLE [DAYS] [DEVICE_ID]
 *                                          → prints a single-use enrolment code; with DEVICE_ID
 *                                            it re-enrols that known (or revoked) device;
 *                                            ROLE opd_contributor needs --opd OPD_ID (the device's OPD)
 *   admin revoke WORKSPACE DEVICE_ID
 *   admin devices WORKSPACE
 *   admin enrolment-log [WORKSPACE]        → failed enrolments, lockouts and enrolments
 *
 *   publish-update FILE [--version X.Y.Z] [--platform win|mac|linux|linux-arm64] [--notes TEXT]
 *                                          → makes FILE (and FILE.blockmap beside it) the update the desktops fetch
 *
 * With WARTA_SYNC_HOSTED=1 it is the server the desktop app hosts as its child process
 * (shared/sync/hosted-server.ts): configuration from the environment only, a ready line on
 * stdout, and it stops when the app closes its stdin or is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../shared/contract/permissions';
import { HOSTED_ENV, HOSTED_FAILED_PREFIX, HOSTED_READY_PREFIX, type HostedFailure, type HostedReady } from '../shared/sync/hosted-server';
import { createAdmin, startSyncServer } from './app';
import type { SyncStore } from './store';
import { openPostgresStore } from './store-postgres';
import { openSqliteStore } from './store-sqlite';
import { openUpdateStore, UPDATE_PLATFORMS, UpdatePublishError, type UpdatePlatform } from './update-store';

const env = process.env;
const hosted = env[HOSTED_ENV.hosted] === '1';
const { values, positionals } = parseArgs({
  // Hosted by the app, the command line is the app's own (the Electron binary's flags).
  args: hosted ? [] : process.argv.slice(2),
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    postgres: { type: 'string' },
    'allow-insecure-http': { type: 'boolean' },
    'admin-token': { type: 'string' },
    'max-connections': { type: 'string' },
    'trust-proxy': { type: 'boolean' },
    'newsroom-url': { type: 'string' },
    'updates-dir': { type: 'string' },
    version: { type: 'string' },
    platform: { type: 'string' },
    notes: { type: 'string' },
    help: { type: 'boolean' },
    opd: { type: 'string' },
  },
});

async function openStore(): Promise<SyncStore> {
  const pgUrl = values.postgres ?? env.WARTA_SYNC_POSTGRES_URL;
  if (pgUrl) return openPostgresStore(pgUrl);
  return openSqliteStore(values['data-dir'] ?? env.WARTA_SYNC_DATA_DIR ?? 'warta-sync-data');
}

/** Installers live beside the SQLite file by default; with PostgreSQL only where --updates-dir says. */
/** The public address of the newsroom (server/campaigns/newsroom.ts), as readers outside reach it. */
function newsroomUrl(): string | null {
  const raw = values['newsroom-url'] ?? env.WARTA_SYNC_NEWSROOM_URL;
  if (!raw) return null;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) fail(`--newsroom-url tidak sah (harus http:// atau https://): ${raw}`);
  return raw;
}

function updatesDir(): string | null {
  const explicit = values['updates-dir'] ?? env.WARTA_SYNC_UPDATES_DIR;
  if (explicit) return path.resolve(explicit);
  if (values.postgres ?? env.WARTA_SYNC_POSTGRES_URL) return null;
  return path.resolve(values['data-dir'] ?? env.WARTA_SYNC_DATA_DIR ?? 'warta-sync-data', 'updates');
}

async function publishUpdate(file: string | undefined): Promise<void> {
  if (!file) fail('Pakai: npm run server -- publish-update BERKAS [--version X.Y.Z] [--platform win|mac|linux|linux-arm64] [--notes TEKS]');
  const dir = updatesDir();
  if (!dir) fail('Dengan PostgreSQL, sebutkan folder pembaruan: --updates-dir FOLDER (sama dengan server yang berjalan).');
  const platform = values.platform;
  if (platform !== undefined && !(UPDATE_PLATFORMS as readonly string[]).includes(platform)) fail(`Platform tidak dikenal: ${platform}. Pilih: ${UPDATE_PLATFORMS.join(', ')}`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    fail(`Berkas tidak ditemukan: ${file}`);
  }
  if (!stat.isFile()) fail(`Bukan berkas: ${file}`);
  const store = openUpdateStore(dir);
  try {
    const blockmap = `${file}.blockmap`;
    if (fs.existsSync(blockmap)) await store.publish(path.basename(blockmap), fs.createReadStream(blockmap));
    const result = await store.publish(path.basename(file), fs.createReadStream(file), { version: values.version, platform: platform as UpdatePlatform | undefined, notes: values.notes });
    if ('file' in result)
      process.stdout.write(
        `Diterbitkan: ${result.file.name} versi ${result.version} untuk ${result.platform} (${result.file.size} bita, sha512 ${result.file.sha512}); perangkat membacanya di /v1/updates/${result.channel}.\n`,
      );
  } catch (err) {
    if (err instanceof UpdatePublishError) fail(err.message);
    throw err;
  }
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  if (values.help) {
    process.stdout.write(
      'Lihat README, bagian "Sinkronisasi" dan "Pembaruan aplikasi".\n' +
        'Usage: npm run server -- [--port N] [--host ADDR] [--data-dir DIR | --postgres URL] [--allow-insecure-http] [--admin-token T] [--updates-dir DIR]\n' +
        '       npm run server -- admin create-workspace NAME | issue-code WORKSPACE ROLE [DAYS] | revoke WORKSPACE DEVICE_ID | devices WORKSPACE\n' +
        '       npm run server -- publish-update FILE [--version X.Y.Z] [--platform win|mac|linux|linux-arm64] [--notes TEXT]\n',
    );
    return;
  }
  if (positionals[0] === 'publish-update') return publishUpdate(positionals[1]);
  if (positionals[0] === 'admin') {
    const store = await openStore();
    const admin = createAdmin(store);
    try {
      const [, cmd, a, b, c] = positionals;
      if (cmd === 'create-workspace' && a) process.stdout.write(`${(await admin.createWorkspace(a)).id}\n`);
      else if (cmd === 'issue-code' && a && b) {
        if (!(ROLES as readonly string[]).includes(b)) fail(`Peran tidak dikenal: ${b}. Pilih: ${ROLES.join(', ')}`);
        const forDevice = positionals[5] ?? null;
        if (forDevice !== null && !/^[0-9a-f]{16}$/.test(forDevice)) fail(`ID perangkat tidak sah: ${forDevice} (16 digit heksadesimal).`);
        process.stdout.write(`${await admin.issueCode(a, b as Role, (Number(c) || 7) * 24 * 3600_000, forDevice, values.opd ?? null)}\n`);
      } else if (cmd === 'revoke' && a && b) process.stdout.write((await admin.revoke(a, b)) ? 'dicabut\n' : 'perangkat tidak ditemukan\n');
      else if (cmd === 'devices' && a) for (const d of await admin.devices(a)) process.stdout.write(`${d.deviceId}\t${d.role}\t${d.revoked ? 'dicabut' : 'aktif'}\t${d.name}\n`);
      else if (cmd === 'enrolment-log')
        for (const e of await admin.enrolmentLog(a ?? null, 500))
          process.stdout.write(`${new Date(e.at).toISOString()}\t${e.outcome}\t${e.reason ?? '-'}\t${e.address}\t${e.workspaceId}\t${e.deviceId ?? '-'}\n`);
      else fail('Perintah admin: create-workspace NAMA | issue-code RUANG PERAN [HARI] [PERANGKAT] [--opd OPD] | revoke RUANG PERANGKAT | devices RUANG | enrolment-log [RUANG]');
    } finally {
      await store.close();
    }
    return;
  }
  const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  // The last line of defence (here and in the server the desktop app hosts): whatever a request
  // manages to throw past its handler is logged, and the server keeps serving the other devices.
  process.on('uncaughtException', (err) => log(`uncaught ${err.stack ?? String(err)}`));
  process.on('unhandledRejection', (err) => log(`unhandled rejection ${(err as Error)?.stack ?? String(err)}`));
  if (hosted) return hostedMain();
  const store = await openStore();
  const port = Number(values.port ?? env.WARTA_SYNC_PORT ?? 8787);
  const maxConnections = Number(values['max-connections'] ?? env.WARTA_SYNC_MAX_CONNECTIONS ?? NaN);
  if (!Number.isNaN(maxConnections) && (!Number.isInteger(maxConnections) || maxConnections < 1)) fail(`--max-connections tidak sah: ${values['max-connections'] ?? env.WARTA_SYNC_MAX_CONNECTIONS}`);
  const server = await startSyncServer({
    store,
    host: values.host ?? env.WARTA_SYNC_HOST ?? '127.0.0.1',
    port,
    allowInsecureHttp: values['allow-insecure-http'] ?? env.WARTA_SYNC_ALLOW_INSECURE_HTTP === '1',
    adminToken: values['admin-token'] ?? env.WARTA_SYNC_ADMIN_TOKEN ?? null,
    limits: Number.isNaN(maxConnections) ? {} : { maxConnections },
    trustProxy: values['trust-proxy'] ?? env.WARTA_SYNC_TRUST_PROXY === '1',
    newsroomUrl: newsroomUrl(),
    log,
    updatesDir: updatesDir(),
  }).catch((err: Error) => fail(err.message));
  process.stdout.write(`Server sinkronisasi Warta (${store.kind}) mendengarkan di ${server.url}\n`);
  const stop = () => {
    void server.close().then(() => store.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * The server as the desktop app's child: SQLite in the folder the app names, the admin API on
 * with the app's token, one ready line; stops when the app closes stdin or its process is gone.
 */
async function hostedMain(): Promise<void> {
  const dataDir = env[HOSTED_ENV.dataDir];
  const adminToken = env[HOSTED_ENV.adminToken];
  const failHosted = (failure: HostedFailure): never => {
    process.stdout.write(`${HOSTED_FAILED_PREFIX}${JSON.stringify(failure)}\n`);
    process.exit(2);
  };
  if (!dataDir || !adminToken) failHosted({ code: null, message: 'Server yang dijalankan aplikasi butuh folder data dan token admin. (Hosted server needs a data folder and an admin token.)' });
  // Nothing this process starts needs the token: keep it out of its environment.
  delete env[HOSTED_ENV.adminToken];
  let store: SyncStore;
  try {
    store = openSqliteStore(dataDir as string);
  } catch (err) {
    return failHosted({ code: (err as NodeJS.ErrnoException).code ?? null, message: (err as Error).message });
  }
  let server: Awaited<ReturnType<typeof startSyncServer>>;
  try {
    server = await startSyncServer({
      store,
      host: env[HOSTED_ENV.host] ?? '127.0.0.1',
      port: Number(env[HOSTED_ENV.port] ?? 0),
      allowInsecureHttp: env[HOSTED_ENV.allowInsecureHttp] === '1',
      adminToken,
      // Installers the administrator publishes to this office server (README, "Pembaruan aplikasi").
      updatesDir: path.join(dataDir as string, 'updates'),
      log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (err) {
    await store.close().catch(() => undefined);
    return failHosted({ code: (err as NodeJS.ErrnoException).code ?? null, message: (err as Error).message });
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // A stuck close must not leave the process (and the port) behind.
    setTimeout(() => process.exit(0), 5000).unref();
    void server.close().then(() => store.close()).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The app holds our stdin: it closes when the app stops us or dies.
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  const parent = Number(env[HOSTED_ENV.parentPid]);
  if (Number.isInteger(parent) && parent > 0) {
    // Where stdin cannot tell (a GUI parent on some systems), the parent's pid can.
    setInterval(() => {
      try {
        process.kill(parent, 0);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ESRCH') stop();
      }
    }, 2000).unref();
  }
  const ready: HostedReady = { port: server.port, url: server.url, storage: store.kind, pid: process.pid };
  process.stdout.write(`${HOSTED_READY_PREFIX}${JSON.stringify(ready)}\n`);
}

await main();
