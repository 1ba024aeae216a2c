/**
 * A release, or a piece of its body, took the office's state without a logged change (sync
 * undid a change the office refused, or forgot a row): the body cache and the search index of
 * that release, which follow the change log, are rebuilt from what the database now holds.
 */
import type { OfficeStateHook } from '../../data/mutator';
import { reindex } from './body-store';

export const releaseOfficeState: OfficeStateHook = (db, table, row) => {
  const releaseId = table === 'releases' ? row.id : table === 'release_body_updates' ? row.release_id : null;
  if (typeof releaseId !== 'string') return;
  if (table === 'release_body_updates') db.prepare('DELETE FROM release_body_cache WHERE release_id = ?').run(releaseId);
  reindex(db, releaseId);
};
