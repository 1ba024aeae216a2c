/**
 * The mutation path's side of the rulebook: builds the actor of a write (see actor-scope.ts) and
 * asks shared/rules/rulebook.ts `judge` about it, with the row as this database holds it. A
 * refused write throws a WartaError naming the table and field; nothing of it is written.
 */
import { WartaError, type ErrorCode } from '../../../shared/contract/errors';
import type { Permission } from '../../../shared/contract/permissions';
import { actorOf, derivationsInto, judge, RULEBOOK, RuleBatch } from '../../../shared/rules/rulebook';
import type { Actor, Refusal, Row, RuleCode } from '../../../shared/rules/types';
import { fieldSpec, isReplicatedTable, type FieldValue, type ReplicatedTable } from '../../../shared/sync/replicated-tables';
import type { Db } from '../db/open-database';
import { ALL_PERMISSIONS, currentScope, intersect, permissionsOfCaller } from './actor-scope';
import { decodeClocks } from './field-clocks';
import { decodeRow, fromSql } from '../../../shared/sync/row-codec';

const ERROR_OF: Record<RuleCode, ErrorCode> = {
  table_forbidden: 'forbidden',
  field_forbidden: 'forbidden',
  invalid_value: 'invalid_input',
  wrong_state: 'conflict',
  history: 'conflict',
  erased: 'conflict',
};

export function refusalError(table: string, rowId: string, refusal: Refusal): WartaError {
  return new WartaError(ERROR_OF[refusal.code], refusal.message.id, {
    table,
    id: rowId,
    ...(refusal.field ? { field: refusal.field } : {}),
    rule: refusal.code,
    en: refusal.message.en,
  });
}

export type RawRow = Record<string, unknown> & { _hlc: string; updated_at: string | null; deleted_at: string | null };

export class WriteJudge {
  /** The permissions of the role this machine is enrolled with; null before it is enrolled. */
  private ceiling: ReadonlySet<Permission> | null = null;
  private machine: Actor;
  /** The OPD this machine is bound to (a contributor's device), or null. */
  private opdId: string | null = null;
  private people = new WeakMap<object, Actor>();
  /** The row being judged (read by the lookups below, made once rather than per write). */
  private current: { raw: RawRow | undefined; clocks: Map<string, string> | null; derived: Map<string, string> | null } = { raw: undefined, clocks: null, derived: null };
  readonly batch = new RuleBatch();
  private readonly rowStmts = new Map<string, { get(id: string): unknown }>();
  private readonly stmts = new Map<string, { all(id: unknown): unknown[] }>();

  constructor(
    private readonly db: Db,
    private readonly deviceId: string,
    private readonly now: () => number,
  ) {
    this.machine = actorOf(ALL_PERMISSIONS, deviceId);
  }

  setCeiling(permissions: ReadonlySet<Permission> | null, opdId: string | null = null): void {
    this.ceiling = permissions;
    this.opdId = opdId;
    this.machine = actorOf(permissions ?? ALL_PERMISSIONS, this.deviceId, opdId);
    // Cached person actors were intersected with the old ceiling.
    this.people = new WeakMap();
  }

  /** The actor of the write about to be made; null for sync's convergence writes (not judged here). */
  actor(): Actor | null {
    const scope = currentScope();
    if (scope.kind === 'sync') return null;
    if (scope.kind === 'machine') return this.machine;
    let actor = this.people.get(scope.caller);
    if (!actor) {
      actor = actorOf(intersect(permissionsOfCaller(scope.caller), this.ceiling), this.deviceId, this.opdId);
      this.people.set(scope.caller, actor);
    }
    return actor;
  }

  /** Throws when the rules refuse this write. `raw` is the row as stored (undefined: absent). */
  check(table: ReplicatedTable, rowId: string, hlc: string, fields: Record<string, FieldValue>, raw: RawRow | undefined): Row | null {
    const actor = this.actor();
    if (!actor) return raw ? (decodeRow(table, raw) as Row) : null;
    const derived = raw && derivationsInto(table).length > 0 ? new Map<string, string>() : null;
    const before = raw ? this.rowFor(table, raw, derived) : null;
    this.current = { raw, clocks: null, derived };
    const refusal = judge({ actor, table, rowId, hlc, fields, before, now: this.now(), batch: this.batch, beforeClock: this.beforeClock, row: this.row, rowClock: this.rowClock });
    if (refusal) throw refusalError(table, rowId, refusal);
    return before;
  }

  private readonly beforeClock = (field: string): string | undefined => {
    const c = this.current;
    if (!c.raw) return undefined;
    return c.derived?.get(field) ?? (c.clocks ??= decodeClocks(c.raw._hlc)).get(field);
  };

  private readonly row = (table: ReplicatedTable, id: string): Row | null => {
    const r = this.readRaw(table, id);
    return r ? this.rowFor(table, r, null) : null;
  };

  private readonly rowClock = (table: ReplicatedTable, id: string, field: string): string | undefined => {
    const r = this.readRaw(table, id);
    if (!r) return undefined;
    if (field.startsWith('_')) {
      const clocks = new Map<string, string>();
      this.rowFor(table, r, clocks);
      return clocks.get(field);
    }
    return decodeClocks(r._hlc).get(field);
  };

  /**
   * A stored row as the rules see it: decoded, plus what other rows record about it (a release's
   * workflow position from its transition rows: the newest by clock), as the server keeps it.
   */
  private rowFor(table: ReplicatedTable, raw: RawRow, derivedClocks: Map<string, string> | null): Row {
    const row = decodeRow(table, raw) as Record<string, FieldValue>;
    for (const d of derivationsInto(table)) {
      let best: { value: FieldValue; clock: string } | null = null;
      const sources = this.statement(`der:${d.source}:${d.key}`, `SELECT ${d.from} AS v, _hlc FROM ${d.source} WHERE ${d.key} = ?`).all(raw.id) as { v: unknown; _hlc: string }[];
      for (const s of sources) {
        const clock = decodeClocks(s._hlc).get(d.from);
        if (clock !== undefined && s.v !== null && (!best || clock > best.clock)) best = { value: fromSql(fieldSpec(d.source, d.from), s.v), clock };
      }
      if (best) {
        row[d.field] = best.value;
        derivedClocks?.set(d.field, best.clock);
      }
    }
    return row;
  }

  private statement(key: string, sql: string) {
    let stmt = this.stmts.get(key);
    if (!stmt) this.stmts.set(key, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  /** Records an accepted write for rules that read the batch (only tables with a state rule are read so). */
  note(table: ReplicatedTable, rowId: string, before: Row | null, fields: Row): void {
    if (RULEBOOK[table].check) this.batch.note(table, rowId, before, fields);
  }

  private readRaw(table: string, id: string): RawRow | undefined {
    if (!isReplicatedTable(table)) return undefined;
    let stmt = this.rowStmts.get(table);
    if (!stmt) this.rowStmts.set(table, (stmt = this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`)));
    return stmt.get(id) as RawRow | undefined;
  }
}
