/**
 * What an erasure of a journalist leaves in the media feature's local tables, scrubbed in the
 * erasure's own transaction (the mutation path calls it for local and synced erasures alike):
 * import staging rows that carried the person (matched as a duplicate, or holding one of the
 * erased values), the undo records of imports that touched the row (they keep previous values),
 * and the search indexes' old segments.
 */
import type { ErasedRow, OfficeStateHook } from '../../data/mutator';
import type { Db } from '../../db/open-database';

/** Values shorter than this are too common to look for in staged cells (a one-letter beat). */
const MIN_NEEDLE = 4;

export function scrubMediaCopies(db: Db, erased: readonly ErasedRow[]): void {
  const people = erased.filter((e) => e.table === 'media_journalist');
  if (people.length === 0) return;
  const byDup = db.prepare('DELETE FROM media_import_row WHERE dup_of = ?');
  const byValue = db.prepare('DELETE FROM media_import_row WHERE instr(cells, ?) > 0 OR instr(coalesce(record, \'\'), ?) > 0');
  const touches = db.prepare("DELETE FROM media_import_touch WHERE tbl = 'media_journalist' AND row_id = ?");
  for (const p of people) {
    byDup.run(p.rowId);
    touches.run(p.rowId);
    for (const v of Object.values(p.old)) if (typeof v === 'string' && v.trim().length >= MIN_NEEDLE) byValue.run(v, v);
  }
  // Deleted index entries stay in FTS5 segments until they are merged: merge them now.
  db.exec("INSERT INTO media_fts (media_fts) VALUES ('optimize'); INSERT INTO media_tri (media_tri) VALUES ('optimize');");
}

/** A media row this machine may no longer hold is gone: its search entries go with it. */
export const mediaOfficeState: OfficeStateHook = (db, table, row, removed) => {
  if (!removed || (table !== 'media_outlet' && table !== 'media_journalist')) return;
  const doc = db.prepare('SELECT docid FROM media_search_doc WHERE ref_id = ?').get(row.id) as { docid: number } | undefined;
  if (!doc) return;
  db.prepare('DELETE FROM media_fts WHERE rowid = ?').run(doc.docid);
  db.prepare('DELETE FROM media_tri WHERE rowid = ?').run(doc.docid);
  db.prepare('DELETE FROM media_search_doc WHERE docid = ?').run(doc.docid);
};
