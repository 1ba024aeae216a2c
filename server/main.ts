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
 *
 *   admin create-workspace NAME            → prints the workspace id
 *   admin issue-code WORKSPACE ROLE [DAYS] → prints a single-use enrolment code
 *   admin revoke WORKSPACE DEVICE_ID
 *   admin devices WORKSPACE
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../shared/contract/permissions';
import { createAdmin, startSyncServer } from './app';
import type { SyncStore } from './store';
import { openPostgresStore } from './store-postgres';
import { openSqliteStore } from './store-sqlite';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    postgres: { type: 'string' },
    'allow-insecure-http': { type: 'boolean' },
    'admin-token': { type: 'string' },
    help: { type: 'boolean' },
  },
});
const env = process.env;

async function openStore(): Promise<SyncStore> {
  const pgUrl = values.postgres ?? env.WARTA_SYNC_POSTGRES_URL;
  if (pgUrl) return openPostgresStore(pgUrl);
  return openSqliteStore(values['data-dir'] ?? env.WARTA_SYNC_DATA_DIR ?? 'warta-sync-data');
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  if (values.help) {
    process.stdout.write('Lihat README, bagian "Sinkronisasi". Usage: npm run server -- [--port N] [--host ADDR] [--data-dir DIR | --postgres URL] [--allow-insecure-http] [--admin-token T]\n');
    return;
  }
  if (positionals[0] === 'admin') {
    const store = await openStore();
    const admin = createAdmin(store);
    try {
      const [, cmd, a, b, c] = positionals;
      if (cmd === 'create-workspace' && a) process.stdout.write(`${(await admin.createWorkspace(a)).id}\n`);
      else if (cmd === 'issue-code' && a && b) {
        if (!(ROLES as readonly string[]).includes(b)) fail(`Peran tidak dikenal: ${b}. Pilih: ${ROLES.join(', ')}`);
        process.stdout.write(`${await admin.issueCode(a, b as Role, (Number(c) || 7) * 24 * 3600_000)}\n`);
      } else if (cmd === 'revoke' && a && b) process.stdout.write((await admin.revoke(a, b)) ? 'dicabut\n' : 'perangkat tidak ditemukan\n');
      else if (cmd === 'devices' && a) for (const d of await admin.devices(a)) process.stdout.write(`${d.deviceId}\t${d.role}\t${d.revoked ? 'dicabut' : 'aktif'}\t${d.name}\n`);
      else fail('Perintah admin: create-workspace NAMA | issue-code RUANG PERAN [HARI] | revoke RUANG PERANGKAT | devices RUANG');
    } finally {
      await store.close();
    }
    return;
  }
  const store = await openStore();
  const port = Number(values.port ?? env.WARTA_SYNC_PORT ?? 8787);
  const server = await startSyncServer({
    store,
    host: values.host ?? env.WARTA_SYNC_HOST ?? '127.0.0.1',
    port,
    allowInsecureHttp: values['allow-insecure-http'] ?? env.WARTA_SYNC_ALLOW_INSECURE_HTTP === '1',
    adminToken: values['admin-token'] ?? env.WARTA_SYNC_ADMIN_TOKEN ?? null,
    log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  }).catch((err: Error) => fail(err.message));
  process.stdout.write(`Server sinkronisasi Warta (${store.kind}) mendengarkan di ${server.url}\n`);
  const stop = () => {
    void server.close().then(() => store.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
