import { photosOf } from '../../../../shared/releases/body-text';
import type { Change } from '../../data/change';
import type { Db } from '../../db/open-database';
import { loadBody } from './body-store';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The photos (full size and thumbnail) of the releases whose body these changes touch. Photos
 * are named by hash inside the Yjs body rather than in a `_hash` column, so the sync engine asks
 * here which blobs to upload with a body change (create-core.ts hands it this function as
 * `referencedBlobs`: sync/ does not import features); the server's public feed then names them
 * to press-room devices.
 */
export function releasePhotoHashes(db: Db, changes: readonly Change[]): Set<string> {
  const releases = new Set<string>();
  const releaseOf = db.prepare('SELECT release_id FROM release_body_updates WHERE id = ?').pluck();
  for (const c of changes) {
    if (c.table !== 'release_body_updates') continue;
    const id = typeof c.fields.release_id === 'string' ? c.fields.release_id : (releaseOf.get(c.rowId) as string | null | undefined);
    if (id) releases.add(id);
  }
  const out = new Set<string>();
  for (const id of releases) {
    let body;
    try {
      body = loadBody(db, id).docJson;
    } catch {
      // A body that cannot be decoded (a damaged update from a peer) names no photos; it must not stop sync.
      continue;
    }
    for (const p of photosOf(body)) for (const h of [p.hash, p.thumb]) if (h && SHA256.test(h)) out.add(h);
  }
  return out;
}
