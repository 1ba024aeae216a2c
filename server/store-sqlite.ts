/**
 * SQLite storage for the sync server (the default: one office, even started from the desktop
 * app on the LAN). One process owns the file; appends run in IMMEDIATE transactions, so
 * sequences are assigned and committed in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Role } from '../shared/contract/permissions';
import { redactFields } from '../shared/rules/erasure';
import type { BlobStatus } from '../shared/sync/protocol';
import {
  decideEnrolment,
  ENROLMENT_AUDIT_MAX_AGE_MS,
  ENROLMENT_AUDIT_MAX_ROWS,
  MAX_SCAN_PER_PULL,
  MAX_SEQS_PER_READ,
  pagePulled,
  toActivity,
  type ActivityRow,
  type DeviceRecord,
  type EnrolmentEvent,
  acceptAll,
  foldInto,
  rowKey,
  rowsOfStored,
  type CommitPlan,
  type Decider,
  type RowRef,
  type RowState,
  type SyncStore,
  type WorkspaceRecord,
} from './store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, head INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS enrolment_codes (workspace_id TEXT NOT NULL, code_hash TEXT NOT NULL, role TEXT NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER, PRIMARY KEY (workspace_id, code_hash));
CREATE TABLE IF NOT EXISTS devices (workspace_id TEXT NOT NULL, device_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, revoked_at INTEGER, enrolled_at INTEGER NOT NULL, PRIMARY KEY (workspace_id, device_id));
CREATE TABLE IF NOT EXISTS changes (workspace_id TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (workspace_id, seq), UNIQUE (workspace_id, hlc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blobs (workspace_id TEXT NOT NULL, hash TEXT NOT NULL, size INTEGER NOT NULL, received INTEGER NOT NULL DEFAULT 0, complete INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (workspace_id, hash));
CREATE TABLE IF NOT EXISTS blob_chunks (workspace_id TEXT NOT NULL, hash TEXT NOT NULL, offset INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (workspace_id, hash, offset));
CREATE TABLE IF NOT EXISTS enrolment_audit (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, address TEXT NOT NULL, workspace_id TEXT NOT NULL, device_id TEXT, outcome TEXT NOT NULL, reason TEXT);
CREATE INDEX IF NOT EXISTS enrolment_audit_ws ON enrolment_audit (workspace_id, id);
CREATE TABLE IF NOT EXISTS current_rows (workspace_id TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, vals TEXT NOT NULL, clocks TEXT NOT NULL, PRIMARY KEY (workspace_id, tbl, row_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS changes_row ON changes (workspace_id, tbl, row_id);
`;

/** Columns added after the first release: added to an existing file on open. */
function addMissingColumns(db: Database.Database): void {
  const has = (table: string, column: string) => (db.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(table, column) ?? null) !== null;
  // The device an enrolment code was issued for (an administrator's re-enrolment approval).
  if (!has('enrolment_codes', 'device_id')) db.exec('ALTER TABLE enrolment_codes ADD COLUMN device_id TEXT');
  // How far each workspace's log is folded into current rows (a server from before them: 0).
  // The OPD a contributor's code and device are bound to (issue 13).
  if (!has('enrolment_codes', 'opd_id')) db.exec('ALTER TABLE enrolment_codes ADD COLUMN opd_id TEXT');
  if (!has('devices', 'opd_id')) db.exec('ALTER TABLE devices ADD COLUMN opd_id TEXT');
  // What the server saw of each device's sync (issue 16: the administrator's device report).
  for (const col of ['last_seen_at INTEGER', 'last_push_at INTEGER', 'last_push_accepted INTEGER NOT NULL DEFAULT 0', 'last_push_refused INTEGER NOT NULL DEFAULT 0', 'refused_total INTEGER NOT NULL DEFAULT 0', 'pulled_to INTEGER'])
    if (!has('devices', col.split(' ')[0] as string)) db.exec(`ALTER TABLE devices ADD COLUMN ${col}`);
  if (!has('workspaces', 'materialized')) db.exec('ALTER TABLE workspaces ADD COLUMN materialized INTEGER NOT NULL DEFAULT 0');
}

/** Rows folded per transaction when an older server's log is materialized at start. */
const FOLD_CHUNK = 5000;

export const SERVER_DB_FILE = 'warta-server.sqlite';

interface DeviceRow {
  device_id: string;
  workspace_id: string;
  wname: string;
  name: string;
  role: string;
  opd_id: string | null;
  revoked_at: number | null;
}

