import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

export const m0002: Migration = {
  version: 2,
  name: 'regional agencies (OPD)',
  up(db) {
    db.exec(`
      CREATE TABLE opd (
        id TEXT PRIMARY KEY,
        name TEXT,
        abbreviation TEXT,
        phone TEXT,
        email TEXT,
        active INTEGER,
        sort_order INTEGER,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX opd_name ON opd (name COLLATE NOCASE) WHERE deleted_at IS NULL;
    `);
  },
};
