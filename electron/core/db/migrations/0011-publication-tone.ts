import type { Migration } from './types';

/**
 * The tone of a proof of publication (positive, neutral, negative), set by the media-cooperation
 * staff on each clipping and counted in reports. Additive: older clients keep syncing and defer
 * the field until they upgrade.
 */
export const m0011: Migration = {
  version: 11,
  name: 'tone of a proof of publication',
  up(db) {
    db.exec(`ALTER TABLE media_publication ADD COLUMN tone TEXT;`);
  },
};
