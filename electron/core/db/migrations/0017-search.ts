import type { Db } from '../open-database';
import type { Migration } from './types';

/**
 * Full-text search over the public desk's items and the OPD requests (issues 13, 14), local to
 * this machine (never replicated): it indexes only the rows on this disk, so a search returns
 * nothing the device may not hold. Kept in step by triggers, so whoever writes the row (a
 * handler through the mutator, sync applying remote changes, the office state taking a refused
 * change back, a row forgotten) the index follows in the same transaction.
 *
 * - An entry's FTS rowid is its row's rowid: a search joins back by integer, and a page of
 *   results costs a page of rows, not one id lookup per match. SQLite keeps rowids unless the
 *   file is VACUUMed (the tables have no INTEGER PRIMARY KEY); whoever adds a VACUUM must call
 *   `rebuildSearchIndexes` after it.
 * - unicode61 with diacritics removed folds case and accents ("Café" is found as "cafe"); prefix
 *   indexes of 2 and 3 letters keep search-as-you-type cheap. No stemming: Indonesian affixes
 *   (me-, di-, -kan) are not what the porter stemmer knows.
 * - Rows marked deleted are not indexed, so a count of matches is a count of live rows.
 * - FTS5 secure-delete: a replaced or deleted entry's words leave the index's pages at once, not
 *   at a later merge, so personal data cleared from a row (an erasure) is not kept by the index.
 */
interface Indexed {
  table: string;
  fts: string;
  columns: readonly string[];
}

export const SEARCH_INDEXES: readonly Indexed[] = [
  { table: 'publicdesk_items', fts: 'publicdesk_fts', columns: ['body', 'ticket', 'category', 'location', 'person_name'] },
  { table: 'requests', fts: 'requests_fts', columns: ['title', 'description', 'inviter'] },
];

function triggers({ table, fts, columns }: Indexed): string {
  const values = columns.map((c) => `coalesce(new.${c}, '')`).join(', ');
  const add = `INSERT INTO ${fts} (rowid, ${columns.join(', ')}) SELECT new.rowid, ${values} WHERE new.deleted_at IS NULL;`;
  const changed = [...columns, 'deleted_at'].map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  // The insert clears the rowid first: an entry left by a row replaced without its delete trigger must not block it.
  return `
    CREATE TRIGGER ${table}_search_ai AFTER INSERT ON ${table} BEGIN
      DELETE FROM ${fts} WHERE rowid = new.rowid;
      ${add}
    END;
    CREATE TRIGGER ${table}_search_au AFTER UPDATE OF ${columns.join(', ')}, deleted_at ON ${table} WHEN ${changed} BEGIN
      DELETE FROM ${fts} WHERE rowid = old.rowid;
      ${add}
    END;
    CREATE TRIGGER ${table}_search_ad AFTER DELETE ON ${table} BEGIN
      DELETE FROM ${fts} WHERE rowid = old.rowid;
    END;`;
}

/** Fills the indexes from the rows on disk, dropping whatever they held (after a VACUUM, or at the migration). */
export function rebuildSearchIndexes(db: Db): void {
  for (const { table, fts, columns } of SEARCH_INDEXES)
    db.exec(`
      DELETE FROM ${fts};
      INSERT INTO ${fts} (rowid, ${columns.join(', ')})
        SELECT rowid, ${columns.map((c) => `coalesce(${c}, '')`).join(', ')} FROM ${table} WHERE deleted_at IS NULL;`);
}

export const m0017: Migration = {
  version: 17,
  name: 'search: full-text indexes of public-desk items and requests; the request board\'s due-today indexes',
  up(db) {
    for (const index of SEARCH_INDEXES)
      db.exec(`
        CREATE VIRTUAL TABLE ${index.fts} USING fts5 (${index.columns.join(', ')}, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
        INSERT INTO ${index.fts} (${index.fts}, rank) VALUES ('secure-delete', 1);
        ${triggers(index)}`);
    rebuildSearchIndexes(db);
    // The request board's "due today" (issue 13): open requests due, or starting, within a day.
    db.exec(`
      CREATE INDEX requests_open_due ON requests (status, due_ms) WHERE deleted_at IS NULL;
      CREATE INDEX requests_open_start ON requests (status, start_ms) WHERE deleted_at IS NULL;`);
  },
};
