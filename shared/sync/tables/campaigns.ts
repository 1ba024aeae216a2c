import type { TableSpec } from '../field-spec';
import { integer, json, text } from './field';

/**
 * Themed campaigns and the planned posts of the content calendar (shared/campaigns/model.ts).
 * A campaign's recurrence is kept as plain fields (kind, weekdays, nth weekday, date window) so
 * two offices editing the name and the days offline merge field by field.
 */
export const campaignsTables = {
  campaigns: {
    fields: {
      name: text(120),
      theme: text(300),
      recurrence: text(16),
      weekdays: json(40),
      nth: integer,
      weekday: integer,
      start_date: text(10),
      end_date: text(10),
      hashtags: json(800),
      owner: text(120),
      opd_id: text(36),
    },
  },
  campaign_posts: {
    fields: {
      title: text(200),
      platform: text(16),
      account: text(120),
      /** The planned day in the office's zone, "YYYY-MM-DD"; `time` ("HH:MM") when a time is set. */
      date: text(10),
      time: text(5),
      zone: text(8),
      status: text(16),
      owner: text(120),
      campaign_id: text(36),
      release_id: text(36),
      agenda_event_id: text(36),
      caption: text(5000),
      posted_url: text(500),
      posted_at: text(30),
      /** The infographic card drawn for the post (shared/campaigns/cards.ts), or null. */
      card: json(4000),
    },
  },
} as const satisfies Record<string, TableSpec>;
