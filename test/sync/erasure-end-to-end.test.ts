/**
 * Erasure reaches everywhere (UU 27/2022), end to end: a journalist's and a guest's data travel
 * to several devices and into local copies (a losing conflict value, a change deferred by an
 * older schema, a refused change kept for its writer, an import being staged, the search
 * indexes), then both are erased on one device and everybody syncs. Afterwards the old values
 * are in no device's database or WAL bytes, not in the server's store (SQLite: the file's bytes;
 * PostgreSQL: its rows), and a device enrolled later never receives them.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/create-core';
import { runAsSync } from '../../electron/core/data/actor-scope';
import { knowsRegistry } from '../../electron/core/sync/apply';
import { startSyncServer, type SyncServer } from '../../server/app';
import type { SyncStore } from '../../server/store';
import { openPostgresStore } from '../../server/store-postgres';
import { openSqliteStore, SERVER_DB_FILE } from '../../server/store-sqlite';
import { actAs } from '../core/releases/helpers';
import { openImport } from '../core/media/media-support';
import { removeDir, tempDir } from '../support/temp-dir';
import { findPgBin, startPgCluster, type PgCluster } from './postgres-cluster';
import { enrol, openDevice, type TestDevice } from './support';

const OLD = {
  name: 'Rina Wulandari',
  phone: '081299880011',
  phoneStored: '+6281299880011',
  phoneLater: '081299880022',
  email: 'rina.wulandari@harian.example',
  card: 'KP-88123',
  guest: 'Bambang Suprapto',
  guestOutlet: 'Tabloid Warga Sukamaju',
};
const SECRETS = [OLD.name, OLD.phone, OLD.phoneStored, '+6281299880022', OLD.email, OLD.card, OLD.guest, OLD.guestOutlet];

const devicesOf: TestDevice[] = [];
function device(role: string[] = ['administrator'], options: Parameters<typeof openDevice>[1] = {}): TestDevice {
  const d = openDevice(undefined, options);
  devicesOf.push(d);
  actAs(d.core, role as never, 'Petugas');
  return d;
}

/** Every byte a device's database holds on disk (file, WAL, shared memory). */
function diskOf(d: TestDevice): string {
  return ['', '-wal', '-shm']
    .map((s) => path.join(d.dir, DATABASE_FILE + s))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');
}

/** Where a value still is in a device's tables (for the message when the test fails). */
function whereIs(d: TestDevice, value: string): string {
  const db = d.core.context.db;
  const found: string[] = [];
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]) {
    try {
      const cols = (db.prepare(`SELECT * FROM "${name}" LIMIT 0`).columns() as { name: string }[]).map((c) => c.name);
      for (const c of cols) if ((db.prepare(`SELECT count(*) AS n FROM "${name}" WHERE instr(CAST("${c}" AS TEXT), ?) > 0`).get(value) as { n: number }).n > 0) found.push(`${name}.${c}`);
    } catch {
      // virtual tables' shadow internals
    }
  }
  return found.join(', ') || 'free pages or WAL';
}

const personal = (phone: string) => ({ phone, whatsapp: phone, email: OLD.email, ukwNumber: 'UKW-5521', pressCardNo: OLD.card });

