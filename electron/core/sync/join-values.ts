/**
 * Joining an office: values this device wrote before it ever synced with the office never
 * overwrite the office's values silently (issue 19 item 12).
 *
 * A laptop that went through "Kantor baru" and then enrolled holds rows of its own; most have
 * fresh UUIDv7 ids and simply join the office's data. Singleton rows (the office profile, the
 * settings rows) share their fixed id with the office's: their fields were written later by
 * clock than the office's, so per-field last-writer-wins would let a near-empty first-run
 * profile replace the office's letterhead and number pattern on every machine.
 *
 * So while the first pull into a workspace runs (`join_pending`, set when the device enrols
 * into a workspace whose head it never reached; re-enrolling after a disconnect is no join):
 *
 * 1. An incoming change from the office over a field holding a value this device wrote and
 *    never pushed takes the field, even when ours is newer by clock: the field gets the
 *    office's value and stamp (as a refusal does, `Mutator.takeOfficeState`, unlogged: it is
 *    the state every replica has). Our value waits in `sync_join_values`. With our stamp gone
 *    from the row, push's `materialize` no longer carries it to the server.
 * 2. Once the pull reached the office's head (`finishJoin`), each waiting value meets the
 *    office's final value: where the office has none (null or empty text) ours fills it, as a
 *    new change; where it differs, ours goes to `sync_conflicts` as the other value, where a
 *    person sees it in words and may choose it (a new change, which then wins everywhere).
 *    Deciding at the end, not change by change, judges against what the office holds now,
 *    not against a value it has since cleared.
 */
import { WartaError } from '../../../shared/contract/errors';
import { fieldSpec, type FieldValue, type ReplicatedTable } from '../../../shared/sync/replicated-tables';
import { fromSql, toSql } from '../../../shared/sync/row-codec';
import { writePermissionsOf } from '../../../shared/rules/rulebook';
import { ceilingOf } from '../data/actor-scope';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/open-database';
import type { Change } from '../data/change';
import type { Mutator } from '../data/mutator';
import type { ConflictLog } from './conflicts';
import type { SyncState } from './local-tables';
import { nodeOf, type RowReader, type RowSnapshot } from './rows';
import type { UnpushedStamps } from './unpushed';

