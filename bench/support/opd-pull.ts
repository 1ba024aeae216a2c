/**
 * opd.pull.projection_ratio_vs_unfiltered: a server whose log holds 200,000 changes of 20,000
 * requests across 60 OPDs (laid down directly in the server's tables, as erase-log.ts does: a
 * year of a province's requests would take long to push). An administrator's device pulls the
 * whole log (unfiltered: everything readable) and an OPD contributor's device pulls it through its
 * projection (only its OPD's rows, each judged on the server's current row), both over HTTP on
 * 127.0.0.1 in pages, alternated in the same run. Every page is checked; the contributor must
 * receive its OPD's rows and nothing else.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { createAdmin, startSyncServer } from '../../server/app';
import { openSqliteStore, SERVER_DB_FILE } from '../../server/store-sqlite';
import type { PullResult } from '../../shared/sync/protocol';

export const OPD_COUNT = 60;
const ROWS = 20_000;

function layDown(dir: string, workspace: string, total: number, rows: number, opds: string[]): Map<string, string> {
  const db = new Database(path.join(dir, SERVER_DB_FILE));
  db.pragma('journal_mode = WAL');
  const insert = db.prepare('INSERT INTO changes (workspace_id, seq, hlc, tbl, row_id, body) VALUES (?, ?, ?, ?, ?, ?)');
  const current = db.prepare('INSERT OR REPLACE INTO current_rows (workspace_id, tbl, row_id, vals, clocks) VALUES (?, ?, ?, ?, ?)');
  const node = 'c0c0c0c0c0c0c0c0';
  const base = Date.now() - total;
  const ids: string[] = Array.from({ length: rows }, () => crypto.randomUUID());
  const opdOf = new Map(ids.map((id, i) => [id, opds[i % opds.length] as string]));
  const statuses = ['submitted', 'needs_info', 'accepted', 'declined'];
  const vals = new Map<string, Record<string, unknown>>();
  const clocks = new Map<string, Record<string, string>>();
  db.transaction(() => {
    for (let seq = 1; seq <= total; seq++) {
      const row = (seq - 1) % rows;
      const id = ids[row] as string;
      const hlc = `${String(base + seq).padStart(15, '0')}-000000-${node}`;
      // The first change of a row is the whole request; later ones move it along (status, answer, due time).
      const fields: Record<string, unknown> =
        seq <= rows
          ? { opd_id: opdOf.get(id), kind: 'publicity', channel: 'app', title: `Kegiatan ${row}`, description: `Uraian kegiatan ${row} untuk diliput Humas.`, place: 'Aula', start_ms: base + row * 60_000, end_ms: base + row * 60_000 + 3_600_000, zone: 'WIB', status: 'submitted', submitted_at: new Date(base).toISOString(), submitted_by: 'OPD' }
          : { status: statuses[seq % statuses.length], answer: `Jawaban ${seq}`, due_ms: base + seq };
      insert.run(workspace, seq, hlc, 'requests', id, JSON.stringify({ hlc, table: 'requests', rowId: id, fields }));
      vals.set(id, { ...(vals.get(id) ?? {}), ...fields });
      clocks.set(id, { ...(clocks.get(id) ?? {}), ...Object.fromEntries(Object.keys(fields).map((f) => [f, hlc])) });
    }
    for (const id of ids) current.run(workspace, 'requests', id, JSON.stringify(vals.get(id)), JSON.stringify(clocks.get(id)));
    db.prepare('UPDATE workspaces SET head = ?, materialized = ? WHERE id = ?').run(total, total, workspace);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return opdOf;
}

/** Pulls the whole log page by page; returns the time and the row ids received. */
async function pullAll(url: string, token: string): Promise<{ ms: number; changes: number; rows: Set<string> }> {
  const rows = new Set<string>();
  let after = 0;
  let changes = 0;
  const t0 = performance.now();
  for (;;) {
    const r = await fetch(`${url}/v1/pull?after=${after}`, { headers: { authorization: `Bearer ${token}` } });
    if (r.status !== 200) throw new Error(`pull: HTTP ${r.status} ${await r.text()}`);
    const page = (await r.json()) as PullResult;
    for (const c of page.changes) rows.add(c.change.rowId);
    changes += page.changes.length;
    after = page.cursor;
    if (!page.more) break;
  }
  return { ms: performance.now() - t0, changes, rows };
}

export interface OpdPullResult {
  ratios: number[];
  unfilteredMs: number[];
  projectedMs: number[];
  unfilteredChanges: number;
  projectedChanges: number;
  projectedRows: number;
}

export async function opdPullBench(dir: string, total: number, rounds: number, log: (l: string) => void): Promise<OpdPullResult> {
  const opds = Array.from({ length: OPD_COUNT }, () => crypto.randomUUID());
  const mine = opds[7] as string;
  let store = openSqliteStore(dir);
  await store.createWorkspace('kab', 'Humas Kabupaten');
  const admin = createAdmin(store);
  const adminCode = await admin.issueCode('kab', 'administrator');
  const opdCode = await admin.issueCode('kab', 'opd_contributor', undefined, null, mine);
  await store.close();
  const t0 = performance.now();
  const opdOf = layDown(dir, 'kab', total, ROWS, opds);
  log(`  laid down ${total} changes of ${ROWS} requests across ${OPD_COUNT} OPDs in ${Math.round(performance.now() - t0)} ms`);
  store = openSqliteStore(dir);
  const server = await startSyncServer({ store });
  try {
    const enrol = async (code: string, name: string) => {
      const r = await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace: 'kab', code, deviceId: crypto.randomBytes(8).toString('hex'), deviceName: name }) });
      if (r.status !== 200) throw new Error(`enrol: HTTP ${r.status} ${await r.text()}`);
      return ((await r.json()) as { token: string }).token;
    };
    const adminToken = await enrol(adminCode, 'Meja Humas');
    const opdToken = await enrol(opdCode, 'Laptop OPD');
    const expected = [...opdOf].filter(([, o]) => o === mine).map(([id]) => id);
    const out: OpdPullResult = { ratios: [], unfilteredMs: [], projectedMs: [], unfilteredChanges: 0, projectedChanges: 0, projectedRows: 0 };
    // A warm-up pull of each, then measured rounds, alternated so load on the machine hits both alike.
    await pullAll(server.url, adminToken);
    await pullAll(server.url, opdToken);
    for (let i = 0; i < rounds; i++) {
      const full = await pullAll(server.url, adminToken);
      const own = await pullAll(server.url, opdToken);
      // Requests are delivered as whole rows (a table with a row predicate): a page carries each
      // touched row's current fields, so the count of changes received is not the log's.
      if (full.rows.size !== ROWS) throw new Error(`unfiltered pull: ${full.rows.size} rows, expected ${ROWS}`);
      if (own.rows.size !== expected.length || expected.some((id) => !own.rows.has(id))) throw new Error(`projected pull: ${own.rows.size} rows, expected the OPD's ${expected.length}`);
      // Speed = changes of the log gone through per second; the same log for both.
      out.ratios.push(full.ms / own.ms);
      out.unfilteredMs.push(full.ms);
      out.projectedMs.push(own.ms);
      out.unfilteredChanges = full.changes;
      out.projectedChanges = own.changes;
      out.projectedRows = own.rows.size;
      log(`  round ${i + 1}: unfiltered ${Math.round(full.ms)} ms (${full.changes} changes), OPD projection ${Math.round(own.ms)} ms (${own.changes} changes of ${own.rows.size} rows)`);
    }
    return out;
  } finally {
    await server.close();
    await store.close();
  }
}
