import { decodeClocks } from '../../electron/core/data/field-clocks';
import type { Db } from '../../electron/core/db/open-database';
import { REPLICATED_TABLES } from '../../shared/sync/replicated-tables';

/**
 * Every replicated row of a database in a form that compares equal exactly when the data is
 * the same: rows by id, per-field clocks as sorted objects (their JSON key order is incidental).
 */
export function canonicalDump(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of Object.keys(REPLICATED_TABLES)) {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
    out[table] = rows.map((row) => {
      const sorted = Object.fromEntries([...decodeClocks(String(row._hlc))].sort(([a], [b]) => a.localeCompare(b)));
      return { ...row, _hlc: sorted };
    });
  }
  return out;
}
