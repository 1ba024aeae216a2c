/**
 * Conflicts and reviews: what a sync decided that a person should see.
 *
 * - A conflict keeps the losing value of a field where an incoming change beat a different
 *   value of ours that nobody had seen, or where our value beat an incoming one we had never
 *   seen (`sync_conflicts`). Choosing the other value writes it as a new change, so every
 *   device converges on the choice.
 * - A review notes a row a sync restored after a delete, or that was restored elsewhere
 *   (`sync_reviews`).
 */
import { WartaError } from '../../../shared/contract/errors';
import type { SyncConflict, SyncReview } from '../../../shared/contract/methods/sync';
import { parseHlc } from '../../../shared/sync/hlc';
import { fieldSpec, isReplicatedTable, type FieldValue, type ReplicatedTable } from '../../../shared/sync/replicated-tables';
import { recordName } from '../../../shared/sync/record-names';
import { fromSql, toSql } from '../../../shared/sync/row-codec';
import { writePermissionsOf } from '../../../shared/rules/rulebook';
import type { Caller } from '../caller';
import type { Change } from '../data/change';
import type { CoreContext } from '../rpc/handler-types';
import { nodeOf, type RowReader, type RowSnapshot } from './rows';
import type { UnpushedStamps } from './unpushed';

/** Fields whose concurrent change is no conflict for a person (the delete rules handle deleted_at). */
export const SKIP_CONFLICT_FIELDS: ReadonlySet<string> = new Set(['deleted_at', 'created_at']);

export class ConflictLog {
  private keepStmt: { run(...args: unknown[]): unknown } | null = null;
  constructor(
    private readonly ctx: CoreContext,
    private readonly rows: RowReader,
  ) {}

  /**
   * Before an incoming change from another device is applied over `before` (our row): keeps
   * the value that will lose, for each field where two writes crossed without knowing each other.
   */
  recordFieldConflicts(change: Change, before: RowSnapshot, unpushed: UnpushedStamps): void {
    const me = this.ctx.info.deviceId;
    const rowKeyUnpushed = [...before.clocks.values()].some((c) => unpushed.has(c));
    for (const [field, value] of Object.entries(change.fields)) {
      if (SKIP_CONFLICT_FIELDS.has(field)) continue;
      const lc = before.clocks.get(field);
      if (!lc || lc === change.hlc || nodeOf(lc) !== me) continue;
      const spec = fieldSpec(change.table, field);
      const localSql = before.row[field] ?? null;
      const incomingSql = toSql(spec, value);
      if (localSql === incomingSql) continue;
      if (change.hlc > lc && rowKeyUnpushed && unpushed.has(lc)) {
        this.keepLoser(change.table, change.rowId, field, JSON.stringify(fromSql(spec, localSql)), lc, change.hlc);
      } else if (change.hlc < lc) {
        this.keepLoser(change.table, change.rowId, field, JSON.stringify(value ?? null), change.hlc, lc);
      }
    }
  }

  /** Keeps a losing value (JSON) for a person to choose; once per field and losing stamp. */
  keepLoser(table: string, rowId: string, field: string, loser: string, loserHlc: string, winnerHlc: string): void {
    this.keepStmt ??= this.ctx.db.prepare(
      'INSERT OR IGNORE INTO sync_conflicts (table_name, row_id, field, loser_value, loser_hlc, winner_hlc, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.keepStmt.run(table, rowId, field, loser, loserHlc, winnerHlc, this.nowIso());
  }

  addReview(table: string, rowId: string, kind: SyncReview['kind']): void {
    this.ctx.db.prepare('INSERT INTO sync_reviews (table_name, row_id, kind, detected_at) VALUES (?, ?, ?, ?)').run(table, rowId, kind, this.nowIso());
  }

  /** Open conflicts, newest first, with the value each row holds now. */
  list(): SyncConflict[] {
    const rows = this.ctx.db
      .prepare('SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY id DESC LIMIT 500')
      .all() as { id: number; table_name: string; row_id: string; field: string; loser_value: string; loser_hlc: string; detected_at: string }[];
    return rows.map((r) => {
      const current = isReplicatedTable(r.table_name) ? this.rows.read(r.table_name, r.row_id) : null;
      const spec = isReplicatedTable(r.table_name) ? fieldSpec(r.table_name, r.field) : undefined;
      return {
        id: r.id,
        table: r.table_name,
        rowId: r.row_id,
        field: r.field,
        recordName: recordName(r.table_name, current?.row, this.lookup),
        currentValue: current ? fromSql(spec, current.row[r.field]) : null,
        otherValue: JSON.parse(r.loser_value) as unknown,
        otherFrom: parseHlc(r.loser_hlc).node,
        detectedAt: r.detected_at,
      };
    });
  }

  /** Keeps the current value, or writes the other one as a new change; the caller must be allowed to write the table. */
  resolve(id: number, keep: 'current' | 'other', caller: Caller): void {
    const r = this.ctx.db.prepare('SELECT * FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL').get(id) as
      | { table_name: string; row_id: string; field: string; loser_value: string }
      | undefined;
    if (!r || !isReplicatedTable(r.table_name)) throw new WartaError('not_found', 'Konflik tidak ditemukan atau sudah diselesaikan.');
    // The table's write permission here; the chosen value is then judged field by field like any write.
    if (!writePermissionsOf(r.table_name).some((p) => caller.can(p))) throw new WartaError('forbidden', 'Anda tidak berhak mengubah data ini.');
    this.ctx.mutator.transaction(() => {
      if (keep === 'other') this.ctx.mutator.write(r.table_name as ReplicatedTable, r.row_id, { [r.field]: JSON.parse(r.loser_value) as FieldValue });
      this.ctx.db.prepare('UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(this.nowIso(), keep, id);
    });
  }

  /** Open reviews, newest first. */
  reviews(): SyncReview[] {
    return (
      this.ctx.db.prepare('SELECT * FROM sync_reviews WHERE closed_at IS NULL ORDER BY id DESC LIMIT 500').all() as {
        id: number;
        table_name: string;
        row_id: string;
        kind: SyncReview['kind'];
        detected_at: string;
      }[]
    ).map((r) => ({ id: r.id, table: r.table_name, rowId: r.row_id, kind: r.kind, detectedAt: r.detected_at }));
  }

  closeReview(id: number): void {
    const done = this.ctx.db.prepare('UPDATE sync_reviews SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(this.nowIso(), id);
    if (done.changes === 0) throw new WartaError('not_found', 'Catatan tinjauan tidak ditemukan.');
  }

  /** How many of each are open (the status bar and the settings screen). */
  openCounts(): { conflicts: number; reviews: number } {
    const db = this.ctx.db;
    return {
      conflicts: (db.prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as { n: number }).n,
      reviews: (db.prepare('SELECT count(*) AS n FROM sync_reviews WHERE closed_at IS NULL').get() as { n: number }).n,
    };
  }

  private readonly lookup = (table: string, id: string) =>
    isReplicatedTable(table) ? (this.rows.read(table, id)?.row as Record<string, unknown> | undefined) : undefined;

  private nowIso(): string {
    return new Date(this.ctx.now()).toISOString();
  }
}
