import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

export const m0001: Migration = {
  version: 1,
  name: 'initial: local meta, change log, office profile',
  up(db) {
    db.exec(`
      -- Local only: never synced. Device id, clock state, cursors.
      CREATE TABLE local_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      -- The change log. Each entry holds the field-level changes of one transaction (in chunks
      -- of at most a few hundred), each change with its own HLC, table, row and values:
      -- [[hlc, table, rowId, {field: value}], ...]. One entry per transaction, not per change,
      -- keeps a batch of writes close to the cost of the plain inserts (see bench core.mutation).
      -- Duplicates need no unique index: per-field clocks make re-applying a change a no-op.
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY,
        origin TEXT NOT NULL CHECK (origin IN ('local', 'remote')),
        first_hlc TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        count INTEGER NOT NULL,
        changes TEXT NOT NULL
      );

      CREATE TABLE office_profile (
        id TEXT PRIMARY KEY,
        institution TEXT,
        unit TEXT,
        institution_code TEXT,
        unit_code TEXT,
        city TEXT,
        province TEXT,
        time_zone TEXT,
        address TEXT,
        phone TEXT,
        email TEXT,
        website TEXT,
        emblem_hash TEXT,
        number_pattern TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
    `);
  },
};
