import crypto from 'node:crypto';
import type { Caller } from '../caller';
import type { AuditEntry } from '../../../shared/people/audit';
import type { Db } from '../db/open-database';

/**
 * The audit trail: sign-ins, role changes, approvals and publications, access to and export of
 * personal data, erasures. Append-only and tamper-evident: each entry's SHA-256 covers its
 * fields and the previous entry's hash. Kept on the machine where the act happened.
 */
export interface AuditEntryInput {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export type { AuditEntry };

export interface AuditLog {
  /** Appends an entry in the caller's name; call inside the transaction of the act it records. */
  record(caller: Pick<Caller, 'userId' | 'name'>, entry: AuditEntryInput): AuditEntry;
  /** Walks the chain; returns the first entry whose hash or link does not match, or null. */
  verify(onProgress?: (done: number, total: number) => void): { ok: true; count: number } | { ok: false; brokenAt: number; reason: string };
}

export const GENESIS_HASH = '0'.repeat(64);

/** An audit_log row as SQLite returns it. */
export type AuditRow = {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};

/** The hashed text: every field in a fixed order, unambiguous (JSON array). */
function entryHash(prevHash: string, r: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const text = JSON.stringify([r.seq, r.at, r.actor_id, r.actor_name, r.action, r.target_type, r.target_id, r.details, prevHash]);
  return crypto.createHash('sha256').update(text).digest('hex');
}

export function createAuditLog(db: Db, now: () => number): AuditLog {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target_type, target_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    record(caller, entry) {
      const prev = last.get() as { seq: number; hash: string } | undefined;
      const row = {
        seq: (prev?.seq ?? 0) + 1,
        at: new Date(now()).toISOString(),
        actor_id: caller.userId,
        actor_name: caller.name,
        action: entry.action,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        details: JSON.stringify(entry.details ?? {}),
      };
      const prevHash = prev?.hash ?? GENESIS_HASH;
      const hash = entryHash(prevHash, row);
      insert.run(row.seq, row.at, row.actor_id, row.actor_name, row.action, row.target_type, row.target_id, row.details, prevHash, hash);
      return toAuditEntry({ ...row, prev_hash: prevHash, hash });
    },
    verify(onProgress) {
      const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let done = 0;
      for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
        if (r.seq !== expectedSeq) return { ok: false, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
        if (r.prev_hash !== prevHash) return { ok: false, brokenAt: r.seq, reason: `entry ${r.seq} does not link to the entry before it` };
        if (entryHash(prevHash, r) !== r.hash) return { ok: false, brokenAt: r.seq, reason: `entry ${r.seq} was changed` };
        prevHash = r.hash;
        expectedSeq += 1;
        done += 1;
        if (onProgress && done % 10_000 === 0) onProgress(done, total);
      }
      return { ok: true, count: done };
    },
  };
}

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
