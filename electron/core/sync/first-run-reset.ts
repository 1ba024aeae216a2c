/**
 * A failed join leaves the data folder as a fresh first run (issue 19 item 12): whatever the
 * join pulled before it failed goes, so the next attempt, or "Kantor baru", starts from nothing.
 * Only a device that held no data of its own may join (the caller checks), so every row here
 * came from the office: the replicated tables, the change log, sync's own records and the
 * derived tables (search indexes, the public feed) are emptied. Kept: this machine's own
 * settings and identity (`local_meta`: device id, clock) and the audit log, which is append-only.
 */
import type { Db } from '../db/open-database';
import { REPLICATED_TABLES } from '../../../shared/sync/replicated-tables';

/** Tables a reset keeps, and the shadow tables of virtual ones (emptied through their virtual table). */
const KEEP = new Set(['local_meta', 'audit_log', 'sync_state']);
const SHADOW = /_(data|idx|content|docsize|config|node|rowid|parent)$/;

export function resetToFreshFirstRun(db: Db): void {
  db.transaction(() => {
    // Replicated rows first: their triggers keep the search indexes and the agenda's span index in step.
    for (const table of Object.keys(REPLICATED_TABLES)) db.prepare(`DELETE FROM ${table}`).run();
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string | null }[];
    const virtual = new Set(tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name));
    for (const t of tables) {
      if (KEEP.has(t.name) || t.name in REPLICATED_TABLES) continue;
      if (!virtual.has(t.name) && [...virtual].some((v) => t.name.startsWith(`${v}_`) && SHADOW.test(t.name))) continue;
      db.prepare(`DELETE FROM "${t.name.replace(/"/g, '""')}"`).run();
    }
    // Sync's cursors and marks: the next enrolment starts from the office's beginning.
    db.prepare("DELETE FROM sync_state WHERE key NOT IN ('join_server_url')").run();
  })();
}
