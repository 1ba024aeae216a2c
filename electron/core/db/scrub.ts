import type { Db } from './open-database';

/**
 * Erasure that leaves no copy on this machine's disk: `write` runs with `secure_delete` on (the
 * space the old values took inside the database file is overwritten with zeros), then `after`
 * (e.g. an FTS index merge that drops old postings), then a TRUNCATE checkpoint moves every page
 * into the database file and empties the WAL, which still held the pages with the old values.
 * Used by every erasure of personal data (journalists, guest book, retention purge).
 */
export function scrubbed<T>(db: Db, write: () => T, after?: () => void): T {
  // Back to the mode it was in after (the mutation path keeps FAST: data/mutator.ts).
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    const value = write();
    after?.();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return value;
  } finally {
    db.pragma(`secure_delete = ${before === 2 ? 'FAST' : before === 1 ? 'ON' : 'OFF'}`);
  }
}
