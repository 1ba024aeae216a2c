/**
 * PostgreSQL storage for the sync server: several server processes may serve one database.
 *
 * Ordering: an append locks its workspace row (`SELECT … FOR UPDATE`) before it reads the head
 * and assigns sequences, and holds the lock until it commits. So sequences become visible in
 * order: a reader that sees seq N has also seen every seq below N, and never skips a change
 * because another transaction committed late. Notices travel between processes with
 * LISTEN/NOTIFY on one channel.
 *
 * Devices by token are kept in memory: every request of a province server's hundreds of devices
 * would otherwise wait for its own query (and for a pooled connection the commits need). Whatever
 * changes a device row (revocation, re-enrolment) empties the cache of this process before it
 * returns and notifies the other processes on a second channel in its own transaction; a process
 * that loses its LISTEN connection stops caching, so it can never miss such a notice.
 */
import pg from 'pg';
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
  type DeviceRecord,
  type EnrolmentEvent,
  acceptAll,
  foldInto,
  loadForDecider,
  rowKey,
  rowsOfStored,
  type CommitPlan,
  type RowRef,
  type RowState,
  type SyncStore,
  toActivity,
  type ActivityRow,
} from './store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, head BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS enrolment_codes (workspace_id TEXT NOT NULL, code_hash TEXT NOT NULL, role TEXT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT, PRIMARY KEY (workspace_id, code_hash));
CREATE TABLE IF NOT EXISTS devices (workspace_id TEXT NOT NULL, device_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, revoked_at BIGINT, enrolled_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, device_id));
CREATE TABLE IF NOT EXISTS changes (workspace_id TEXT NOT NULL, seq BIGINT NOT NULL, hlc TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (workspace_id, seq), UNIQUE (workspace_id, hlc));
CREATE TABLE IF NOT EXISTS blobs (workspace_id TEXT NOT NULL, hash TEXT NOT NULL, size BIGINT NOT NULL, received BIGINT NOT NULL DEFAULT 0, complete BOOLEAN NOT NULL DEFAULT FALSE, PRIMARY KEY (workspace_id, hash));
CREATE TABLE IF NOT EXISTS blob_chunks (workspace_id TEXT NOT NULL, hash TEXT NOT NULL, "offset" BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (workspace_id, hash, "offset"));
ALTER TABLE enrolment_codes ADD COLUMN IF NOT EXISTS device_id TEXT;
CREATE TABLE IF NOT EXISTS enrolment_audit (id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, address TEXT NOT NULL, workspace_id TEXT NOT NULL, device_id TEXT, outcome TEXT NOT NULL, reason TEXT);
CREATE INDEX IF NOT EXISTS enrolment_audit_ws ON enrolment_audit (workspace_id, id);
CREATE TABLE IF NOT EXISTS current_rows (workspace_id TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, vals TEXT NOT NULL, clocks TEXT NOT NULL, PRIMARY KEY (workspace_id, tbl, row_id));
CREATE INDEX IF NOT EXISTS changes_row ON changes (workspace_id, tbl, row_id);
ALTER TABLE workspaces ADD COLUMN IF NOT EXISTS materialized BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enrolment_codes ADD COLUMN IF NOT EXISTS opd_id TEXT;
ALTER TABLE devices ADD COLUMN IF NOT EXISTS opd_id TEXT;
ALTER TABLE devices ADD COLUMN IF NOT EXISTS last_seen_at BIGINT;
ALTER TABLE devices ADD COLUMN IF NOT EXISTS last_push_at BIGINT;
ALTER TABLE devices ADD COLUMN IF NOT EXISTS last_push_accepted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN IF NOT EXISTS last_push_refused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN IF NOT EXISTS refused_total BIGINT NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN IF NOT EXISTS pulled_to BIGINT;
`;
const FOLD_CHUNK = 5000;
const CHANNEL = 'warta_sync_append';
const DEVICES_CHANNEL = 'warta_sync_devices';
/** Enough for a province's devices; beyond it the oldest entry goes. */
const DEVICE_CACHE_MAX = 10_000;

interface DeviceRow {
  device_id: string;
  workspace_id: string;
  wname: string;
  name: string;
  role: string;
  opd_id: string | null;
  revoked_at: string | null;
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
const DEVICE_SELECT = 'SELECT d.device_id, d.workspace_id, w.name AS wname, d.name, d.role, d.opd_id, d.revoked_at FROM devices d JOIN workspaces w ON w.id = d.workspace_id';

export async function openPostgresStore(url: string, options: { maxConnections?: number } = {}): Promise<SyncStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  pool.on('error', () => undefined);
  const boot = await pool.connect();
  try {
    // Two processes starting at once must not race on CREATE TABLE IF NOT EXISTS.
    await boot.query('SELECT pg_advisory_lock(727274)');
    await boot.query(SCHEMA);
    await boot.query('SELECT pg_advisory_unlock(727274)');
  } finally {
    boot.release();
  }
  const listeners = new Set<(ws: string, head: number) => void>();
  // Devices by token hash (found, revoked or not). `generation` counts invalidations: a lookup
  // that was in flight while one arrived may have read the row before the change, so it is not kept.
  const deviceCache = new Map<string, DeviceRecord>();
  let cacheUsable = true;
  let generation = 0;
  const invalidateDevices = () => {
    generation += 1;
    deviceCache.clear();
  };
  const stopCaching = () => {
    cacheUsable = false;
    invalidateDevices();
  };
  const listenClient = new pg.Client({ connectionString: url });
  listenClient.on('error', stopCaching);
  listenClient.on('end', stopCaching);
  await listenClient.connect();
  listenClient.on('notification', (msg) => {
    if (msg.channel === DEVICES_CHANNEL) return invalidateDevices();
    if (msg.channel !== CHANNEL || !msg.payload) return;
    const sep = msg.payload.lastIndexOf(':');
    const ws = msg.payload.slice(0, sep);
    const head = Number(msg.payload.slice(sep + 1));
    for (const l of listeners) l(ws, head);
  });
  await listenClient.query(`LISTEN ${CHANNEL}`);
  await listenClient.query(`LISTEN ${DEVICES_CHANNEL}`);

  async function tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const value = await fn(c);
      await c.query('COMMIT');
      return value;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }
  const blobStatus = async (c: pg.Pool | pg.PoolClient, workspaceId: string, hash: string): Promise<BlobStatus> => {
    const r = await c.query<{ size: string; received: string; complete: boolean }>('SELECT size, received, complete FROM blobs WHERE workspace_id = $1 AND hash = $2', [
      workspaceId,
      hash,
    ]);
    const row = r.rows[0];
    return row ? { size: Number(row.size), received: Number(row.received), complete: row.complete } : { size: null, received: 0, complete: false };
  };

  const ROWS_SELECT = (ws: string, tables: string, ids: string) =>
    `SELECT c.tbl, c.row_id, c.vals, c.clocks FROM current_rows c JOIN unnest(${tables}::text[], ${ids}::text[]) AS k(tbl, row_id) ON c.tbl = k.tbl AND c.row_id = k.row_id WHERE c.workspace_id = ${ws}`;
  const rowsOf = (keys: readonly RowRef[], found: readonly { tbl: string; row_id: string; vals: string; clocks: string }[], out = new Map<string, RowState | null>()) => {
    for (const k of keys) out.set(rowKey(k.table, k.rowId), null);
    for (const row of found) out.set(rowKey(row.tbl, row.row_id), { values: JSON.parse(row.vals), clocks: JSON.parse(row.clocks) });
    return out;
  };
  const loadRows = async (c: pg.Pool | pg.PoolClient, workspaceId: string, keys: readonly RowRef[]): Promise<Map<string, RowState | null>> => {
    if (keys.length === 0) return new Map();
    const r = await c.query<{ tbl: string; row_id: string; vals: string; clocks: string }>(ROWS_SELECT('$1', '$2', '$3'), [workspaceId, keys.map((k) => k.table), keys.map((k) => k.rowId)]);
    return rowsOf(keys, r.rows);
  };

  /**
   * Writes a plan inside the caller's transaction (which holds the workspace row's lock); returns
   * the new head. The log, the current rows, the head and the notice go in one statement
   * (data-modifying CTEs always run to completion): a province server's commit is a handful of
   * round trips to PostgreSQL, not one per step.
   */
  const writePlan = async (c: pg.PoolClient, workspaceId: string, head: number, plan: CommitPlan): Promise<number> => {
    const next = head + plan.log.length;
    const params: unknown[] = [workspaceId];
    const add = (v: unknown) => `$${params.push(v)}`;
    const parts: string[] = [];
    if (plan.log.length > 0) {
      const seqs = plan.log.map((_, i) => head + 1 + i);
      parts.push(
        `log AS (INSERT INTO changes (workspace_id, seq, hlc, tbl, row_id, body) SELECT $1, * FROM unnest(${add(seqs)}::bigint[], ${add(plan.log.map((f) => f.hlc))}::text[], ${add(plan.log.map((f) => f.table))}::text[], ${add(plan.log.map((f) => f.rowId))}::text[], ${add(plan.log.map((f) => f.body))}::text[]))`,
      );
    }
    if (plan.rows.size > 0) {
      const rows = [...plan.rows.values()];
      parts.push(
        `cur AS (INSERT INTO current_rows (workspace_id, tbl, row_id, vals, clocks) SELECT $1, * FROM unnest(${add(rows.map((r) => r.table))}::text[], ${add(rows.map((r) => r.rowId))}::text[], ${add(rows.map((r) => JSON.stringify(r.state.values)))}::text[], ${add(rows.map((r) => JSON.stringify(r.state.clocks)))}::text[])
         ON CONFLICT (workspace_id, tbl, row_id) DO UPDATE SET vals = excluded.vals, clocks = excluded.clocks)`,
      );
    }
    if (next !== head) {
      const n = add(next);
      parts.push(`head AS (UPDATE workspaces SET head = ${n}, materialized = ${n} WHERE id = $1)`);
    }
    if (parts.length > 0) {
      const notify = next !== head ? `pg_notify(${add(CHANNEL)}, ${add(`${workspaceId}:${next}`)})` : '1';
      await c.query(`WITH ${parts.join(', ')} SELECT ${notify}`, params);
    }
    for (const e of plan.redact) {
      const stored = await c.query<{ seq: string; hlc: string; body: string }>('SELECT seq, hlc, body FROM changes WHERE workspace_id = $1 AND tbl = $2 AND row_id = $3', [workspaceId, e.table, e.rowId]);
      for (const row of stored.rows) {
        if (row.hlc === e.keep) continue;
        const change = JSON.parse(row.body) as { fields: Record<string, unknown> };
        if (redactFields(change.fields, e.fields)) await c.query('UPDATE changes SET body = $3 WHERE workspace_id = $1 AND seq = $2', [workspaceId, row.seq, JSON.stringify(change)]);
      }
    }
    return next;
  };

  /** Folds the log of a workspace an older server wrote without current rows, in chunks. */
  const foldLog = async (workspaceId: string) => {
    for (;;) {
      const done = await tx(async (c) => {
        const w = await c.query<{ head: string; materialized: string }>('SELECT head, materialized FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
        const head = Number(w.rows[0]?.head ?? 0);
        const from = Number(w.rows[0]?.materialized ?? 0);
        if (from >= head) return true;
        const batch = await c.query<{ seq: string; tbl: string; row_id: string; body: string }>(
          'SELECT seq, tbl, row_id, body FROM changes WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
          [workspaceId, from, FOLD_CHUNK],
        );
        const rows = await loadRows(c, workspaceId, batch.rows.flatMap((b) => rowsOfStored(b.tbl, b.row_id, b.body)));
        const plan: CommitPlan = { log: [], rows: new Map(), redact: [] };
        let last = from;
        for (const b of batch.rows) {
          const change = JSON.parse(b.body) as { hlc: string; fields: Record<string, unknown> };
          foldInto(rows, plan, b.tbl, b.row_id, change.hlc, change.fields);
          last = Number(b.seq);
        }
        await writePlan(c, workspaceId, head, plan);
        await c.query('UPDATE workspaces SET materialized = $2 WHERE id = $1', [workspaceId, last]);
        return false;
      });
      if (done) return;
    }
  };
  for (const row of (await pool.query<{ id: string }>('SELECT id FROM workspaces WHERE materialized < head')).rows) await foldLog(row.id);

  const store: SyncStore = {
    kind: 'postgres',
    async createWorkspace(id, name) {
      await pool.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [id, name, Date.now()]);
      return { id, name };
    },
    async workspace(id) {
      const r = await pool.query<{ id: string; name: string }>('SELECT id, name FROM workspaces WHERE id = $1', [id]);
      return r.rows[0] ?? null;
    },
    async addEnrolmentCode(workspaceId, codeHash, role, expiresAt, forDeviceId = null, opdId = null) {
      await pool.query('INSERT INTO enrolment_codes (workspace_id, code_hash, role, expires_at, device_id, opd_id) VALUES ($1, $2, $3, $4, $5, $6)', [
        workspaceId,
        codeHash,
        role,
        expiresAt,
        forDeviceId,
        opdId,
      ]);
    },
    async redeemEnrolmentCode(workspaceId, codeHash, device, now) {
      return tx(async (c) => {
        // The code row is locked until commit: two redemptions of one code cannot both pass.
        const code = await c.query<{ role: string; device_id: string | null; opd_id: string | null }>(
          'SELECT role, device_id, opd_id FROM enrolment_codes WHERE workspace_id = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > $3 FOR UPDATE',
          [workspaceId, codeHash, now],
        );
        const found = code.rows[0];
        if (!found) return { refused: 'code' as const };
        const existing = await c.query<{ token_hash: string; revoked_at: string | null }>(
          'SELECT token_hash, revoked_at FROM devices WHERE workspace_id = $1 AND device_id = $2 FOR UPDATE',
          [workspaceId, device.deviceId],
        );
        const known = existing.rows[0];
        const decision = decideEnrolment(found.device_id, device, known ? { tokenHash: known.token_hash, revoked: known.revoked_at !== null } : null);
        if ('refused' in decision) return decision;
        const values = [workspaceId, device.deviceId, device.name, found.role, device.tokenHash, now, found.opd_id];
        if (decision.kind === 'new') {
          // A new identity only if nobody took that id meanwhile (no row to lock above).
          const added = await c.query(
            'INSERT INTO devices (workspace_id, device_id, name, role, token_hash, enrolled_at, opd_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace_id, device_id) DO NOTHING',
            values,
          );
          if (added.rowCount === 0) return { refused: 'device_taken' as const };
        } else {
          await c.query('UPDATE devices SET name = $3, role = $4, token_hash = $5, revoked_at = NULL, enrolled_at = $6, opd_id = $7 WHERE workspace_id = $1 AND device_id = $2', values);
          // The old token must stop working in every process (delivered when this commits).
          await c.query('SELECT pg_notify($1, $2)', [DEVICES_CHANNEL, workspaceId]);
        }
        await c.query('UPDATE enrolment_codes SET used_at = $3 WHERE workspace_id = $1 AND code_hash = $2', [workspaceId, codeHash, now]);
        const r = await c.query<DeviceRow>(`${DEVICE_SELECT} WHERE d.token_hash = $1`, [device.tokenHash]);
        return { device: toDevice(r.rows[0] as DeviceRow), kind: decision.kind };
      }).finally(invalidateDevices);
    },
    async recordEnrolmentEvent(e) {
      const r = await pool.query<{ id: string }>(
        'INSERT INTO enrolment_audit (at, address, workspace_id, device_id, outcome, reason) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [e.at, e.address, e.workspaceId, e.deviceId, e.outcome, e.reason],
      );
      // Bounded: a stream of failures from many addresses cannot fill the disk.
      await pool.query('DELETE FROM enrolment_audit WHERE id <= $1 OR at < $2', [Number(r.rows[0]?.id ?? 0) - ENROLMENT_AUDIT_MAX_ROWS, e.at - ENROLMENT_AUDIT_MAX_AGE_MS]);
    },
    async enrolmentEvents(workspaceId, limit) {
      const r = await pool.query<{ at: string; address: string; workspace_id: string; device_id: string | null; outcome: EnrolmentEvent['outcome']; reason: string | null }>(
        `SELECT at, address, workspace_id, device_id, outcome, reason FROM enrolment_audit ${workspaceId === null ? '' : 'WHERE workspace_id = $2'} ORDER BY id DESC LIMIT $1`,
        workspaceId === null ? [limit] : [limit, workspaceId],
      );
      return r.rows.map((row) => ({ at: Number(row.at), address: row.address, workspaceId: row.workspace_id, deviceId: row.device_id, outcome: row.outcome, reason: row.reason }));
    },
    async noteDevice(workspaceId, deviceId, seen) {
      const p = seen.push;
      await pool.query(
        `UPDATE devices SET last_seen_at = GREATEST(coalesce(last_seen_at, 0), $3), pulled_to = CASE WHEN $4::bigint IS NULL THEN pulled_to ELSE GREATEST(coalesce(pulled_to, 0), $4::bigint) END,
           last_push_at = CASE WHEN $5 THEN $3 ELSE last_push_at END, last_push_accepted = CASE WHEN $5 THEN $6 ELSE last_push_accepted END,
           last_push_refused = CASE WHEN $5 THEN $7 ELSE last_push_refused END, refused_total = refused_total + $7
         WHERE workspace_id = $1 AND device_id = $2`,
        [workspaceId, deviceId, seen.at, seen.pulledTo ?? null, !!p, p?.accepted ?? 0, p?.refused ?? 0],
      );
    },
    async deviceActivity(workspaceId) {
      const r = await pool.query<ActivityRow>(
        `SELECT device_id, name, role, opd_id, revoked_at, enrolled_at, last_seen_at, last_push_at, last_push_accepted, last_push_refused, refused_total, pulled_to
         FROM devices WHERE workspace_id = $1 ORDER BY enrolled_at, device_id`,
        [workspaceId],
      );
      return r.rows.map(toActivity);
    },
    async deviceByToken(tokenHash) {
      const cached = cacheUsable ? deviceCache.get(tokenHash) : undefined;
      if (cached) return { ...cached };
      const before = generation;
      const r = await pool.query<DeviceRow>(`${DEVICE_SELECT} WHERE d.token_hash = $1`, [tokenHash]);
      if (!r.rows[0]) return null;
      const device = toDevice(r.rows[0]);
      if (cacheUsable && generation === before) {
        if (deviceCache.size >= DEVICE_CACHE_MAX) deviceCache.delete(deviceCache.keys().next().value as string);
        deviceCache.set(tokenHash, device);
      }
      return { ...device };
    },
    async devices(workspaceId) {
      const r = await pool.query<DeviceRow>(`${DEVICE_SELECT} WHERE d.workspace_id = $1 ORDER BY d.enrolled_at`, [workspaceId]);
      return r.rows.map(toDevice);
    },
    async revokeDevice(workspaceId, deviceId) {
      // Refused on its very next request: this process's cache is emptied before we return, the
      // other processes' when the notice, sent with the change, reaches them.
      return tx(async (c) => {
        const r = await c.query('UPDATE devices SET revoked_at = $3 WHERE workspace_id = $1 AND device_id = $2', [workspaceId, deviceId, Date.now()]);
        await c.query('SELECT pg_notify($1, $2)', [DEVICES_CHANNEL, workspaceId]);
        return (r.rowCount ?? 0) > 0;
      }).finally(invalidateDevices);
    },
    async commit(workspaceId, decider) {
      // A province server commits many times a second while every device waits for it: the commit
      // is four round trips (begin and lock; known HLCs and rows; the write; commit).
      const c = await pool.connect();
      try {
        // The workspace row's lock orders commits: sequences become visible in order, and the
        // rows a decision read stay as read until it is written. BEGIN and the lock go in one
        // round trip, two statements in the simple protocol (hence the escaped literal).
        const begun = (await c.query(`BEGIN; SELECT head FROM workspaces WHERE id = ${c.escapeLiteral(workspaceId)} FOR UPDATE`)) as unknown as pg.QueryResult<{ head: string }>[];
        const lockedRow = begun[1]?.rows[0];
        if (!lockedRow) throw new Error(`unknown workspace ${workspaceId}`);
        const head = Number(lockedRow.head);
        // Read after the lock (its own statement, so it sees every commit before ours): which
        // HLCs the log holds, and the first round of rows, together.
        const first = decider.rowsNeeded(new Map());
        const read = await c.query<{ hlc: string | null; tbl: string; row_id: string; vals: string; clocks: string }>(
          `SELECT hlc, NULL AS tbl, NULL AS row_id, NULL AS vals, NULL AS clocks FROM changes WHERE workspace_id = $1 AND hlc = ANY($2::text[])
           UNION ALL SELECT NULL, r.* FROM (${ROWS_SELECT('$1', '$3', '$4')}) r`,
          [workspaceId, [...decider.hlcs()], first.map((k) => k.table), first.map((k) => k.rowId)],
        );
        const known = new Set<string>();
        const found: typeof read.rows = [];
        for (const r of read.rows) {
          if (r.hlc !== null) known.add(r.hlc);
          else found.push(r);
        }
        const loaded = await loadForDecider(decider, (keys) => loadRows(c, workspaceId, keys), rowsOf(first, found));
        const { plan, result } = decider.decide(known, loaded);
        const next = await writePlan(c, workspaceId, head, plan);
        await c.query('COMMIT');
        return { head: next, result };
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    async append(workspaceId, changes) {
      const { head, result } = await store.commit(workspaceId, acceptAll(changes));
      return { ...result, head };
    },
    async currentRows(workspaceId, keys) {
      return loadRows(pool, workspaceId, keys);
    },
    async changesOfRow(workspaceId, table, rowId) {
      const r = await pool.query<{ seq: string; body: string }>('SELECT seq, body FROM changes WHERE workspace_id = $1 AND tbl = $2 AND row_id = $3 ORDER BY seq', [workspaceId, table, rowId]);
      return r.rows.map((row) => ({ seq: Number(row.seq), body: row.body }));
    },
    async pull(workspaceId, after, maxBytes, maxCount, tables) {
      return tx(async (c) => {
        await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const h = await c.query<{ head: string }>('SELECT head FROM workspaces WHERE id = $1', [workspaceId]);
        const head = Number(h.rows[0]?.head ?? 0);
        const limit = tables ? MAX_SCAN_PER_PULL : maxCount + 1;
        const r = await c.query<{ seq: string; tbl: string; row_id: string; body: string; bytes: number }>(
          'SELECT seq, tbl, row_id, body, octet_length(body) AS bytes FROM changes WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
          [workspaceId, after, limit],
        );
        const fetched = r.rows.map((row) => ({ seq: Number(row.seq), tbl: row.tbl, rowId: row.row_id, body: row.body, bytes: row.bytes }));
        return pagePulled(fetched, after, head, limit, maxBytes, maxCount, tables);
      });
    },
    async head(workspaceId) {
      const r = await pool.query<{ head: string }>('SELECT head FROM workspaces WHERE id = $1', [workspaceId]);
      return Number(r.rows[0]?.head ?? 0);
    },
    async changesAt(workspaceId, seqs) {
      if (seqs.length > MAX_SEQS_PER_READ) throw new RangeError(`at most ${MAX_SEQS_PER_READ} seqs per read`);
      const r = await pool.query<{ seq: string; body: string }>('SELECT seq, body FROM changes WHERE workspace_id = $1 AND seq = ANY($2::bigint[])', [workspaceId, [...seqs]]);
      return new Map(r.rows.map((row) => [Number(row.seq), row.body]));
    },
    async hasChanges(workspaceId, hlcs) {
      const r = await pool.query<{ hlc: string }>('SELECT hlc FROM changes WHERE workspace_id = $1 AND hlc = ANY($2::text[])', [workspaceId, [...hlcs]]);
      return new Set(r.rows.map((x) => x.hlc));
    },
    async blobStatus(workspaceId, hash) {
      return blobStatus(pool, workspaceId, hash);
    },
    async putBlobChunk(workspaceId, hash, size, offset, data) {
      return tx(async (c) => {
        await c.query('INSERT INTO blobs (workspace_id, hash, size) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [workspaceId, hash, size]);
        await c.query('SELECT 1 FROM blobs WHERE workspace_id = $1 AND hash = $2 FOR UPDATE', [workspaceId, hash]);
        const st = await blobStatus(c, workspaceId, hash);
        if (st.complete || st.size !== size || offset !== st.received || offset + data.length > size) return st;
        await c.query('INSERT INTO blob_chunks (workspace_id, hash, "offset", data) VALUES ($1, $2, $3, $4)', [workspaceId, hash, offset, data]);
        await c.query('UPDATE blobs SET received = $3 WHERE workspace_id = $1 AND hash = $2', [workspaceId, hash, offset + data.length]);
        return blobStatus(c, workspaceId, hash);
      });
    },
    async completeBlob(workspaceId, hash, verify) {
      const st = await blobStatus(pool, workspaceId, hash);
      if (st.complete || st.size === null || st.received !== st.size) return st;
      async function* all() {
        let offset = -1;
        for (;;) {
          const r = await pool.query<{ offset: string; data: Buffer }>(
            'SELECT "offset", data FROM blob_chunks WHERE workspace_id = $1 AND hash = $2 AND "offset" > $3 ORDER BY "offset" LIMIT 8',
            [workspaceId, hash, offset],
          );
          if (r.rows.length === 0) return;
          for (const row of r.rows) {
            offset = Number(row.offset);
            yield row.data;
          }
        }
      }
      if (!(await verify(all()))) {
        await tx(async (c) => {
          await c.query('DELETE FROM blob_chunks WHERE workspace_id = $1 AND hash = $2', [workspaceId, hash]);
          await c.query('DELETE FROM blobs WHERE workspace_id = $1 AND hash = $2', [workspaceId, hash]);
        });
        return 'mismatch';
      }
      await pool.query('UPDATE blobs SET complete = TRUE WHERE workspace_id = $1 AND hash = $2', [workspaceId, hash]);
      return blobStatus(pool, workspaceId, hash);
    },
    async readBlob(workspaceId, hash, offset, length) {
      const st = await blobStatus(pool, workspaceId, hash);
      if (!st.complete || st.size === null) return null;
      const end = Math.min(st.size, offset + length);
      const r = await pool.query<{ offset: string; data: Buffer }>(
        'SELECT "offset", data FROM blob_chunks WHERE workspace_id = $1 AND hash = $2 AND "offset" < $3 AND "offset" + octet_length(data) > $4 ORDER BY "offset"',
        [workspaceId, hash, end, offset],
      );
      const parts: Buffer[] = [];
      for (const row of r.rows) {
        const o = Number(row.offset);
        const from = Math.max(offset, o) - o;
        const to = Math.min(end, o + row.data.length) - o;
        if (to > from) parts.push(row.data.subarray(from, to));
      }
      return Buffer.concat(parts);
    },
    onAppend(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      stopCaching();
      await listenClient.end().catch(() => undefined);
      await pool.end();
    },
  };
  return store;
}
