/**
 * What an erasure of a journalist leaves in the media feature's local tables, scrubbed in the
 * erasure's own transaction (the mutation path calls it for local and synced erasures alike):
 * import staging rows that carried the person (matched as a duplicate, or holding one of the
 * erased values), the undo records of imports that touched the row (they keep previous values),
 * the sample cells a staged import shows in its mapping screen, and the search indexes' old
 * segments.
 */
import type { ErasedRow, OfficeStateHook } from '../../data/mutator';
import type { Db } from '../../db/open-database';

/** Values shorter than this are too common to look for in staged cells (a one-letter beat). */
const MIN_NEEDLE = 4;

/**
 * The erased values to look for, as stored and as people type them: a phone kept as +62… was
 * typed 08… (and 62…) in the sheet being imported.
 */
function needles(old: Readonly<Record<string, unknown>>): string[] {
  const out = new Set<string>();
  for (const v of Object.values(old)) {
    if (typeof v !== 'string' || v.trim().length < MIN_NEEDLE) continue;
    out.add(v);
    if (/^\+62\d{6,}$/.test(v)) {
      out.add(`0${v.slice(3)}`);
      out.add(v.slice(1));
    }
  }
  return [...out];
}

export function scrubMediaCopies(db: Db, erased: readonly ErasedRow[]): void {
  const people = erased.filter((e) => e.table === 'media_journalist');
  if (people.length === 0) return;
  const byDup = db.prepare('DELETE FROM media_import_row WHERE dup_of = ?');
  const byValue = db.prepare('DELETE FROM media_import_row WHERE instr(cells, ?) > 0 OR instr(coalesce(record, \'\'), ?) > 0');
  const touches = db.prepare("DELETE FROM media_import_touch WHERE tbl = 'media_journalist' AND row_id = ?");
  const sessions = db.prepare('SELECT id, info FROM media_import_session WHERE instr(info, ?) > 0');
  const setInfo = db.prepare('UPDATE media_import_session SET info = ? WHERE id = ?');
  for (const p of people) {
    byDup.run(p.rowId);
    touches.run(p.rowId);
    for (const v of needles(p.old)) {
      byValue.run(v, v);
      for (const s of sessions.all(v) as { id: string; info: string }[]) {
        const info = JSON.parse(s.info) as { samples?: string[][] };
        info.samples = (info.samples ?? []).map((column) => column.map((cell) => (typeof cell === 'string' && cell.includes(v) ? '' : cell)));
        setInfo.run(JSON.stringify(info), s.id);
      }
    }
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
