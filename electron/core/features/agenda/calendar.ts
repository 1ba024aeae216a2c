/**
 * Reading the calendar for a window: single events (and exceptions) from the start-time index,
 * series expanded in the window with their exceptions removed. Every read is bounded: the index
 * range is [from − longest event, to), expansion has a window and caps.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SheetItem } from '../../../../shared/agenda/event';
import { applyExceptions, expandRule, type ExceptionSpec } from '../../../../shared/agenda/recurrence';
import type { Db } from '../../db/open-database';
import { itemOf, toEvent, type EventRow } from '../../../../shared/agenda/event-rows';

/** What the calendar and the conflict check read; the day sheet reads every column. */
const LEAN = 'e.id, e.kind, e.title, e.start_ms, e.end_ms, e.all_day, e.zone, e.place_name, e.status, e.represented_by, e.leader_ids, e.press_open, e.uses_press_room, e.dress_code, e.reporter_id, e.photographer_id, e.videographer_id, e.rrule, e.series_id, e.original_start_ms, e.updated_at';

/**
 * Single events and exceptions come from the R-tree of their spans (minutes; an open end is
 * indexed as 24 h, the longest the setting allows, and trimmed here), so a window reads only
 * what overlaps it, however long the longest event is.
 */
const SPAN_QUERY = (cols: string) =>
  `SELECT ${cols} FROM agenda_events_span s JOIN agenda_events e ON e.rowid = s.rid WHERE s.end_min > ? AND s.start_min < ?`;

interface Statements {
  singles: Database.Statement;
  singlesFull: Database.Statement;
  series: Database.Statement;
  exceptions: Database.Statement;
}
const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      singles: db.prepare(SPAN_QUERY(LEAN)),
      singlesFull: db.prepare(SPAN_QUERY('e.*')),
      series: db.prepare(
        'SELECT * FROM agenda_events WHERE deleted_at IS NULL AND rrule IS NOT NULL AND start_ms < ? AND (series_end_ms IS NULL OR series_end_ms > ?)',
      ),
      exceptions: db.prepare('SELECT original_start_ms, status FROM agenda_events WHERE deleted_at IS NULL AND series_id = ? AND rrule IS NULL'),
    };
    cache.set(db, s);
  }
  return s;
}

export interface WindowItems {
  items: SheetItem[];
  truncatedSeries: string[];
}

/** Everything overlapping [from, to). Open ends count as `openEndMs` long. */
export function itemsInWindow(db: Db, from: number, to: number, openEndMs: number, full = false): WindowItems {
  const st = statements(db);
  const items: SheetItem[] = [];
  const rows = (full ? st.singlesFull : st.singles).all(Math.floor(from / 60_000), Math.ceil(to / 60_000)) as EventRow[];
  for (const r of rows) {
    const start = r.start_ms ?? 0;
    const end = r.end_ms ?? start + openEndMs;
    if (start < to && (end > from || start >= from)) items.push(itemOf(toEvent(r)));
  }
  const truncatedSeries: string[] = [];
  for (const r of st.series.all(to, from) as EventRow[]) {
    const e = toEvent(r);
    const exRows = st.exceptions.all(e.id) as { original_start_ms: number | null; status: string | null }[];
    const exceptions = new Map<number, ExceptionSpec>();
    for (const x of exRows) if (x.original_start_ms !== null) exceptions.set(x.original_start_ms, { originalStartMs: x.original_start_ms, cancelled: x.status === 'cancelled' });
    let expanded;
    try {
      expanded = expandRule({ startMs: e.startMs, durationMs: e.endMs === null ? null : e.endMs - e.startMs, zone: e.zone, rrule: e.rrule ?? '', extraRules: e.rruleExtra }, from, to, openEndMs);
    } catch {
      // A rule that no longer parses (e.g. from a newer peer) shows its first occurrence only.
      expanded = { occurrences: [{ originalStartMs: e.startMs, startMs: e.startMs, endMs: e.endMs }], truncated: false };
    }
    if (expanded.truncated) truncatedSeries.push(e.id);
    for (const o of applyExceptions(expanded.occurrences, exceptions)) items.push(itemOf(e, o));
  }
  items.sort((a, b) => a.startMs - b.startMs || a.key.localeCompare(b.key));
  return { items, truncatedSeries };
}
