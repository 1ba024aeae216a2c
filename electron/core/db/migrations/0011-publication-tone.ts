import type { Migration } from './types';

/**
 * The tone of a proof of publication (positive, neutral, negative), set by the media-cooperation
 * staff on each clipping and counted in reports. Additive: older clients keep syncing and defer
 * the field until they upgrade. The index lets quota counts (Beranda's contracts card, reports)
 * count a contract's proofs per product and date range, and a report a period's proofs per
 * outlet, month and tone, from the indexes alone; Beranda's one-hour card finds an event's
 * release by its event.
 */
export const m0011: Migration = {
  version: 11,
  name: 'tone of a proof of publication; indexes for the desk and reports',
  up(db) {
    db.exec(`
      ALTER TABLE media_publication ADD COLUMN tone TEXT;
      CREATE INDEX media_publication_quota ON media_publication (contract_id, product, published_on) WHERE deleted_at IS NULL;
      CREATE INDEX media_publication_period ON media_publication (published_on, outlet_id, tone) WHERE deleted_at IS NULL;
      CREATE INDEX releases_event ON releases (event_id) WHERE event_id IS NOT NULL;
    `);
  },
};
