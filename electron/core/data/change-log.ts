import { REPLICATED_TABLES, isReplicatedTable, type FieldSpec, type FieldValue } from '../../../shared/sync/replicated-tables';
import type { Db } from '../db/open-database';
import type { Change, LoggedChange } from './change';
import { decodeClocks } from './field-clocks';
import { fromSql } from '../../../shared/sync/row-codec';
import { timeSlicer } from '../time-slice';

export interface LogEntry {
  seq: number;
  origin: 'local' | 'remote';
  changes: LoggedChange[];
}

/** Log entries after `afterSeq`, in order, at most `limit` of them (sync pages through these). */
export function readLogEntries(db: Db, options: { afterSeq?: number; origin?: 'local' | 'remote'; limit?: number } = {}): LogEntry[] {
  const rows = db
    .prepare(
      `SELECT seq, origin, changes FROM change_log WHERE seq > ? ${options.origin ? 'AND origin = ?' : ''} ORDER BY seq LIMIT ?`,
    )
    .all(...[options.afterSeq ?? 0, ...(options.origin ? [options.origin] : []), options.limit ?? -1]) as {
    seq: number;
    origin: 'local' | 'remote';
    changes: string;
  }[];
  return rows.map((r) => ({ seq: r.seq, origin: r.origin, changes: JSON.parse(r.changes) as LoggedChange[] }));
}

/**
 * Turns logged stamps into changes with values, read from the rows: for each stamp, the
 * fields whose clock still equals it. Stamps whose every field was overwritten since come
 * back as no change at all; the newer stamps that overwrote them carry those fields.
 */
export function materialize(db: Db, logged: readonly LoggedChange[]): Change[] {
  const out: Change[] = [];
  const stmts = new Map<string, { get(id: string): unknown }>();
  for (const [hlc, table, rowId] of logged) {
    if (!isReplicatedTable(table)) continue;
    let stmt = stmts.get(table);
    if (!stmt) {
      stmt = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
      stmts.set(table, stmt);
    }
    const row = stmt.get(rowId) as Record<string, unknown> | undefined;
    if (!row) continue;
    const specs = REPLICATED_TABLES[table].fields as Record<string, FieldSpec>;
    const fields: Record<string, FieldValue> = {};
    let any = false;
    for (const [field, clock] of decodeClocks(String(row._hlc))) {
      if (clock !== hlc) continue;
      fields[field] = fromSql(specs[field], row[field]);
      any = true;
    }
    if (any) out.push({ hlc, table, rowId, fields });
  }
  return out;
}

/** Stamps read per step of `materializeInSlices`: well under a millisecond of reads. */
const MATERIALIZE_STEP = 50;

/**
 * `materialize` a step at a time, yielding once a slice's time is spent (time-slice.ts): a push
 * page of 1,000 stamps held the core's thread for 30–40 ms in one piece (issue 17). Same changes
 * in the same order. Rows read later in the page may have been written meanwhile; a field
 * overwritten since then is left out, as `materialize` leaves it out, and the newer stamp that
 * overwrote it carries it (every field travels with its own clock, so nothing is lost or reordered).
 */
export async function materializeInSlices(db: Db, logged: readonly LoggedChange[]): Promise<Change[]> {
  const out: Change[] = [];
  const tick = timeSlicer();
  for (let i = 0; i < logged.length; i += MATERIALIZE_STEP) {
    for (const c of materialize(db, logged.slice(i, i + MATERIALIZE_STEP))) out.push(c);
    await tick();
  }
  return out;
}

/** The whole log as changes with values, in log order (replay, tests; sync pages instead). */
export function readChangeLog(db: Db, origin?: 'local' | 'remote'): Change[] {
  return materialize(db, readLogEntries(db, { origin }).flatMap((e) => e.changes));
}

export function countLocalChanges(db: Db): { count: number; lastHlc: string | null } {
  const row = db.prepare("SELECT coalesce(sum(count), 0) AS n, max(last_hlc) AS last FROM change_log WHERE origin = 'local'").get() as {
    n: number;
    last: string | null;
  };
  return { count: row.n, lastHlc: row.last };
}