async function scenario(server: SyncServer, workspace: string): Promise<TestDevice[]> {
  const press = device();
  const a = device();
  const b = device();
  // An older client that does not know journalists' email yet: it keeps that field aside.
  const older = device(['administrator'], { sync: { knows: (table, field) => knowsRegistry(table, field) && !(table === 'media_journalist' && field === 'email') } });
  const writer = device();
  await enrol(press, server, workspace, 'journalist');
  for (const d of [a, b, older]) await enrol(d, server, workspace, 'administrator');
  await enrol(writer, server, workspace, 'writer');
  actAs(writer.core, ['writer'], 'Penulis');

  // The guest signs in at the press room; the journalist is recorded on a.
  actAs(press.core, ['journalist'], 'Ruang Pers');
  const guest = await press.core.invoke('guestbook.signIn', { name: OLD.guest, outlet: OLD.guestOutlet, purpose: 'Liputan', consent: true });
  const outlet = await a.core.invoke('media.outlets.save', { name: 'Harian Sukamaju', kind: 'print' } as never);
  const j = await a.core.invoke('media.journalists.save', { outletId: outlet.id, name: OLD.name, beat: 'Ekonomi', dataSource: 'Kartu nama', consent: 'given', personal: personal(OLD.phone) } as never);
  for (const d of [press, a, b, older, writer]) expect((await d.engine.syncNow()).state).toBe('up_to_date');

  // Copies: b edits the phone concurrently with a (b's value loses and is kept as a conflict) …
  await b.core.invoke('media.journalists.save', { id: j.id, outletId: outlet.id, name: OLD.name, dataSource: 'Kartu nama', consent: 'given', personal: personal(OLD.phoneLater) } as never);
  await a.core.invoke('media.journalists.save', { id: j.id, outletId: outlet.id, name: OLD.name, dataSource: 'Kartu nama', consent: 'given', personal: personal(OLD.phone) } as never);
  expect((await a.engine.syncNow()).state).toBe('up_to_date');
  expect((await b.engine.syncNow()).state).toBe('up_to_date');
  expect((b.core.context.db.prepare("SELECT count(*) AS n FROM sync_conflicts WHERE table_name = 'media_journalist'").get() as { n: number }).n).toBeGreaterThan(0);
  // … the older client keeps fields it does not know aside …
  expect((older.core.context.db.prepare('SELECT count(*) AS n FROM sync_deferred').get() as { n: number }).n).toBeGreaterThan(0);
  // … a writer's device writes the phone as an older client would; the server refuses it, the value is kept for its writer …
  runAsSync(() => writer.core.context.mutator.write('media_journalist', j.id, { phone: '+6281299880022' }));
  await writer.engine.syncNow();
  expect((writer.core.context.db.prepare("SELECT count(*) AS n FROM sync_refused WHERE table_name = 'media_journalist'").get() as { n: number }).n).toBe(1);
  // … and b is staging an import that carries the same person.
  await openImport(b.core, Buffer.from(`Nama,Media,No. HP/WA,Email\n${OLD.name},Harian Sukamaju,${OLD.phone},${OLD.email}\n`), 'wartawan.csv', 'journalists');
  for (const d of [a, b, older]) expect(diskOf(d)).toContain(OLD.name);
  expect(diskOf(press)).toContain(OLD.guest);

  // Both erased on a, on request; every device syncs.
  await a.core.invoke('media.journalists.erase', { id: j.id, reason: 'Permintaan tertulis' } as never);
  await a.core.invoke('guestbook.erase', { id: guest.id });
  for (let round = 0; round < 2; round++) for (const d of [a, press, b, older, writer]) expect((await d.engine.syncNow()).state).toBe('up_to_date');
  for (const [i, d] of [press, a, b, older, writer].entries()) {
    const disk = diskOf(d);
    for (const s of SECRETS) expect(disk, `${s} left on device ${i}: ${whereIs(d, s)}`).not.toContain(s);
  }
  expect(b.core.context.db.prepare('SELECT name FROM media_journalist WHERE id = ?').get(j.id)).toEqual({ name: 'Dihapus atas permintaan' });

  // A device enrolled afterwards never receives the old values.
  const later = device();
  await enrol(later, server, workspace, 'administrator');
  expect((await later.engine.syncNow()).state).toBe('up_to_date');
  for (const s of SECRETS) expect(diskOf(later), `${s} reached a later device`).not.toContain(s);
  return [press, a, b, older, writer, later];
}

afterAll(() => {
  for (const d of devicesOf) d.cleanup();
});

describe('erasure end to end', () => {
  it('SQLite server: no device, no byte of the server file keeps the old values', { timeout: 120_000 }, async () => {
    const dir = tempDir('erasure-server');
    const store: SyncStore = openSqliteStore(dir);
    const server = await startSyncServer({ store });
    try {
      const ws = (await server.admin.createWorkspace('Humas')).id;
      await scenario(server, ws);
      const bytes = ['', '-wal', '-shm']
        .map((s) => path.join(dir, SERVER_DB_FILE + s))
        .filter((f) => fs.existsSync(f))
        .map((f) => fs.readFileSync(f).toString('latin1'))
        .join('\n');
      for (const s of SECRETS) expect(bytes, `${s} left in the server file`).not.toContain(s);
      expect(bytes).toContain('Dihapus atas permintaan');
    } finally {
      await server.close();
      await store.close();
      removeDir(dir);
    }
  });

  describe.skipIf(findPgBin() === null)('PostgreSQL server', () => {
    let cluster: PgCluster;
    beforeAll(async () => {
      cluster = await startPgCluster();
    }, 180_000);
    afterAll(() => cluster?.stop(), 60_000);

    it('no device and no row of the server database keeps the old values', { timeout: 180_000 }, async () => {
      const store = await openPostgresStore(cluster.url);
      const server = await startSyncServer({ store });
      try {
        const ws = (await server.admin.createWorkspace('Humas')).id;
        await scenario(server, ws);
        const client = new pg.Client({ connectionString: cluster.url });
        await client.connect();
        try {
          const rows = await client.query<{ t: string }>("SELECT body AS t FROM changes WHERE workspace_id = $1 UNION ALL SELECT vals || clocks FROM current_rows WHERE workspace_id = $1", [ws]);
          const text = rows.rows.map((r) => r.t).join('\n');
          for (const s of SECRETS) expect(text, `${s} left in a PostgreSQL row`).not.toContain(s);
        } finally {
          await client.end();
        }
      } finally {
        await server.close();
        await store.close();
      }
    });
  });
});