const toDevice = (r: DeviceRow): DeviceRecord => ({
  deviceId: r.device_id,
  workspaceId: r.workspace_id,
  workspaceName: r.wname,
  name: r.name,
  role: r.role as Role,
  opdId: r.opd_id,
  revoked: r.revoked_at !== null,
});

export function openSqliteStore(dataDir: string): SyncStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, SERVER_DB_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Freed cells are zeroed where it costs no extra I/O; redaction turns it fully on.
  db.pragma('secure_delete = FAST');
  db.exec(SCHEMA);
  addMissingColumns(db);
  const listeners = new Set<(ws: string, head: number) => void>();

  const q = {
    headOf: db.prepare('SELECT head FROM workspaces WHERE id = ?').pluck(),
    exists: db.prepare('SELECT 1 FROM changes WHERE workspace_id = ? AND hlc = ?').pluck(),
    insert: db.prepare('INSERT INTO changes (workspace_id, seq, hlc, tbl, row_id, body) VALUES (?, ?, ?, ?, ?, ?)'),
    setHead: db.prepare('UPDATE workspaces SET head = ?, materialized = ? WHERE id = ?'),
    pull: db.prepare('SELECT seq, tbl, row_id AS rowId, body, length(CAST(body AS BLOB)) AS bytes FROM changes WHERE workspace_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    row: db.prepare('SELECT vals, clocks FROM current_rows WHERE workspace_id = ? AND tbl = ? AND row_id = ?'),
    putRow: db.prepare('INSERT OR REPLACE INTO current_rows (workspace_id, tbl, row_id, vals, clocks) VALUES (?, ?, ?, ?, ?)'),
    ofRow: db.prepare('SELECT seq, hlc, body FROM changes WHERE workspace_id = ? AND tbl = ? AND row_id = ? ORDER BY seq'),
    setBody: db.prepare('UPDATE changes SET body = ? WHERE workspace_id = ? AND seq = ?'),
    device: db.prepare(
      'SELECT d.device_id, d.workspace_id, w.name AS wname, d.name, d.role, d.opd_id, d.revoked_at FROM devices d JOIN workspaces w ON w.id = d.workspace_id WHERE d.token_hash = ?',
    ),
    blob: db.prepare('SELECT size, received, complete FROM blobs WHERE workspace_id = ? AND hash = ?'),
    bodyAt: db.prepare('SELECT body FROM changes WHERE workspace_id = ? AND seq = ?').pluck(),
  };

  const loadRows = (workspaceId: string, keys: readonly RowRef[]): Map<string, RowState | null> => {
    const out = new Map<string, RowState | null>();
    for (const k of keys) {
      const r = q.row.get(workspaceId, k.table, k.rowId) as { vals: string; clocks: string } | undefined;
      out.set(rowKey(k.table, k.rowId), r ? { values: JSON.parse(r.vals), clocks: JSON.parse(r.clocks) } : null);
    }
    return out;
  };

  /** Writes a plan: log entries, rows, redactions. Inside the caller's transaction. */
  const writePlan = (workspaceId: string, head: number, plan: CommitPlan): number => {
    for (const c of plan.log) q.insert.run(workspaceId, (head += 1), c.hlc, c.table, c.rowId, c.body);
    for (const r of plan.rows.values()) q.putRow.run(workspaceId, r.table, r.rowId, JSON.stringify(r.state.values), JSON.stringify(r.state.clocks));
    if (plan.redact.length > 0) {
      // The old values' cells are zeroed as they are rewritten; the WAL is truncated after the commit.
      db.pragma('secure_delete = ON');
      for (const e of plan.redact)
        for (const c of q.ofRow.all(workspaceId, e.table, e.rowId) as { seq: number; hlc: string; body: string }[]) {
          if (c.hlc === e.keep) continue;
          const change = JSON.parse(c.body) as { fields: Record<string, unknown> };
          if (redactFields(change.fields, e.fields)) q.setBody.run(JSON.stringify(change), workspaceId, c.seq);
        }
    }
    return head;
  };

  const afterRedaction = () => {
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.pragma('secure_delete = FAST');
    }
  };

  function commit<R>(workspaceId: string, decider: Decider<R>): { head: number; result: R; grew: boolean; redacted: boolean } {
    const tx = db.transaction(() => {
      const head = q.headOf.get(workspaceId) as number | undefined;
      if (head === undefined) throw new Error(`unknown workspace ${workspaceId}`);
      const known = new Set<string>();
      for (const h of decider.hlcs()) if (q.exists.get(workspaceId, h) !== undefined) known.add(h);
      // Loaded in rounds (rows, then the parents their rules read); synchronous, inside the transaction.
      const loaded = new Map<string, RowState | null>();
      for (let round = 0; round < 4; round++) {
        const wanted = decider.rowsNeeded(loaded).filter((k) => !loaded.has(rowKey(k.table, k.rowId)));
        if (wanted.length === 0) break;
        for (const [k, v] of loadRows(workspaceId, wanted)) loaded.set(k, v);
      }
      const { plan, result } = decider.decide(known, loaded);
      const next = writePlan(workspaceId, head, plan);
      if (next !== head) q.setHead.run(next, next, workspaceId);
      return { head: next, result, grew: next !== head, redacted: plan.redact.length > 0 };
    });
    try {
      return tx.immediate();
    } finally {
      if (db.pragma('secure_delete', { simple: true }) === 1) afterRedaction();
    }
  }

  /** Folds the log of a workspace that an older server wrote without current rows. */
  const foldLog = (workspaceId: string) => {
    for (;;) {
      const done = db.transaction(() => {
        const w = db.prepare('SELECT head, materialized FROM workspaces WHERE id = ?').get(workspaceId) as { head: number; materialized: number };
        if (w.materialized >= w.head) return true;
        const batch = q.pull.all(workspaceId, w.materialized, FOLD_CHUNK) as { seq: number; tbl: string; rowId: string; body: string }[];
        const plan: CommitPlan = { log: [], rows: new Map(), redact: [] };
        const rows = loadRows(workspaceId, batch.flatMap((c) => rowsOfStored(c.tbl, c.rowId, c.body)));
        let last = w.materialized;
        for (const c of batch) {
          const change = JSON.parse(c.body) as { hlc: string; fields: Record<string, unknown> };
          foldInto(rows, plan, c.tbl, c.rowId, change.hlc, change.fields);
          last = c.seq;
        }
        writePlan(workspaceId, w.head, plan);
        db.prepare('UPDATE workspaces SET materialized = ? WHERE id = ?').run(last, workspaceId);
        return false;
      }).immediate();
      if (db.pragma('secure_delete', { simple: true }) === 1) afterRedaction();
      if (done) return;
    }
  };
  for (const id of db.prepare('SELECT id FROM workspaces WHERE materialized < head').pluck().all() as string[]) foldLog(id);

  const blobStatus = (workspaceId: string, hash: string): BlobStatus => {
    const r = q.blob.get(workspaceId, hash) as { size: number; received: number; complete: number } | undefined;
    return r ? { size: r.size, received: r.received, complete: r.complete === 1 } : { size: null, received: 0, complete: false };
  };

  const store: SyncStore = {
    kind: 'sqlite',
    async createWorkspace(id, name) {
      db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)').run(id, name, Date.now());
      return { id, name };
    },
    async workspace(id) {
      const r = db.prepare('SELECT id, name FROM workspaces WHERE id = ?').get(id) as WorkspaceRecord | undefined;
      return r ?? null;
    },
    async addEnrolmentCode(workspaceId, codeHash, role, expiresAt, forDeviceId = null, opdId = null) {
      db.prepare('INSERT INTO enrolment_codes (workspace_id, code_hash, role, expires_at, device_id, opd_id) VALUES (?, ?, ?, ?, ?, ?)').run(
        workspaceId,
        codeHash,
        role,
        expiresAt,
        forDeviceId,
        opdId,
      );
    },
    async redeemEnrolmentCode(workspaceId, codeHash, device, now) {
      return db.transaction(() => {
        const code = db
          .prepare('SELECT role, device_id, opd_id FROM enrolment_codes WHERE workspace_id = ? AND code_hash = ? AND used_at IS NULL AND expires_at > ?')
          .get(workspaceId, codeHash, now) as { role: string; device_id: string | null; opd_id: string | null } | undefined;
        if (!code) return { refused: 'code' as const };
        const existing = db.prepare('SELECT token_hash, revoked_at FROM devices WHERE workspace_id = ? AND device_id = ?').get(workspaceId, device.deviceId) as
          | { token_hash: string; revoked_at: number | null }
          | undefined;
        const decision = decideEnrolment(code.device_id, device, existing ? { tokenHash: existing.token_hash, revoked: existing.revoked_at !== null } : null);
        if ('refused' in decision) return decision;
        db.prepare('UPDATE enrolment_codes SET used_at = ? WHERE workspace_id = ? AND code_hash = ?').run(now, workspaceId, codeHash);
        db.prepare(
          `INSERT INTO devices (workspace_id, device_id, name, role, opd_id, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (workspace_id, device_id) DO UPDATE SET name = excluded.name, role = excluded.role, opd_id = excluded.opd_id, token_hash = excluded.token_hash, revoked_at = NULL, enrolled_at = excluded.enrolled_at`,
        ).run(workspaceId, device.deviceId, device.name, code.role, code.opd_id, device.tokenHash, now);
        return { device: toDevice(q.device.get(device.tokenHash) as DeviceRow), kind: decision.kind };
      }).immediate();
    },
    async recordEnrolmentEvent(e) {
      db.transaction(() => {
        const id = db
          .prepare('INSERT INTO enrolment_audit (at, address, workspace_id, device_id, outcome, reason) VALUES (?, ?, ?, ?, ?, ?)')
          .run(e.at, e.address, e.workspaceId, e.deviceId, e.outcome, e.reason).lastInsertRowid as number;
        // Bounded: a stream of failures from many addresses cannot fill the disk.
        db.prepare('DELETE FROM enrolment_audit WHERE id <= ? OR at < ?').run(id - ENROLMENT_AUDIT_MAX_ROWS, e.at - ENROLMENT_AUDIT_MAX_AGE_MS);
      })();
    },
    async enrolmentEvents(workspaceId, limit) {
      const rows = db
        .prepare(
          `SELECT at, address, workspace_id AS workspaceId, device_id AS deviceId, outcome, reason FROM enrolment_audit ${workspaceId === null ? '' : 'WHERE workspace_id = ?'} ORDER BY id DESC LIMIT ?`,
        )
        .all(...(workspaceId === null ? [limit] : [workspaceId, limit])) as EnrolmentEvent[];
      return rows;
    },
    async deviceByToken(tokenHash) {
      const r = q.device.get(tokenHash) as DeviceRow | undefined;
      return r ? toDevice(r) : null;
    },
    async devices(workspaceId) {
      const rows = db
        .prepare(
          'SELECT d.device_id, d.workspace_id, w.name AS wname, d.name, d.role, d.opd_id, d.revoked_at FROM devices d JOIN workspaces w ON w.id = d.workspace_id WHERE d.workspace_id = ? ORDER BY d.enrolled_at',
        )
        .all(workspaceId) as DeviceRow[];
      return rows.map(toDevice);
    },
    async noteDevice(workspaceId, deviceId, seen) {
      const p = seen.push;
      db.prepare(
        `UPDATE devices SET last_seen_at = max(coalesce(last_seen_at, 0), @at), pulled_to = CASE WHEN @pulled IS NULL THEN pulled_to ELSE max(coalesce(pulled_to, 0), @pulled) END,
           last_push_at = CASE WHEN @pushed THEN @at ELSE last_push_at END, last_push_accepted = CASE WHEN @pushed THEN @accepted ELSE last_push_accepted END,
           last_push_refused = CASE WHEN @pushed THEN @refused ELSE last_push_refused END, refused_total = refused_total + @refused
         WHERE workspace_id = @ws AND device_id = @device`,
      ).run({ ws: workspaceId, device: deviceId, at: seen.at, pulled: seen.pulledTo ?? null, pushed: p ? 1 : 0, accepted: p?.accepted ?? 0, refused: p?.refused ?? 0 });
    },
    async deviceActivity(workspaceId) {
      const rows = db
        .prepare(
          `SELECT device_id, name, role, opd_id, revoked_at, enrolled_at, last_seen_at, last_push_at, last_push_accepted, last_push_refused, refused_total, pulled_to
           FROM devices WHERE workspace_id = ? ORDER BY enrolled_at, device_id`,
        )
        .all(workspaceId) as ActivityRow[];
      return rows.map(toActivity);
    },
    async revokeDevice(workspaceId, deviceId) {
      return db.prepare('UPDATE devices SET revoked_at = ? WHERE workspace_id = ? AND device_id = ?').run(Date.now(), workspaceId, deviceId).changes > 0;
    },
    async commit(workspaceId, decider) {
      const out = commit(workspaceId, decider);
      if (out.grew) for (const l of listeners) l(workspaceId, out.head);
      return { head: out.head, result: out.result };
    },
    async append(workspaceId, changes) {
      const { head, result } = await store.commit(workspaceId, acceptAll(changes));
      return { ...result, head };
    },
    async currentRows(workspaceId, keys) {
      return loadRows(workspaceId, keys);
    },
    async changesOfRow(workspaceId, table, rowId) {
      return (q.ofRow.all(workspaceId, table, rowId) as { seq: number; body: string }[]).map((r) => ({ seq: r.seq, body: r.body }));
    },
    async pull(workspaceId, after, maxBytes, maxCount, tables) {
      const read = db.transaction(() => {
        const head = (q.headOf.get(workspaceId) as number | undefined) ?? 0;
        const limit = tables ? MAX_SCAN_PER_PULL : maxCount + 1;
        const fetched = q.pull.all(workspaceId, after, limit) as { seq: number; tbl: string; rowId: string; body: string; bytes: number }[];
        return pagePulled(fetched, after, head, limit, maxBytes, maxCount, tables);
      });
      return read();
    },
    async head(workspaceId) {
      return (q.headOf.get(workspaceId) as number | undefined) ?? 0;
    },
    async changesAt(workspaceId, seqs) {
      if (seqs.length > MAX_SEQS_PER_READ) throw new RangeError(`at most ${MAX_SEQS_PER_READ} seqs per read`);
      const out = new Map<number, string>();
      for (const seq of seqs) {
        const body = q.bodyAt.get(workspaceId, seq) as string | undefined;
        if (body !== undefined) out.set(seq, body);
      }
      return out;
    },
    async hasChanges(workspaceId, hlcs) {
      const out = new Set<string>();
      for (const h of hlcs) if (q.exists.get(workspaceId, h) !== undefined) out.add(h);
      return out;
    },
    async blobStatus(workspaceId, hash) {
      return blobStatus(workspaceId, hash);
    },
    async putBlobChunk(workspaceId, hash, size, offset, data) {
      return db.transaction(() => {
        db.prepare('INSERT INTO blobs (workspace_id, hash, size) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(workspaceId, hash, size);
        const st = blobStatus(workspaceId, hash);
        if (st.complete || st.size !== size || offset !== st.received || offset + data.length > size) return st;
        db.prepare('INSERT INTO blob_chunks (workspace_id, hash, offset, data) VALUES (?, ?, ?, ?)').run(workspaceId, hash, offset, data);
        db.prepare('UPDATE blobs SET received = ? WHERE workspace_id = ? AND hash = ?').run(offset + data.length, workspaceId, hash);
        return blobStatus(workspaceId, hash);
      }).immediate();
    },
    async completeBlob(workspaceId, hash, verify) {
      const st = blobStatus(workspaceId, hash);
      if (st.complete || st.size === null || st.received !== st.size) return st;
      const chunks = db.prepare('SELECT data FROM blob_chunks WHERE workspace_id = ? AND hash = ? ORDER BY offset').pluck();
      async function* all() {
        for (const d of chunks.all(workspaceId, hash) as Buffer[]) yield d;
      }
      if (!(await verify(all()))) {
        db.transaction(() => {
          db.prepare('DELETE FROM blob_chunks WHERE workspace_id = ? AND hash = ?').run(workspaceId, hash);
          db.prepare('DELETE FROM blobs WHERE workspace_id = ? AND hash = ?').run(workspaceId, hash);
        })();
        return 'mismatch';
      }
      db.prepare('UPDATE blobs SET complete = 1 WHERE workspace_id = ? AND hash = ?').run(workspaceId, hash);
      return blobStatus(workspaceId, hash);
    },
    async readBlob(workspaceId, hash, offset, length) {
      const st = blobStatus(workspaceId, hash);
      if (!st.complete || st.size === null) return null;
      const end = Math.min(st.size, offset + length);
      const rows = db
        .prepare('SELECT offset, data FROM blob_chunks WHERE workspace_id = ? AND hash = ? AND offset < ? ORDER BY offset')
        .all(workspaceId, hash, end) as { offset: number; data: Buffer }[];
      const parts: Buffer[] = [];
      for (const r of rows) {
        const from = Math.max(offset, r.offset) - r.offset;
        const to = Math.min(end, r.offset + r.data.length) - r.offset;
        if (to > from) parts.push(r.data.subarray(from, to));
      }
      return Buffer.concat(parts);
    },
    onAppend(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      db.close();
    },
  };
  return store;
}
