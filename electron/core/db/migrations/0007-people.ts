import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

export const m0007: Migration = {
  version: 7,
  name: 'staff accounts, guest book, sign-in throttle',
  up(db) {
    db.exec(`
      CREATE TABLE staff_accounts (
        id TEXT PRIMARY KEY,
        name TEXT,
        login TEXT,
        position TEXT,
        unit TEXT,
        phone TEXT,
        email TEXT,
        roles TEXT,
        active INTEGER,
        password_hash TEXT,
        password_changed_at TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX staff_accounts_login ON staff_accounts (login) WHERE deleted_at IS NULL;

      CREATE TABLE guestbook_entries (
        id TEXT PRIMARY KEY,
        name TEXT,
        outlet TEXT,
        purpose TEXT,
        time_in TEXT,
        time_out TEXT,
        consent_at TEXT,
        notice_version TEXT,
        device_id TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX guestbook_time_in ON guestbook_entries (time_in);

      -- Local only: failed sign-ins per login, so the backoff survives a restart of the app.
      CREATE TABLE local_signin_failures (
        login TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failed_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
