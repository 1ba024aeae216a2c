/**
 * Applying pulled changes to this device's database: one page at a time, in one transaction
 * together with the pull cursor (a crash leaves either the whole page and the new cursor or
 * neither).
 *
 * - Changes to rows this device does not hold (most of a first sync) need no conflict or
 *   delete checks: they go through the merge path in runs.
 * - A change from another device over a row we hold first records crossed field edits
 *   (conflicts.ts), then merges per field by clock (Mutator.applyChanges).
 * - Deletes never silently swallow edits: a row stays deleted only while its `deleted_at`
 *   clock is newer than every other field's clock and no concurrent local edit is waiting;
 *   otherwise the row is restored by a new change (so every replica converges on it) and a
 *   review item is recorded.
 * - Tables and fields this client's schema does not know are kept in `sync_deferred` and
 *   applied when, after an upgrade, it knows them (`applyDeferred`).
 */
import type { WireChange } from '../../../shared/sync/protocol';
import { fieldSpec, isReplicatedTable, type FieldValue, type ReplicatedTable } from '../../../shared/sync/replicated-tables';
import type { Change } from '../data/change';
import type { CoreContext } from '../rpc/handler-types';
import { SKIP_CONFLICT_FIELDS, type ConflictLog } from './conflicts';
import { joinPending, setAsidePreSyncValues } from './join-values';
import type { SyncState } from './local-tables';
import { nodeOf, type RowReader } from './rows';
import type { UnpushedStamps } from './unpushed';

/** Which tables and fields this client knows (the registry, or a narrower view in tests). */
export type Knows = (table: string, field: string) => boolean;

export const knowsRegistry: Knows = (table, field) => isReplicatedTable(table) && fieldSpec(table, field) !== undefined;

