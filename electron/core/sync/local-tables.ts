import type { Db } from '../db/open-database';

/**
 * Local (never replicated) tables of the sync client. They are created here, idempotently,
 * rather than by a numbered migration: they belong to this machine only, and nothing in a
 * replicated table depends on them, so an older database simply gains them on first use.
 */
export function ensureSyncTables(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE IF NOT EXISTS sync_conflicts (
      id INTEGER PRIMARY KEY,
      table_name TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,
      loser_value TEXT, loser_hlc TEXT NOT NULL, winner_hlc TEXT NOT NULL,
      detected_at TEXT NOT NULL, resolved_at TEXT, resolution TEXT,
      UNIQUE (table_name, row_id, field, loser_hlc)
    );
    CREATE TABLE IF NOT EXISTS sync_reviews (
      id INTEGER PRIMARY KEY,
      table_name TEXT NOT NULL, row_id TEXT NOT NULL, kind TEXT NOT NULL,
      detected_at TEXT NOT NULL, closed_at TEXT
    );
    CREATE TABLE IF NOT EXISTS sync_deferred (hlc TEXT PRIMARY KEY, body TEXT NOT NULL);
  `);
}

export class SyncState {
  private readonly getStmt;
  private readonly setStmt;
  private readonly delStmt;
  constructor(private readonly db: Db) {
    ensureSyncTables(db);
    this.getStmt = db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck();
    this.setStmt = db.prepare('INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)');
    this.delStmt = db.prepare('DELETE FROM sync_state WHERE key = ?');
  }
  get(key: string): string | null {
    return (this.getStmt.get(key) as string | undefined) ?? null;
  }
  num(key: string): number {
    return Number(this.get(key) ?? 0);
  }
  set(key: string, value: string | number | null): void {
    if (value === null) this.delStmt.run(key);
    else this.setStmt.run(key, String(value));
  }
  json<T>(key: string): T | null {
    const v = this.get(key);
    return v ? (JSON.parse(v) as T) : null;
  }
}