/** The sync_state key: the first pull into the current workspace has not reached its head yet. */
export const JOIN_PENDING = 'join_pending';
/** Workspaces whose head this device has reached once (kept across a disconnect: re-enrolling is no join). */
const SYNCED_WORKSPACES = 'synced_workspaces';

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** A local table (like the others of sync, local-tables.ts): this machine's values waiting for the join's end. */
function ensureJoinTable(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS sync_join_values (
    table_name TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,
    value TEXT NOT NULL, hlc TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id, field)
  )`);
}

type Statement = Database.Statement<unknown[], unknown>;
const keepStatements = new WeakMap<Db, Statement>();
function keepStatement(db: Db): Statement {
  let stmt = keepStatements.get(db);
  if (!stmt) keepStatements.set(db, (stmt = db.prepare('INSERT OR IGNORE INTO sync_join_values (table_name, row_id, field, value, hlc) VALUES (?, ?, ?, ?, ?)')));
  return stmt;
}

export function joinPending(state: SyncState): boolean {
  return state.get(JOIN_PENDING) !== null;
}

export function hasSyncedWith(state: SyncState, workspace: string): boolean {
  return (state.json<string[]>(SYNCED_WORKSPACES) ?? []).includes(workspace);
}

/** Enrolled into a workspace: a join when this device never reached its head. */
export function beginJoinIfNew(db: Db, state: SyncState, workspace: string): void {
  ensureJoinTable(db);
  if (hasSyncedWith(state, workspace)) state.set(JOIN_PENDING, null);
  else state.set(JOIN_PENDING, workspace);
}

/**
 * Before an incoming change from the office is merged over `before` (a row this device holds)
 * during the join pull: each field holding a value this device wrote and never pushed, newer by
 * clock, takes the office's value; ours waits in `sync_join_values`. Returns how many fields.
 */
export function setAsidePreSyncValues(
  deps: { db: Db; mutator: Mutator; deviceId: string; unpushed: UnpushedStamps },
  change: Change,
  before: RowSnapshot,
): number {
  const table = change.table as ReplicatedTable;
  const keep = keepStatement(deps.db);
  // Fields set aside, grouped by the stamp of ours they held: one office-state write per stamp.
  const byStamp = new Map<string, string[]>();
  const office: Record<string, { value: FieldValue; hlc: string }> = {};
  for (const [field, incoming] of Object.entries(change.fields)) {
    if (field === 'deleted_at') continue; // the delete rules of apply.ts decide deletes
    const ours = before.clocks.get(field);
    // Only a pre-sync value of ours that would win by clock: an older one loses anyway (and is
    // kept by the ordinary conflict record), a pushed one the office has already seen.
    if (!ours || nodeOf(ours) !== deps.deviceId || !deps.unpushed.has(ours) || change.hlc >= ours) continue;
    const spec = fieldSpec(table, field);
    if (!spec) continue;
    const oursSql = before.row[field] ?? null;
    // `created_at` is no person's value; an empty value of ours is nothing to lose.
    if (field !== 'created_at' && !isEmpty(oursSql)) keep.run(table, change.rowId, field, JSON.stringify(fromSql(spec, oursSql)), ours);
    office[field] = { value: incoming as FieldValue, hlc: change.hlc };
    const fields = byStamp.get(ours);
    if (fields) fields.push(field);
    else byStamp.set(ours, [field]);
  }
  let n = 0;
  for (const [stamp, fields] of byStamp) {
    deps.mutator.takeOfficeState(table, change.rowId, stamp, fields, { fields: office });
    n += fields.length;
  }
  return n;
}

/**
 * The pull reached the office's head: each value set aside fills a field the office left
 * empty, or waits in the conflicts view where the office has another. Then values merge by
 * clock alone. Runs in the sync scope; returns how many went to the conflicts view.
 */
export function finishJoin(deps: { db: Db; state: SyncState; mutator: Mutator; conflicts: ConflictLog; rows: RowReader }): number {
  const { db, state, mutator, conflicts, rows } = deps;
  // A sync cycle's writes are not judged as a person's (actor-scope.ts): the role this device
  // is enrolled with decides whether it may fill a field, so the office is not sent a change it refuses.
  const ceiling = ceilingOf(state.get('role'));
  const mayWrite = (table: ReplicatedTable) => ceiling === null || writePermissionsOf(table).some((p) => ceiling.has(p));
  ensureJoinTable(db);
  const waiting = db.prepare('SELECT * FROM sync_join_values').all() as { table_name: string; row_id: string; field: string; value: string; hlc: string }[];
  let toConflicts = 0;
  mutator.transaction(() => {
    for (const w of waiting) {
      const table = w.table_name as ReplicatedTable;
      const now = rows.read(table, w.row_id);
      const spec = fieldSpec(table, w.field);
      if (!now || !spec) continue;
      const ours = JSON.parse(w.value) as FieldValue;
      const officeSql = now.row[w.field] ?? null;
      if (officeSql === toSql(spec, ours)) continue;
      if (isEmpty(officeSql) && now.row.deleted_at === null && mayWrite(table) && fill(mutator, table, w.row_id, w.field, ours)) continue;
      conflicts.keepLoser(table, w.row_id, w.field, w.value, w.hlc, now.clocks.get(w.field) ?? w.hlc);
      toConflicts += 1;
    }
    db.prepare('DELETE FROM sync_join_values').run();
    const workspace = state.get('workspace');
    if (workspace && !hasSyncedWith(state, workspace)) state.set(SYNCED_WORKSPACES, JSON.stringify([...(state.json<string[]>(SYNCED_WORKSPACES) ?? []), workspace]));
    state.set(JOIN_PENDING, null);
  });
  return toConflicts;
}

/** Our value fills a field the office left empty, as a new change; false when this device's role may not write it. */
function fill(mutator: Mutator, table: ReplicatedTable, rowId: string, field: string, value: FieldValue): boolean {
  try {
    mutator.write(table, rowId, { [field]: value });
    return true;
  } catch (err) {
    if (err instanceof WartaError && err.code === 'forbidden') return false;
    throw err;
  }
}
