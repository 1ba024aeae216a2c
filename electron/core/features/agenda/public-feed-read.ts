import type { CalendarItem } from '../../../../shared/agenda/event';
import type { Db } from '../../db/open-database';
import { ensurePublicFeedTables } from '../../sync/public-feed';

/**
 * Public agenda items of the office's public feed overlapping [from, to): what a press-room
 * device, which receives no agenda rows by pull, shows journalists (electron/core/sync/public-feed.ts).
 * Items are stored as the server made them for public callers: open events, no notes, no staff.
 */
export function feedAgendaItems(db: Db, from: number, to: number, openEndMs: number): CalendarItem[] {
  ensurePublicFeedTables(db);
  const rows = db
    .prepare('SELECT start_ms, end_ms, item FROM public_feed_agenda WHERE start_ms < ? AND (coalesce(end_ms, start_ms + ?) > ? OR start_ms >= ?) ORDER BY start_ms, key')
    .all(to, openEndMs, from, from) as { item: string }[];
  return rows.map((r) => JSON.parse(r.item) as CalendarItem);
}
