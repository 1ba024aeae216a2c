/**
 * Changes the office's server refused (shared/rules): each field of a refused change is kept in
 * `sync_refused` with the value this computer had written, the rule's reason and the record's
 * name, where a person sees it and can redo it properly; the row takes the office's state, so
 * every replica converges (a refused field would otherwise stay different here forever).
 */
import type { SyncRefusal } from '../../../shared/contract/methods/sync';
import type { RefusedChange } from '../../../shared/sync/protocol';
import { isReplicatedTable, type FieldValue } from '../../../shared/sync/replicated-tables';
import { recordName } from '../../../shared/sync/record-names';
import type { Change } from '../data/change';
import type { Mutator } from '../data/mutator';
import type { Db } from '../db/open-database';
import { ensureSyncTables } from './local-tables';

/** The record's name as the office has it now (the row after it took the office's state), else as this computer wrote it. */
function nameOf(db: Db, table: string, rowId: string, pushed: Change): string | null {
  const read = (t: string, id: string) => (isReplicatedTable(t) ? (db.prepare(`SELECT * FROM ${t} WHERE id = ?`).get(id) as Record<string, unknown> | undefined) : undefined);
  return recordName(table, read(table, rowId), read) ?? recordName(table, pushed.fields, read);
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Records the refusals of one push and takes the office's state for each refused change, in one
 * transaction. A field whose value equals the office's is not recorded: nothing was lost.
 * Returns how many fields were recorded.
 */
export function applyRefusals(db: Db, mutator: Mutator, now: number, pushed: readonly Change[], refused: readonly RefusedChange[]): number {
  if (refused.length === 0) return 0;
  ensureSyncTables(db);
  const byHlc = new Map(pushed.map((c) => [c.hlc, c]));
  const insert = db.prepare(
    `INSERT OR IGNORE INTO sync_refused (table_name, row_id, field, value, hlc, code, message_id, message_en, record_name, refused_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = new Date(now).toISOString();
  let recorded = 0;
  mutator.transaction(() => {
    for (const r of refused) {
      const change = byHlc.get(r.hlc);
      if (!change || !isReplicatedTable(change.table) || change.table !== r.table || change.rowId !== r.rowId) continue;
      mutator.takeOfficeState(change.table, change.rowId, change.hlc, Object.keys(change.fields), r.office);
      const name = nameOf(db, r.table, r.rowId, change);
      for (const [field, value] of Object.entries(change.fields)) {
        if (field === 'created_at') continue;
        const theirs = r.office.fields[field];
        if (theirs && same(theirs.value, value)) continue;
        recorded += insert.run(r.table, r.rowId, field, JSON.stringify(value ?? null), r.hlc, r.code, r.message.id, r.message.en, name, at).changes;
      }
    }
  });
  return recorded;
}

interface RefusedRow {
  id: number;
  table_name: string;
  row_id: string;
  field: string;
  value: string | null;
  code: string;
  message_id: string;
  message_en: string;
  record_name: string | null;
  refused_at: string;
}

/** Open refusal records, newest first (the caller filters what a person may see). */
export function listRefusals(db: Db, limit = 500): SyncRefusal[] {
  ensureSyncTables(db);
  return (db.prepare('SELECT * FROM sync_refused WHERE dismissed_at IS NULL ORDER BY id DESC LIMIT ?').all(limit) as RefusedRow[]).map((r) => ({
    id: r.id,
    table: r.table_name,
    rowId: r.row_id,
    field: r.field,
    recordName: r.record_name,
    value: r.value === null ? null : (JSON.parse(r.value) as unknown),
    code: r.code,
    message: { id: r.message_id, en: r.message_en },
    refusedAt: r.refused_at,
  }));
}

export function dismissRefusal(db: Db, id: number, now: number): boolean {
  ensureSyncTables(db);
  return db.prepare('UPDATE sync_refused SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL').run(new Date(now).toISOString(), id).changes > 0;
}

export function countRefusals(db: Db): number {
  ensureSyncTables(db);
  return (db.prepare('SELECT count(*) AS n FROM sync_refused WHERE dismissed_at IS NULL').get() as { n: number }).n;
}
