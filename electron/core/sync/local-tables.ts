import { redactFields } from '../../../shared/rules/erasure';
import type { ErasedRow } from '../data/mutator';
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
    -- Changes of this device the office's server refused (one row per field), kept with the
    -- value so the person can see why and redo it properly; the row itself took the office's state.
    CREATE TABLE IF NOT EXISTS sync_refused (
      id INTEGER PRIMARY KEY,
      table_name TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,
      value TEXT, hlc TEXT NOT NULL,
      code TEXT NOT NULL, message_id TEXT NOT NULL, message_en TEXT NOT NULL,
      record_name TEXT,
      refused_at TEXT NOT NULL, dismissed_at TEXT,
      UNIQUE (table_name, row_id, field, hlc)
    );
  `);
}

/**
 * An erasure (local or synced) reaches sync's own copies of the old values in the same
 * transaction: losing values kept for a person to choose, refused-change records, and changes
 * deferred for a newer schema.
 */
export function scrubSyncCopies(db: Db, erased: readonly ErasedRow[]): void {
  ensureSyncTables(db);
  const conflicts = db.prepare('DELETE FROM sync_conflicts WHERE table_name = ? AND row_id = ? AND field = ?');
  const refused = db.prepare('DELETE FROM sync_refused WHERE table_name = ? AND row_id = ?');
  const deferred = db.prepare("SELECT hlc, body FROM sync_deferred WHERE json_extract(body, '$.table') = ? AND json_extract(body, '$.rowId') = ?");
  const rewrite = db.prepare('UPDATE sync_deferred SET body = ? WHERE hlc = ?');
  const drop = db.prepare('DELETE FROM sync_deferred WHERE hlc = ?');
  for (const e of erased) {
    for (const f of e.fields) conflicts.run(e.table, e.rowId, f);
    refused.run(e.table, e.rowId);
    for (const d of deferred.all(e.table, e.rowId) as { hlc: string; body: string }[]) {
      const change = JSON.parse(d.body) as { fields: Record<string, unknown> };
      if (!redactFields(change.fields, e.fields)) continue;
      if (Object.keys(change.fields).length === 0) drop.run(d.hlc);
      else rewrite.run(JSON.stringify(change), d.hlc);
    }
  }
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
