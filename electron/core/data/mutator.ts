import { WartaError } from '../../../shared/contract/errors';
import { hlcMillis, type HlcClock } from '../../../shared/sync/hlc';
import {
  checkFieldValue,
  fieldSpec,
  isReplicatedTable,
  type FieldValue,
  type ReplicatedTable,
} from '../../../shared/sync/replicated-tables';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open-database';
import type { Change } from './change';
import { toSql } from './row-codec';

type Statement = Database.Statement<unknown[], unknown>;

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
  private readonly touched = new Set<string>();
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
      'INSERT OR IGNORE INTO change_log (change_id, hlc, tbl, row_id, fields, origin) VALUES (?, ?, ?, ?, ?, ?)',
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
        this.saveClock.run(this.clock.current());
        return value;
      })();
      const tables = new Set(this.touched);
      this.touched.clear();
      if (tables.size > 0) this.onCommit(tables);
      return result;
    } catch (err) {
      this.touched.clear();
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
      const fields: Record<string, FieldValue> = { ...values, created_at: new Date(this.now()).toISOString() };
      checkFields(table, fields);
      this.appendLog({ changeId: this.newId(), hlc, table, rowId: id, fields }, 'local');
      // Fast path: a fresh id cannot exist yet, so no read-and-compare is needed.
      const names = Object.keys(fields);
      const clocks: Record<string, string> = {};
      for (const n of names) clocks[n] = hlc;
      const stmt = this.statement(`ins:${table}:${names.join(',')}`, () => {
        const cols = ['id', ...names, 'updated_at', '_hlc'];
        return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
      });
      stmt.run(id, ...names.map((n) => toSql(fieldSpec(table, n), fields[n] as FieldValue)), isoOf(hlc), JSON.stringify(clocks));
      this.touched.add(table);
    });
    return id;
  }

  /** Writes fields of a row, creating it when absent (used for singletons with a fixed id). */
  write(table: ReplicatedTable, id: string, values: Record<string, FieldValue>): void {
    this.transaction(() => {
      const fields = { ...values };
      if (!this.exists(table, id)) fields.created_at = new Date(this.now()).toISOString();
      checkFields(table, fields);
      const change: Change = { changeId: this.newId(), hlc: this.clock.tick(), table, rowId: id, fields };
      this.appendLog(change, 'local');
      this.applyToRow(change);
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
      this.write(table, id, { deleted_at: new Date(this.now()).toISOString() });
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
      for (const change of changes) {
        if (!isReplicatedTable(change.table)) {
          throw new WartaError('invalid_input', `Tabel tidak dikenal dalam perubahan: ${String(change.table)}`, { table: change.table });
        }
        checkFields(change.table, change.fields);
        this.clock.receive(change.hlc);
        if (!this.appendLog(change, 'remote')) continue;
        this.applyToRow(change);
        applied += 1;
      }
    });
    return applied;
  }

  private appendLog(change: Change, origin: 'local' | 'remote'): boolean {
    const info = this.logInsert.run(change.changeId, change.hlc, change.table, change.rowId, JSON.stringify(change.fields), origin);
    return info.changes > 0;
  }

  private applyToRow(change: Change): void {
    const { table, rowId, hlc } = change;
    const current = this.statement(`clk:${table}`, () => `SELECT _hlc, updated_at FROM ${table} WHERE id = ?`).get(rowId) as
      | { _hlc: string; updated_at: string | null }
      | undefined;
    const clocks: Record<string, string> = current ? (JSON.parse(current._hlc) as Record<string, string>) : {};
    const winners = Object.keys(change.fields).filter((f) => {
      const seen = clocks[f];
      return seen === undefined || hlc > seen;
    });
    if (winners.length === 0) return;
    for (const f of winners) clocks[f] = hlc;
    const values = winners.map((f) => toSql(fieldSpec(table, f), change.fields[f] as FieldValue));
    const iso = isoOf(hlc);
    if (!current) {
      const stmt = this.statement(`ins:${table}:${winners.join(',')}`, () => {
        const cols = ['id', ...winners, 'updated_at', '_hlc'];
        return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
      });
      stmt.run(rowId, ...values, iso, JSON.stringify(clocks));
    } else {
      const stmt = this.statement(`upd:${table}:${winners.join(',')}`, () => {
        const sets = [...winners.map((f) => `${f} = ?`), 'updated_at = ?', '_hlc = ?'];
        return `UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`;
      });
      // updated_at is the wall time of the newest field clock: the same whatever the order.
      const updated = current.updated_at && current.updated_at > iso ? current.updated_at : iso;
      stmt.run(...values, updated, JSON.stringify(clocks), rowId);
    }
    this.touched.add(table);
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

function isoOf(hlc: string): string {
  return new Date(hlcMillis(hlc)).toISOString();
}

function notFound(table: string, id: string): WartaError {
  return new WartaError('not_found', `Data tidak ditemukan atau sudah dihapus (${table} ${id}).`, { table, id });
}

function checkFields(table: ReplicatedTable, fields: Record<string, FieldValue>): void {
  for (const [name, value] of Object.entries(fields)) {
    const spec = fieldSpec(table, name);
    if (!spec) throw new WartaError('invalid_input', `Kolom tidak dikenal: ${table}.${name}`, { table, field: name });
    const problem = checkFieldValue(spec, value);
    if (problem) throw new WartaError('invalid_input', `Nilai ${table}.${name} tidak sah: ${problem}`, { table, field: name });
  }
}
