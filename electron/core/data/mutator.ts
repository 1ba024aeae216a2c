import { WartaError } from '../../../shared/contract/errors';
import type { Permission } from '../../../shared/contract/permissions';
import { erasureOf, isErasure } from '../../../shared/rules/erasure';
import { wins } from '../../../shared/sync/merge';
import { hlcMillis, isHlc, type HlcClock } from '../../../shared/sync/hlc';
import {
  checkFieldValue,
  fieldSpec,
  type FieldSpec,
  isReplicatedTable,
  type FieldValue,
  type ReplicatedTable,
} from '../../../shared/sync/replicated-tables';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/open-database';
import { CHANGES_PER_LOG_ENTRY, type Change, type LoggedChange } from './change';
import { decodeClocks, encodeClocks } from './field-clocks';
import { fromSql, toSql } from '../../../shared/sync/row-codec';
import { WriteJudge, type RawRow } from './write-judge';

type Statement = Database.Statement<unknown[], unknown>;

/** A row an erasure scrubbed, with the values it held before (to find their copies elsewhere). */
export interface ErasedRow {
  table: ReplicatedTable;
  rowId: string;
  fields: readonly string[];
  old: Readonly<Record<string, FieldValue>>;
}
/** Removes an erased row's old values from local copies; runs inside the erasure's transaction. */
export type ErasureHook = (db: Db, erased: readonly ErasedRow[]) => void;
/**
 * A row took the office's state without a logged change (a refused change undone, a row this
 * machine may no longer hold forgotten): local data derived from it (caches, indexes) follows.
 * `row` is the row as it was; `removed` says whether it is gone.
 */
export type OfficeStateHook = (db: Db, table: ReplicatedTable, row: Readonly<Record<string, unknown>>, removed: boolean) => void;

/** The office's state of some fields of a row, as a refusal reports it (shared/sync/protocol.ts RefusedChange). */
export interface OfficeFields {
  readonly fields: Readonly<Record<string, { readonly value: FieldValue; readonly hlc: string }>>;
}

interface InsertPlan {
  stmt: Statement;
  specs: (FieldSpec | undefined)[];
  namesJson: string;
}

export interface MutatorOptions {
  db: Db;
  clock: HlcClock;
  newId: () => string;
  now: () => number;
  /** Called after the outermost transaction commits, with the tables it touched. */
  onCommit: (tables: Set<string>) => void;
  /** This machine's device id (the node of its clock): the rules' actor names it. */
  deviceId?: string;
}

/**
 * The one path for writes to replicated tables. Each write changes the row and appends its
 * change to `change_log` in the same transaction; the row keeps per-field clocks in `_hlc`
 * so that remote changes merge by per-field last-writer-wins in any order, any number of times.
 *
 * Every local write is judged by the rulebook first (write-judge.ts, shared/rules): whatever the
 * handler, nothing the rules refuse for the person (or the machine) is written. A write reads its
 * row once; the field checks run once, in the rulebook. Changes from elsewhere (`applyChanges`)
 * are not judged here: the office's server judged them.
 *
 * An erasure (shared/rules/erasure.ts), local or from elsewhere, is written with SQLite's
 * secure_delete on; the registered hooks scrub local copies of the old values in the same
 * transaction, and the WAL is checkpointed and truncated after the commit.
 */
export class Mutator {
  private readonly db: Db;
  private readonly clock: HlcClock;
  private readonly newId: () => string;
  private readonly now: () => number;
  private readonly onCommit: (tables: Set<string>) => void;
  private readonly statements = new Map<string, Statement>();
  private readonly insertPlans = new Map<string, InsertPlan>();
  private readonly lastPlan = new Map<string, { names: string[]; stamped: boolean; plan: InsertPlan }>();
  private lastIsoMs = -1;
  private lastIso = '';
  private readonly touched = new Set<string>();
  /** Changes of the running transaction, written to the log just before it commits. */
  private readonly pending: { local: PendingLog; remote: PendingLog } = { local: { hlcs: [], tables: [], rowIds: [] }, remote: { hlcs: [], tables: [], rowIds: [] } };
  private depth = 0;
  private readonly logInsert: Statement;
  private readonly saveClock: Statement;
  private readonly judge: WriteJudge;
  private readonly erasureHooks = new Set<ErasureHook>();
  private readonly officeStateHooks = new Set<OfficeStateHook>();
  private readonly erased: ErasedRow[] = [];

