import type { Migration } from './types';

/** A planned post's infographic card (issue 15, item 4): the card's spec as JSON; the picture is drawn from it. */
export const m0019: Migration = {
  version: 19,
  name: 'campaign-cards',
  up(db) {
    db.exec('ALTER TABLE campaign_posts ADD COLUMN card TEXT');
  },
};
