/**
 * SQLite storage for the sync server (the default: one office, even started from the desktop
 * app on the LAN). One process owns the file; appends run in IMMEDIATE transactions, so
 * sequences are assigned and committed in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Role } from '../shared/contract/permissions';
import type { BlobStatus } from '../shared/sync/protocol';
import {
  decideEnrolment,
  ENROLMENT_AUDIT_MAX_AGE_MS,
  ENROLMENT_AUDIT_MAX_ROWS,
  MAX_SCAN_PER_PULL,
  MAX_SEQS_PER_READ,
  pagePulled,
  type AppendResult,
  type DeviceRecord,
  type EnrolmentEvent,
  type StoredChange,
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
`;

/** Columns added after the first release: added to an existing file on open. */
function addMissingColumns(db: Database.Database): void {
  const has = (table: string, column: string) => (db.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(table, column) ?? null) !== null;
  // The device an enrolment code was issued for (an administrator's re-enrolment approval).
  if (!has('enrolment_codes', 'device_id')) db.exec('ALTER TABLE enrolment_codes ADD COLUMN device_id TEXT');
}

export const SERVER_DB_FILE = 'warta-server.sqlite';

interface DeviceRow {
  device_id: string;
  workspace_id: string;
  wname: string;
  name: string;
  role: string;
  revoked_at: number | null;
}

const toDevice = (r: DeviceRow): DeviceRecord => ({
  deviceId: r.device_id,
  workspaceId: r.workspace_id,
  workspaceName: r.wname,
  name: r.name,
  role: r.role as Role,
  revoked: r.revoked_at !== null,
});

export function openSqliteStore(dataDir: string): SyncStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, SERVER_DB_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  addMissingColumns(db);
  const listeners = new Set<(ws: string, head: number) => void>();

  const q = {
    headOf: db.prepare('SELECT head FROM workspaces WHERE id = ?').pluck(),
    exists: db.prepare('SELECT 1 FROM changes WHERE workspace_id = ? AND hlc = ?').pluck(),
    insert: db.prepare('INSERT INTO changes (workspace_id, seq, hlc, tbl, row_id, body) VALUES (?, ?, ?, ?, ?, ?)'),
    setHead: db.prepare('UPDATE workspaces SET head = ? WHERE id = ?'),
    pull: db.prepare('SELECT seq, tbl, body, length(CAST(body AS BLOB)) AS bytes FROM changes WHERE workspace_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    device: db.prepare(
      'SELECT d.device_id, d.workspace_id, w.name AS wname, d.name, d.role, d.revoked_at FROM devices d JOIN workspaces w ON w.id = d.workspace_id WHERE d.token_hash = ?',
    ),
    blob: db.prepare('SELECT size, received, complete FROM blobs WHERE workspace_id = ? AND hash = ?'),
    bodyAt: db.prepare('SELECT body FROM changes WHERE workspace_id = ? AND seq = ?').pluck(),
  };

  const appendTx = db.transaction((workspaceId: string, changes: readonly StoredChange[]): AppendResult => {
    let head = q.headOf.get(workspaceId) as number | undefined;
    if (head === undefined) throw new Error(`unknown workspace ${workspaceId}`);
    let accepted = 0;
    let duplicates = 0;
    const seen = new Set<string>();
    for (const c of changes) {
      if (seen.has(c.hlc) || q.exists.get(workspaceId, c.hlc) !== undefined) {
        duplicates += 1;
        continue;
      }
      seen.add(c.hlc);
      head += 1;
      q.insert.run(workspaceId, head, c.hlc, c.table, c.rowId, c.body);
      accepted += 1;
    }
    if (accepted > 0) q.setHead.run(head, workspaceId);
    return { accepted, duplicates, head };
  });

  const blobStatus = (workspaceId: string, hash: string): BlobStatus => {
    const r = q.blob.get(workspaceId, hash) as { size: number; received: number; complete: number } | undefined;
    return r ? { size: r.size, received: r.received, complete: r.complete === 1 } : { size: null, received: 0, complete: false };
  };

  return {
    kind: 'sqlite',
    async createWorkspace(id, name) {
      db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)').run(id, name, Date.now());
      return { id, name };
    },
    async workspace(id) {
      const r = db.prepare('SELECT id, name FROM workspaces WHERE id = ?').get(id) as WorkspaceRecord | undefined;
      return r ?? null;
    },
    async addEnrolmentCode(workspaceId, codeHash, role, expiresAt, forDeviceId = null) {
      db.prepare('INSERT INTO enrolment_codes (workspace_id, code_hash, role, expires_at, device_id) VALUES (?, ?, ?, ?, ?)').run(
        workspaceId,
        codeHash,
        role,
        expiresAt,
        forDeviceId,
      );
    },
    async redeemEnrolmentCode(workspaceId, codeHash, device, now) {
      return db.transaction(() => {
        const code = db
          .prepare('SELECT role, device_id FROM enrolment_codes WHERE workspace_id = ? AND code_hash = ? AND used_at IS NULL AND expires_at > ?')
          .get(workspaceId, codeHash, now) as { role: string; device_id: string | null } | undefined;
        if (!code) return { refused: 'code' as const };
        const existing = db.prepare('SELECT token_hash, revoked_at FROM devices WHERE workspace_id = ? AND device_id = ?').get(workspaceId, device.deviceId) as
          | { token_hash: string; revoked_at: number | null }
          | undefined;
        const decision = decideEnrolment(code.device_id, device, existing ? { tokenHash: existing.token_hash, revoked: existing.revoked_at !== null } : null);
        if ('refused' in decision) return decision;
        db.prepare('UPDATE enrolment_codes SET used_at = ? WHERE workspace_id = ? AND code_hash = ?').run(now, workspaceId, codeHash);
        db.prepare(
          `INSERT INTO devices (workspace_id, device_id, name, role, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (workspace_id, device_id) DO UPDATE SET name = excluded.name, role = excluded.role, token_hash = excluded.token_hash, revoked_at = NULL, enrolled_at = excluded.enrolled_at`,
        ).run(workspaceId, device.deviceId, device.name, code.role, device.tokenHash, now);
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
          'SELECT d.device_id, d.workspace_id, w.name AS wname, d.name, d.role, d.revoked_at FROM devices d JOIN workspaces w ON w.id = d.workspace_id WHERE d.workspace_id = ? ORDER BY d.enrolled_at',
        )
        .all(workspaceId) as DeviceRow[];
      return rows.map(toDevice);
    },
    async revokeDevice(workspaceId, deviceId) {
      return db.prepare('UPDATE devices SET revoked_at = ? WHERE workspace_id = ? AND device_id = ?').run(Date.now(), workspaceId, deviceId).changes > 0;
    },
    async append(workspaceId, changes) {
      const result = appendTx.immediate(workspaceId, changes);
      if (result.accepted > 0) for (const l of listeners) l(workspaceId, result.head);
      return result;
    },
    async pull(workspaceId, after, maxBytes, maxCount, tables) {
      const read = db.transaction(() => {
        const head = (q.headOf.get(workspaceId) as number | undefined) ?? 0;
        const limit = tables ? MAX_SCAN_PER_PULL : maxCount + 1;
        const fetched = q.pull.all(workspaceId, after, limit) as { seq: number; tbl: string; body: string; bytes: number }[];
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
}
