import type { Migration } from './types';

/**
 * An erasure on request is marked on the row (`erased_at`), as journalists already are, so that
 * sync and the server recognise it: the server then removes the scrubbed fields' earlier values
 * from its stored log, and every device from its local copies (shared/rules, `erasure`).
 */
export const m0010: Migration = {
  version: 10,
  name: 'erasure markers on guest-book entries and distribution recipients',
  up(db) {
    db.exec(`
      ALTER TABLE guestbook_entries ADD COLUMN erased_at TEXT;
      ALTER TABLE distribution_recipients ADD COLUMN erased_at TEXT;
    `);
  },
};
