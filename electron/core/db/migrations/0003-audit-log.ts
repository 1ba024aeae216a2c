import type { Migration } from './types';

export const m0003: Migration = {
  version: 3,
  name: 'audit log (local, hash-chained)',
  up(db) {
    db.exec(`
      -- Local only, append-only. Each entry's hash covers its content and the previous
      -- entry's hash, so a changed or removed entry breaks the chain (electron/core/audit).
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_action ON audit_log (action, seq);
      -- The database refuses edits and deletions of entries: tampering needs a tool other than
      -- Warta, and then verification finds it.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    `);
  },
};
