import { WartaError } from '../../../shared/contract/errors';
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
import { toSql } from '../../../shared/sync/row-codec';

type Statement = Database.Statement<unknown[], unknown>;

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
}

/**
 * The one path for writes to replicated tables. Each write changes the row and appends its
 * change to `change_log` in the same transaction; the row keeps per-field clocks in `_hlc`
 * so that remote changes merge by per-field last-writer-wins in any order, any number of times.
 */
export class Mutator {
  private readonly db: Db;
  private readonly clock: HlcClock;
  private readonly newId: () => string;
  private readonly now: () => number;
  private readonly onCommit: (tables: Set<string>) => void;
  private readonly statements = new Map<string, Statement>();
  private readonly insertPlans = new Map<string, InsertPlan>();
  private lastIsoMs = -1;
  private lastIso = '';
  private readonly touched = new Set<string>();
  /** Changes of the running transaction, written to the log just before it commits. */
  private readonly pending: { local: LoggedChange[]; remote: LoggedChange[] } = { local: [], remote: [] };
  private depth = 0;
  private readonly logInsert: Statement;
  private readonly saveClock: Statement;

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
        return value;
      })();
      const tables = new Set(this.touched);
      this.touched.clear();
      if (tables.size > 0) this.onCommit(tables);
      return result;
    } catch (err) {
      this.touched.clear();
      this.pending.local.length = 0;
      this.pending.remote.length = 0;
      throw err;
    } finally {
      this.depth -= 1;
    }
  }

  /** Inserts a new row with a fresh UUIDv7 id; returns the id. */
  insert(table: ReplicatedTable, values: Record<string, FieldValue>): string {
    const id = this.newId();
    this.transaction(() => {
      const hlc = this.clock.tick();
      checkFields(table, values);
      if ('created_at' in values) throw new WartaError('invalid_input', 'created_at is set by the mutation path', { table });
      this.pending.local.push([hlc, table, id]);
      // Fast path: a fresh id cannot exist yet, so no read-and-compare is needed. The values
      // are bound straight from the caller's object (no copy: this loop runs per row of an import).
      const names = Object.keys(values);
      names.push('created_at');
      const plan = this.insertPlan(table, names);
      const args: unknown[] = [id];
      for (let i = 0; i < names.length - 1; i++) args.push(toSql(plan.specs[i], values[names[i] as string] as FieldValue));
      args.push(this.isoNow(), isoOf(hlc), `{"${hlc}":${plan.namesJson}}`);
      plan.stmt.run(args);
      this.touched.add(table);
    });
    return id;
  }

  private insertPlan(table: ReplicatedTable, names: string[]): InsertPlan {
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
    this.transaction(() => {
      const fields = { ...values };
      if (!this.exists(table, id)) fields.created_at = this.isoNow();
      checkFields(table, fields);
      const change: Change = { hlc: this.clock.tick(), table, rowId: id, fields };
      this.applyToRow(change);
      this.pending.local.push([change.hlc, table, id]);
    });
  }

  /** Updates an existing, not deleted row. */
  update(table: ReplicatedTable, id: string, values: Record<string, FieldValue>): void {
    this.transaction(() => {
      this.requireLive(table, id);
      this.write(table, id, values);
    });
  }

  /** Tombstones a row: nothing replicated is ever hard-deleted. */
  remove(table: ReplicatedTable, id: string): void {
    this.transaction(() => {
      this.requireLive(table, id);
      this.write(table, id, { deleted_at: this.isoNow() });
    });
  }

  restore(table: ReplicatedTable, id: string): void {
    this.transaction(() => {
      if (!this.exists(table, id)) throw notFound(table, id);
      this.write(table, id, { deleted_at: null });
    });
  }

  /**
   * Applies changes from elsewhere (a peer, or a replay of a log). Idempotent by change id;
   * order does not matter. Returns how many were new.
   */
  applyChanges(changes: readonly Change[]): number {
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
      for (const change of changes) {
        // A change that wins no field (a duplicate, or older than what we hold) changes
        // nothing and need not be logged: the changes that beat it are in the log already.
        if (!this.applyToRow(change)) continue;
        this.pending.remote.push([change.hlc, change.table, change.rowId]);
        applied += 1;
      }
    });
    return applied;
  }

  private flushLog(origin: 'local' | 'remote'): void {
    const all = this.pending[origin];
    for (let i = 0; i < all.length; i += CHANGES_PER_LOG_ENTRY) {
      const chunk = all.slice(i, i + CHANGES_PER_LOG_ENTRY);
      const first = chunk[0] as LoggedChange;
      const last = chunk[chunk.length - 1] as LoggedChange;
      this.logInsert.run(origin, first[0], last[0], chunk.length, JSON.stringify(chunk));
    }
    all.length = 0;
  }

  /** Writes the fields of `change` that are newer than what the row holds; false when none is. */
  private applyToRow(change: Change): boolean {
    const { table, rowId, hlc } = change;
    const current = this.statement(`clk:${table}`, () => `SELECT _hlc, updated_at FROM ${table} WHERE id = ?`).get(rowId) as
      | { _hlc: string; updated_at: string | null }
      | undefined;
    if (!current) {
      // A row we have not seen: every field of the change wins; insert it in one statement.
      const names = Object.keys(change.fields);
      if (names.length === 0) return false;
      const plan = this.insertPlan(table, names);
      const args: unknown[] = [rowId];
      for (let i = 0; i < names.length; i++) args.push(toSql(plan.specs[i], change.fields[names[i] as string] as FieldValue));
      args.push(isoOf(hlc), `{"${hlc}":${plan.namesJson}}`);
      plan.stmt.run(args);
      this.touched.add(table);
      return true;
    }
    const clocks = decodeClocks(current._hlc);
    const winners = Object.keys(change.fields).filter((f) => {
      const seen = clocks.get(f);
      return seen === undefined || hlc > seen;
    });
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

  private exists(table: ReplicatedTable, id: string): boolean {
    return this.statement(`ex:${table}`, () => `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  }

  private requireLive(table: ReplicatedTable, id: string): void {
    const row = this.statement(`live:${table}`, () => `SELECT deleted_at FROM ${table} WHERE id = ?`).get(id) as
      | { deleted_at: string | null }
      | undefined;
    if (!row || row.deleted_at !== null) throw notFound(table, id);
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
