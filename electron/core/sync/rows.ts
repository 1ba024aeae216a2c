/**
 * Reading the local copy of a replicated row while a pull is applied: the row as stored and
 * the clock of each field. Prepared statements are kept per table: a page asks thousands of
 * times.
 */
import type { ReplicatedTable } from '../../../shared/sync/replicated-tables';
import { decodeClocks } from '../data/field-clocks';
import type { Db } from '../db/open-database';

export interface RowSnapshot {
  /** The row as SQLite holds it (encoded values, see shared/sync/row-codec.ts). */
  row: Record<string, unknown>;
  /** Field → the HLC stamp of its last write. */
  clocks: Map<string, string>;
}

/** The device id inside an HLC stamp (its last 16 characters). */
export const nodeOf = (hlc: string) => hlc.slice(-16);

export class RowReader {
  private readonly rowStmts = new Map<string, { get(id: string): unknown }>();
  private readonly existStmts = new Map<string, { get(id: string): unknown }>();

  constructor(private readonly db: Db) {}

  read(table: ReplicatedTable, id: string): RowSnapshot | null {
    let stmt = this.rowStmts.get(table);
    if (!stmt) {
      stmt = this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
      this.rowStmts.set(table, stmt);
    }
    const row = stmt.get(id) as Record<string, unknown> | undefined;
    return row ? { row, clocks: decodeClocks(String(row._hlc)) } : null;
  }

  exists(table: ReplicatedTable, id: string): boolean {
    let stmt = this.existStmts.get(table);
    if (!stmt) {
      stmt = this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck();
      this.existStmts.set(table, stmt);
    }
    return stmt.get(id) !== undefined;
  }
}