export class PageApplier {
  /** True while a page is written: its `data.changed` is not a local edit to sync back. */
  applying = false;
  /** While the page is applied: the first pull into this workspace (join-values.ts). */
  private joining = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly state: SyncState,
    private readonly rows: RowReader,
    private readonly conflicts: ConflictLog,
    private readonly unpushed: UnpushedStamps,
    private readonly knows: Knows,
  ) {}

  /**
   * Applies one page and moves the cursor, in one transaction. `forget`: rows the office's
   * server no longer lets this device hold (a row predicate of its role's read rule).
   */
  applyPage(changes: readonly WireChange[], cursor: number, restoreDeletes = false, forget: readonly { table: string; rowId: string }[] = []): void {
    const m = this.ctx.mutator;
    const defer = this.ctx.db.prepare('INSERT OR IGNORE INTO sync_deferred (hlc, body) VALUES (?, ?)');
    this.applying = true;
    this.joining = joinPending(this.state);
    // A pulled page need not reach the platter before the next one is applied: the office's
    // server still holds it and the cursor moves in the same transaction, so a page lost to a
    // power cut is simply pulled again. WAL with synchronous=NORMAL keeps the file consistent;
    // this machine's own saves stay FULL (open-database.ts), and their fsync carries these too.
    // (The setting may not change inside a transaction: a page applied within one keeps FULL.)
    const db = this.ctx.db;
    const relaxed = !db.inTransaction;
    if (relaxed) db.pragma('synchronous = NORMAL');
    try {
      m.transaction(() => {
        // Changes to rows this device does not hold (most of a first sync) need no conflict or
        // delete checks: they are applied in runs, through one call of the merge path.
        const run: Change[] = [];
        // Per change of the run: its row was found absent and no earlier change of this page is
        // to it, so the merge path inserts it without reading it again (one lookup per row, not two).
        const absent: boolean[] = [];
        const seen = new Set<string>();
        // A table empty before this page holds only rows of this page: no lookup needed.
        const empty = new Map<string, boolean>();
        const isEmpty = (table: string) => {
          let e = empty.get(table);
          if (e === undefined) {
            e = this.ctx.db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;
            empty.set(table, e);
          }
          return e;
        };
        const flush = () => {
          if (run.length) m.applyChanges(run, absent);
          run.length = 0;
          absent.length = 0;
        };
        for (const wc of changes) {
          const known = this.splitKnown(wc);
          if (known.deferred) defer.run(wc.hlc, JSON.stringify(wc));
          const c = known.change;
          if (!c) continue;
          const key = `${c.table}\u0000${c.rowId}`;
          const again = seen.has(key);
          if (!again) seen.add(key);
          if (!('deleted_at' in c.fields) && (isEmpty(c.table) || !this.rows.exists(c.table, c.rowId))) {
            run.push(c);
            absent.push(!again);
          } else {
            flush();
            this.applyOne(c, restoreDeletes);
          }
        }
        flush();
        for (const f of forget) if (isReplicatedTable(f.table)) m.forget(f.table, f.rowId);
        this.state.set('pull_cursor', cursor);
      });
    } finally {
      this.applying = false;
      if (relaxed) db.pragma('synchronous = FULL');
    }
  }

  /** How many live rows of ours these incoming changes would delete (the mass-delete guard). */
  countIncomingDeletes(changes: readonly WireChange[]): number {
    let n = 0;
    for (const c of changes) {
      if (c.fields.deleted_at === undefined || c.fields.deleted_at === null || !isReplicatedTable(c.table)) continue;
      const row = this.rows.read(c.table, c.rowId);
      if (row && row.row.deleted_at === null && (row.clocks.get('deleted_at') ?? '') < c.hlc) n += 1;
    }
    return n;
  }

  /** Deferred changes whose table and fields this schema now knows are applied and forgotten. */
  applyDeferred(): number {
    const rows = this.ctx.db.prepare('SELECT hlc, body FROM sync_deferred ORDER BY hlc').all() as { hlc: string; body: string }[];
    const ready: Change[] = [];
    for (const r of rows) {
      const wc = JSON.parse(r.body) as WireChange;
      if (!isReplicatedTable(wc.table) || !this.knows(wc.table, 'created_at')) continue;
      if (Object.keys(wc.fields).every((f) => this.knows(wc.table, f) && fieldSpec(wc.table as ReplicatedTable, f))) ready.push(wc as Change);
    }
    if (ready.length === 0) return 0;
    const del = this.ctx.db.prepare('DELETE FROM sync_deferred WHERE hlc = ?');
    this.ctx.mutator.transaction(() => {
      for (const c of ready) {
        this.ctx.mutator.applyChanges([c]);
        del.run(c.hlc);
      }
    });
    return ready.length;
  }

  /** The part of a change this schema knows, and whether the rest must wait in `sync_deferred`. */
  private splitKnown(wc: WireChange): { change: Change | null; deferred: boolean } {
    if (!this.knows(wc.table, 'created_at') || !isReplicatedTable(wc.table)) return { change: null, deferred: true };
    let all = true;
    for (const k in wc.fields) if (!this.knows(wc.table, k)) all = false;
    // The usual case, every field known: the change as it came (no copy).
    if (all) return { change: wc as Change, deferred: false };
    const fields: Record<string, FieldValue> = {};
    let deferred = false;
    let any = false;
    for (const [k, v] of Object.entries(wc.fields)) {
      if (this.knows(wc.table, k) && fieldSpec(wc.table, k)) {
        fields[k] = v as FieldValue;
        any = true;
      } else deferred = true;
    }
    return { change: any ? { hlc: wc.hlc, table: wc.table, rowId: wc.rowId, fields } : null, deferred };
  }

  /** One change over a row we hold: conflicts first, then the merge, then the delete rules. */
  private applyOne(change: Change, restoreDeletes: boolean): void {
    const { table, rowId, hlc } = change;
    const me = this.ctx.info.deviceId;
    let before = this.rows.read(table, rowId);
    const fromElsewhere = nodeOf(hlc) !== me;
    // Joining an office: its values beat what this device wrote before it ever synced.
    if (before && fromElsewhere && this.joining) {
      const deps = { db: this.ctx.db, mutator: this.ctx.mutator, deviceId: me, unpushed: this.unpushed };
      setAsidePreSyncValues(deps, change, before);
      before = this.rows.read(table, rowId);
    }
    if (before && fromElsewhere) this.conflicts.recordFieldConflicts(change, before, this.unpushed);
    this.ctx.mutator.applyChanges([change]);
    const touchesDelete = 'deleted_at' in change.fields || (before !== null && before.row.deleted_at !== null);
    if (!touchesDelete) return;
    const after = this.rows.read(table, rowId);
    if (!after) return;
    if (after.row.deleted_at === null) {
      if (before && before.row.deleted_at !== null && fromElsewhere) this.conflicts.addReview(table, rowId, 'restored_elsewhere');
      return;
    }
    const delClock = after.clocks.get('deleted_at') ?? '';
    let restore = false;
    // The rule every replica applies alike: an edit newer than the delete wins over it.
    for (const [f, c] of after.clocks) if (f !== 'deleted_at' && c > delClock) restore = true;
    if (!restore && fromElsewhere && before) {
      const localEdit = [...before.clocks].some(([f, c]) => f !== 'deleted_at' && this.unpushed.has(c));
      const localDelete = this.unpushed.has(before.clocks.get('deleted_at') ?? '') && before.row.deleted_at !== null;
      const remoteDeleted = change.fields.deleted_at !== undefined && change.fields.deleted_at !== null && delClock === hlc;
      const remoteEdited = Object.keys(change.fields).some((f) => !SKIP_CONFLICT_FIELDS.has(f));
      // Concurrent: somebody deleted what we edited, or edited what we deleted, before either knew.
      if ((remoteDeleted && localEdit) || (localDelete && remoteEdited)) restore = true;
    }
    if (!restore && restoreDeletes && fromElsewhere && change.fields.deleted_at) restore = true;
    if (restore) {
      this.ctx.mutator.write(table, rowId, { deleted_at: null });
      const now = this.rows.read(table, rowId);
      const stamp = now?.clocks.get('deleted_at');
      if (stamp) this.unpushed.add(stamp);
      this.conflicts.addReview(table, rowId, 'restored_after_delete');
    }
  }
}