  constructor(options: MutatorOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.newId = options.newId;
    this.now = options.now;
    this.onCommit = options.onCommit;
    this.logInsert = this.db.prepare(
      'INSERT INTO change_log (origin, first_hlc, last_hlc, count, changes) VALUES (?, ?, ?, ?, ?)',
    );
    this.saveClock = this.db.prepare("INSERT OR REPLACE INTO local_meta (key, value) VALUES ('hlc_last', ?)");
    this.judge = new WriteJudge(this.db, options.deviceId ?? this.clock.node, this.now);
    // Deleted and overwritten cells are zeroed where that costs no extra I/O; erasures go further (ON).
    this.db.pragma('secure_delete = FAST');
  }

  /**
   * The permissions of the role this machine is enrolled with (null: not enrolled). Caps every
   * local write. `opdId`: the OPD a contributor's machine is bound to (the rules read it).
   */
  setCeiling(permissions: ReadonlySet<Permission> | null, opdId: string | null = null): void {
    this.judge.setCeiling(permissions, opdId);
  }

  /** Registers a scrub of local copies for erased rows (sync's conflict records, import staging …). */
  onErased(hook: ErasureHook): () => void {
    this.erasureHooks.add(hook);
    return () => this.erasureHooks.delete(hook);
  }

  /** Runs `fn` in one transaction; nested calls join the outer one. */
  transaction<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.depth += 1;
    try {
      const result = this.db.transaction(() => {
        const value = fn();
        this.flushLog('local');
        this.flushLog('remote');
        this.saveClock.run(this.clock.current());
        if (this.erased.length > 0) for (const hook of this.erasureHooks) hook(this.db, this.erased);
        return value;
      })();
      const tables = new Set(this.touched);
      this.touched.clear();
      if (this.erased.length > 0) this.afterErasure();
      if (tables.size > 0) this.onCommit(tables);
      return result;
    } catch (err) {
      this.touched.clear();
      clearPending(this.pending.local);
      clearPending(this.pending.remote);
      if (this.erased.length > 0) this.afterErasure();
      throw err;
    } finally {
      this.judge.batch.clear();
      this.depth -= 1;
    }
  }

  /** Erased values leave the WAL too: checkpoint and truncate it, then back to the usual secure_delete. */
  private afterErasure(): void {
    this.erased.length = 0;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.pragma('secure_delete = FAST');
    }
  }

  /** Notes an erasure before it is written: secure_delete on, old values kept for the hooks. */
  private noteErasure(table: ReplicatedTable, rowId: string, raw: Record<string, unknown> | undefined): void {
    const rule = erasureOf(table);
    if (!rule) return;
    this.db.pragma('secure_delete = ON');
    const old: Record<string, FieldValue> = {};
    for (const f of rule.fields) if (raw && raw[f] !== null && raw[f] !== undefined) old[f] = fromSql(fieldSpec(table, f), raw[f]);
    this.erased.push({ table, rowId, fields: rule.fields, old });
  }

  onOfficeState(hook: OfficeStateHook): () => void {
    this.officeStateHooks.add(hook);
    return () => this.officeStateHooks.delete(hook);
  }

  /**
   * The office refused the change stamped `refusedHlc`: each of its `fields` this row still
   * holds from it takes the office's value and clock (or, where the office has none this machine
   * may read, no value and no clock). Nothing is logged: this is the state every replica has.
   * A row left with no field at all was only ever this machine's: it is removed. Returns what
   * became of the row.
   */
  takeOfficeState(table: ReplicatedTable, rowId: string, refusedHlc: string, fields: readonly string[], office: OfficeFields): 'unchanged' | 'reverted' | 'removed' {
    return this.transaction(() => {
      const raw = this.readRaw(table, rowId);
      if (!raw) return 'unchanged';
      const clocks = decodeClocks(raw._hlc);
      const sets: Record<string, unknown> = {};
      for (const f of fields) {
        // Only declared fields (they name columns); a field overwritten since is the newer change's.
        if (!fieldSpec(table, f) || clocks.get(f) !== refusedHlc) continue;
        const theirs = office.fields[f];
        if (theirs) {
          sets[f] = toSql(fieldSpec(table, f), theirs.value);
          clocks.set(f, theirs.hlc);
        } else {
          sets[f] = null;
          clocks.delete(f);
        }
      }
      const names = Object.keys(sets);
      if (names.length === 0) return 'unchanged';
      this.touched.add(table);
      if (clocks.size === 0) {
        this.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(rowId);
        for (const hook of this.officeStateHooks) hook(this.db, table, raw, true);
        return 'removed';
      }
      let newest = '';
      for (const c of clocks.values()) if (c > newest) newest = c;
      // Prepared once per table and set of fields: a join takes the office's state row after row (sync/join-values.ts).
      this.statement(`office:${table}:${names.join(',')}`, () => `UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ?, _hlc = ? WHERE id = ?`).run(
        ...names.map((n) => sets[n]),
        isoOf(newest),
        encodeClocks(clocks),
        rowId,
      );
      for (const hook of this.officeStateHooks) hook(this.db, table, raw, false);
      return 'reverted';
    });
  }

  /**
   * The office's server no longer lets this machine hold the row (its role's read rule, e.g. an
   * account that may no longer unlock a press-room computer): it goes, unlogged, as if never held.
   */
  forget(table: ReplicatedTable, rowId: string): boolean {
    return this.transaction(() => {
      const raw = this.readRaw(table, rowId);
      if (!raw) return false;
      this.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(rowId);
      for (const hook of this.officeStateHooks) hook(this.db, table, raw, true);
      this.touched.add(table);
      return true;
    });
  }

  /** Inserts a new row with a fresh UUIDv7 id; returns the id. */
  insert(table: ReplicatedTable, values: Record<string, FieldValue>): string {
    const id = this.newId();
    // Inside a transaction (an import, a batch) without a closure per row: this runs per row.
    if (this.depth > 0) this.insertRow(table, id, values);
    else this.transaction(() => this.insertRow(table, id, values));
    return id;
  }

  private insertRow(table: ReplicatedTable, id: string, values: Record<string, FieldValue>): void {
    const hlc = this.clock.tick();
    if ('created_at' in values) throw new WartaError('invalid_input', 'created_at is set by the mutation path', { table });
    this.judge.check(table, id, hlc, values, undefined);
    this.judge.note(table, id, null, values);
    if (isErasure(table, values)) this.noteErasure(table, id, undefined);
    logPush(this.pending.local, hlc, table, id);
    // Fast path: a fresh id cannot exist yet, so no read-and-compare is needed. The values
    // are bound straight from the caller's object (no copy: this loop runs per row of an import).
    const names = Object.keys(values);
    const plan = this.insertPlan(table, names, true);
    const args: unknown[] = [id];
    for (let i = 0; i < names.length; i++) args.push(toSql(plan.specs[i], values[names[i] as string] as FieldValue));
    args.push(this.isoNow(), isoOf(hlc), `{"${hlc}":${plan.namesJson}}`);
    plan.stmt.run(...args); // spread: binding from one array argument costs more per row
    this.touched.add(table);
  }

  /**
   * The prepared insert for these columns (with `created_at` when `stamped`). Bulk inserts have
   * one shape: the last plan of the table is compared first, name by name, without building a key.
   */
  private insertPlan(table: ReplicatedTable, fieldNames: string[], stamped = false): InsertPlan {
    const last = this.lastPlan.get(table);
    if (last && last.stamped === stamped && sameNames(last.names, fieldNames)) return last.plan;
    const names = stamped ? [...fieldNames, 'created_at'] : fieldNames;
    const key = `${table}:${names.join(',')}`;
    let plan = this.insertPlans.get(key);
    if (!plan) {
      const cols = ['id', ...names, 'updated_at', '_hlc'];
      plan = {
        stmt: this.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`),
        specs: names.map((n) => fieldSpec(table, n)),
        namesJson: JSON.stringify(names),
      };
      this.insertPlans.set(key, plan);
    }
    this.lastPlan.set(table, { names: [...fieldNames], stamped, plan });
    return plan;
  }

  /** ISO time of the wall clock, formatted once per millisecond. */
  private isoNow(): string {
    const ms = this.now();
    if (ms !== this.lastIsoMs) {
      this.lastIsoMs = ms;
      this.lastIso = new Date(ms).toISOString();
    }
    return this.lastIso;
  }

  /** Writes fields of a row, creating it when absent (used for singletons with a fixed id). */
  write(table: ReplicatedTable, id: string, values: Record<string, FieldValue>): void {
    this.transaction(() => this.writeRow(table, id, values, this.readRaw(table, id)));
  }

  /**
   * Updates an existing, not deleted row. A handler that has just read the row (`SELECT *`) may
   * pass it as `raw`, so the save reads it once.
   */
  update(table: ReplicatedTable, id: string, values: Record<string, FieldValue>, raw?: Record<string, unknown>): void {
    this.transaction(() => {
      const row = (raw as RawRow | undefined) ?? this.readRaw(table, id);
      if (!row || row.deleted_at !== null) throw notFound(table, id);
      this.writeRow(table, id, values, row);
    });
  }

  /** Tombstones a row: nothing replicated is ever hard-deleted. */
  remove(table: ReplicatedTable, id: string): void {
    this.transaction(() => {
      const row = this.readRaw(table, id);
      if (!row || row.deleted_at !== null) throw notFound(table, id);
      this.writeRow(table, id, { deleted_at: this.isoNow() }, row);
    });
  }

  restore(table: ReplicatedTable, id: string): void {
    this.transaction(() => {
      const row = this.readRaw(table, id);
      if (!row) throw notFound(table, id);
      this.writeRow(table, id, { deleted_at: null }, row);
    });
  }

  /** The one local write: judged, then merged into the row (read once, by the caller) and logged. */
  private writeRow(table: ReplicatedTable, id: string, values: Record<string, FieldValue>, raw: RawRow | undefined): void {
    const fields = raw ? values : { ...values, created_at: this.isoNow() };
    const change: Change = { hlc: this.clock.tick(), table, rowId: id, fields };
    const before = this.judge.check(table, id, change.hlc, fields, raw);
    this.judge.note(table, id, before, fields);
    if (isErasure(table, fields)) this.noteErasure(table, id, raw);
    this.applyToRow(change, raw ?? null);
    logPush(this.pending.local, change.hlc, table, id);
  }

  private readRaw(table: ReplicatedTable, id: string): RawRow | undefined {
    return this.statement(`row:${table}`, () => `SELECT * FROM ${table} WHERE id = ?`).get(id) as RawRow | undefined;
  }

  /**
   * Applies changes from elsewhere (a peer, or a replay of a log). Idempotent by change id;
   * order does not matter. Returns how many were new.
   *
   * `absent[i]` true: the caller has just found change i's row absent, and no earlier change of
   * this call is to the same row, so it is inserted without being read first (a first pull's rows,
   * sync/apply.ts); an existing row would fail the insert on its primary key, never be overwritten.
   */
  applyChanges(changes: readonly Change[], absent?: readonly boolean[]): number {
    let applied = 0;
    this.transaction(() => {
      // Check the whole batch before writing anything, and move the clock once, past the newest
      // stamp: it is the furthest ahead, so the drift check on it covers every change.
      let newest = '';
      for (const change of changes) {
        if (!isReplicatedTable(change.table)) {
          throw new WartaError('invalid_input', `Tabel tidak dikenal dalam perubahan: ${String(change.table)}`, { table: change.table });
        }
        if (!isHlc(change.hlc)) throw new WartaError('invalid_input', `Cap waktu perubahan tidak sah: ${String(change.hlc).slice(0, 60)}`);
        checkFields(change.table, change.fields);
        if (change.hlc > newest) newest = change.hlc;
      }
      if (newest) this.clock.receive(newest);
      for (let i = 0; i < changes.length; i++) {
        const change = changes[i] as Change;
        const known = absent?.[i] === true ? null : undefined;
        if (isErasure(change.table, change.fields)) this.noteErasure(change.table, change.rowId, known === null ? undefined : this.readRaw(change.table, change.rowId));
        // A change that wins no field (a duplicate, or older than what we hold) changes
        // nothing and need not be logged: the changes that beat it are in the log already.
        if (!this.applyToRow(change, known)) continue;
        logPush(this.pending.remote, change.hlc, change.table, change.rowId);
        applied += 1;
      }
    });
    return applied;
  }

  private flushLog(origin: 'local' | 'remote'): void {
    const all = this.pending[origin];
    for (let i = 0; i < all.hlcs.length; i += CHANGES_PER_LOG_ENTRY) {
      const end = Math.min(all.hlcs.length, i + CHANGES_PER_LOG_ENTRY);
      this.logInsert.run(origin, all.hlcs[i], all.hlcs[end - 1], end - i, logJson(all, i, end));
    }
    clearPending(all);
  }

  /**
   * Writes the fields of `change` that are newer than what the row holds; false when none is.
   * `known`: the row as the caller just read it (null: absent); undefined: read it here.
   */
  private applyToRow(change: Change, known?: { _hlc: string; updated_at: string | null } | null): boolean {
    const { table, rowId, hlc } = change;
    const current =
      known === undefined
        ? (this.statement(`clk:${table}`, () => `SELECT _hlc, updated_at FROM ${table} WHERE id = ?`).get(rowId) as { _hlc: string; updated_at: string | null } | undefined)
        : (known ?? undefined);
    if (!current) {
      // A row we have not seen: every field of the change wins; insert it in one statement.
      const names = Object.keys(change.fields);
      if (names.length === 0) return false;
      const plan = this.insertPlan(table, names);
      const args: unknown[] = [rowId];
      for (let i = 0; i < names.length; i++) args.push(toSql(plan.specs[i], change.fields[names[i] as string] as FieldValue));
      args.push(isoOf(hlc), `{"${hlc}":${plan.namesJson}}`);
      plan.stmt.run(...args); // spread: binding from one array argument costs more per row
      this.touched.add(table);
      return true;
    }
    const clocks = decodeClocks(current._hlc);
    const winners = Object.keys(change.fields).filter((f) => wins(hlc, clocks.get(f)));
    if (winners.length === 0) return false;
    for (const f of winners) clocks.set(f, hlc);
    const values = winners.map((f) => toSql(fieldSpec(table, f), change.fields[f] as FieldValue));
    const iso = isoOf(hlc);
    const stmt = this.statement(`upd:${table}:${winners.join(',')}`, () => {
      const sets = [...winners.map((f) => `${f} = ?`), 'updated_at = ?', '_hlc = ?'];
      return `UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`;
    });
    // updated_at is the wall time of the newest field clock: the same whatever the order.
    const updated = current.updated_at && current.updated_at > iso ? current.updated_at : iso;
    stmt.run(...values, updated, encodeClocks(clocks), rowId);
    this.touched.add(table);
    return true;
  }

  private statement(key: string, sql: () => string): Statement {
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.db.prepare(sql());
      this.statements.set(key, stmt);
    }
    return stmt;
  }
}

let isoMemo = { ms: -1, iso: '' };
/** The wall time of a stamp as ISO text; batches share a millisecond, so remember the last one. */
function isoOf(hlc: string): string {
  const ms = hlcMillis(hlc);
  if (ms !== isoMemo.ms) isoMemo = { ms, iso: new Date(ms).toISOString() };
  return isoMemo.iso;
}

/**
 * Stamps of the running transaction (LoggedChange = [hlc, table, rowId]), kept as three lists of
 * strings the writes hold anyway: no object per change while a large transaction runs.
 */
interface PendingLog {
  hlcs: string[];
  tables: string[];
  rowIds: string[];
}

function logPush(log: PendingLog, hlc: string, table: string, rowId: string): void {
  log.hlcs.push(hlc);
  log.tables.push(table);
  log.rowIds.push(rowId);
}

const PLAIN = /^[\w.:-]*$/;
/** Entries `from`..`to` as the JSON of LoggedChange[]: stamps and our ids need no escaping; anything else from a peer is escaped. */
function logJson(log: PendingLog, from: number, to: number): string {
  let out = '[';
  for (let i = from; i < to; i++) {
    const table = log.tables[i] as string;
    const rowId = log.rowIds[i] as string;
    if (i > from) out += ',';
    const hlc = log.hlcs[i] as string;
    out += PLAIN.test(rowId) && PLAIN.test(table) ? `["${hlc}","${table}","${rowId}"]` : JSON.stringify([hlc, table, rowId] satisfies LoggedChange);
  }
  return `${out}]`;
}

function clearPending(log: PendingLog): void {
  log.hlcs.length = 0;
  log.tables.length = 0;
  log.rowIds.length = 0;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function notFound(table: string, id: string): WartaError {
  return new WartaError('not_found', `Data tidak ditemukan atau sudah dihapus (${table} ${id}).`, { table, id });
}

function checkFields(table: ReplicatedTable, fields: Record<string, FieldValue>): void {
  for (const name in fields) {
    const spec = fieldSpec(table, name);
    if (!spec) throw new WartaError('invalid_input', `Kolom tidak dikenal: ${table}.${name}`, { table, field: name });
    const problem = checkFieldValue(spec, fields[name]);
    if (problem) throw new WartaError('invalid_input', `Nilai ${table}.${name} tidak sah: ${problem}`, { table, field: name });
  }
}
