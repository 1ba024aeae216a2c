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

      -- The change log: every write to a replicated table appends here in the same transaction.
      -- One entry carries the fields one mutation set, all stamped with the same HLC.
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY,
        change_id TEXT NOT NULL UNIQUE,
        hlc TEXT NOT NULL,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        fields TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('local', 'remote'))
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
