/**
 * sync.server.erase_1m_s: the erasure of one journalist on a server whose log holds 1,000,000
 * changes, on SQLite. The log is laid down directly in the server's tables (a day's work of a
 * province would take hours to push); the erasure itself goes through the server as a device
 * sends it: HTTP push, rule check, commit, redaction of every stored change of the row, WAL
 * truncation. The answer is checked, and so is the log afterwards.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { createAdmin, startSyncServer } from '../../server/app';
import { openSqliteStore, SERVER_DB_FILE } from '../../server/store-sqlite';
import { pushChecked, type BenchDevice } from './sync-server-process';

const PERSON = '019a0000-0000-7000-8000-00000000e7a5';
const PHONE = '+6281299990000';

/** Writes `total` changes of `rows` journalists (the person's spread through the log) and their current rows. */
function layDown(dir: string, workspace: string, total: number, rows: number): void {
  const db = new Database(path.join(dir, SERVER_DB_FILE));
  db.pragma('journal_mode = WAL');
  const insert = db.prepare('INSERT INTO changes (workspace_id, seq, hlc, tbl, row_id, body) VALUES (?, ?, ?, ?, ?, ?)');
  const current = db.prepare('INSERT OR REPLACE INTO current_rows (workspace_id, tbl, row_id, vals, clocks) VALUES (?, ?, ?, ?, ?)');
  const node = 'b0b0b0b0b0b0b0b0';
  const base = Date.now() - total;
  const ids = Array.from({ length: rows }, (_, i) => (i === 0 ? PERSON : crypto.randomUUID()));
  db.transaction(() => {
    for (let seq = 1; seq <= total; seq++) {
      // The person: one change in 20,000; everyone else by turns.
      const row = seq % 20_000 === 7 ? 0 : 1 + (seq % (rows - 1));
      const id = ids[row] as string;
      const hlc = `${String(base + seq).padStart(15, '0')}-000000-${node}`;
      const fields = row === 0 ? { name: 'Rina Wulandari', phone: PHONE, email: `rina.${seq}@contoh.example`, beat: 'Ekonomi' } : { name: `Wartawan ${row}`, phone: `+62812${String(row).padStart(7, '0')}`, beat: 'Pemerintahan' };
      insert.run(workspace, seq, hlc, 'media_journalist', id, JSON.stringify({ hlc, table: 'media_journalist', rowId: id, fields }));
      if (seq > total - rows) current.run(workspace, 'media_journalist', id, JSON.stringify(fields), JSON.stringify(Object.fromEntries(Object.keys(fields).map((f) => [f, hlc]))));
    }
    current.run(workspace, 'media_journalist', PERSON, JSON.stringify({ name: 'Rina Wulandari', phone: PHONE }), JSON.stringify({ name: `${String(base).padStart(15, '0')}-000000-${node}`, phone: `${String(base).padStart(15, '0')}-000000-${node}` }));
    db.prepare('UPDATE workspaces SET head = ?, materialized = ? WHERE id = ?').run(total, total, workspace);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export async function eraseBench(dir: string, total = 1_000_000): Promise<{ seconds: number; redacted: number }> {
  let store = openSqliteStore(dir);
  await store.createWorkspace('prov', 'Provinsi');
  const code = await createAdmin(store).issueCode('prov', 'administrator');
  await store.close();
  layDown(dir, 'prov', total, 50_000);
  store = openSqliteStore(dir);
  const server = await startSyncServer({ store });
  try {
    const node = crypto.randomBytes(8).toString('hex');
    const r = await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace: 'prov', code, deviceId: node, deviceName: 'admin' }) });
    const device: BenchDevice = { node, token: ((await r.json()) as { token: string }).token, counter: 0 };
    const at = new Date().toISOString();
    const erase = { hlc: `${String(Date.now()).padStart(15, '0')}-000000-${node}`, table: 'media_journalist', rowId: PERSON, fields: { name: 'Dihapus atas permintaan', phone: null, email: null, beat: null, consent: 'withdrawn', erased_at: at, deleted_at: at } };
    const t0 = performance.now();
    await pushChecked(server.url, device, [erase]);
    const seconds = (performance.now() - t0) / 1000;
    const left = await store.changesOfRow('prov', 'media_journalist', PERSON);
    if (left.some((c) => c.body.includes(PHONE) || c.body.includes('Rina Wulandari'))) throw new Error('erasure left old values in the log');
    return { seconds, redacted: left.length - 1 };
  } finally {
    await server.close();
    await store.close();
  }
}
