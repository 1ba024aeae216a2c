import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

/** Themed campaigns and the content calendar's planned posts (issue 15). */
export const m0016: Migration = {
  version: 16,
  name: 'campaigns',
  up(db) {
    db.exec(`
      CREATE TABLE campaigns (
        id TEXT PRIMARY KEY,
        name TEXT,
        theme TEXT,
        recurrence TEXT,
        weekdays TEXT,
        nth INTEGER,
        weekday INTEGER,
        start_date TEXT,
        end_date TEXT,
        hashtags TEXT,
        owner TEXT,
        opd_id TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE TABLE campaign_posts (
        id TEXT PRIMARY KEY,
        title TEXT,
        platform TEXT,
        account TEXT,
        date TEXT,
        time TEXT,
        zone TEXT,
        status TEXT,
        owner TEXT,
        campaign_id TEXT,
        release_id TEXT,
        agenda_event_id TEXT,
        caption TEXT,
        posted_url TEXT,
        posted_at TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX campaign_posts_date ON campaign_posts (date) WHERE deleted_at IS NULL;
      CREATE INDEX campaign_posts_release ON campaign_posts (release_id) WHERE release_id IS NOT NULL;
    `);
  },
};
