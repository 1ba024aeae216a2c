/**
 * A value read from the database, kept until the database is written: the inbox's tab counts
 * over 100,000 items need not be counted again at every letter typed in its search box.
 * "Written" is this connection's `total_changes()` (every row inserted, updated or deleted, by
 * triggers too, committed or not) and `data_version` (a commit by any other connection), so a
 * stale value is never returned; inside a transaction nothing is kept, as it may roll back.
 */
import type { Db } from './open-database';

interface Kept {
  stamp: string;
  value: unknown;
}

const kept = new WeakMap<Db, Map<string, Kept>>();
const changes = new WeakMap<Db, { get(): unknown }>();

function stampOf(db: Db): string {
  let stmt = changes.get(db);
  if (!stmt) changes.set(db, (stmt = db.prepare('SELECT total_changes()').pluck()));
  return `${String(db.pragma('data_version', { simple: true }))}:${String(stmt.get())}`;
}

export function keptUntilWrite<T>(db: Db, key: string, read: () => T): T {
  if (db.inTransaction) return read();
  let map = kept.get(db);
  if (!map) kept.set(db, (map = new Map()));
  const stamp = stampOf(db);
  const hit = map.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = read();
  map.set(key, { stamp, value });
  return value;
}
