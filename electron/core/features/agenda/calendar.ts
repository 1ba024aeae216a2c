/**
 * Reading the calendar for a window: single events (and exceptions) from the start-time index,
 * series expanded in the window with their exceptions removed. Every read is bounded: the index
 * range is [from − longest event, to), expansion has a window and caps.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { MAX_EVENT_MS, type CalendarItem } from '../../../../shared/agenda/event';
import { applyExceptions, expandRule, type ExceptionSpec } from '../../../../shared/agenda/recurrence';
import type { Db } from '../../db/open-database';
import { itemOf, toEvent, type EventRow } from './event-rows';

interface Statements {
  singles: Database.Statement;
  series: Database.Statement;
  exceptions: Database.Statement;
}
const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      singles: db.prepare('SELECT * FROM agenda_events WHERE deleted_at IS NULL AND rrule IS NULL AND start_ms >= ? AND start_ms < ?'),
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
  items: CalendarItem[];
  truncatedSeries: string[];
}

/** Everything overlapping [from, to). Open ends count as `openEndMs` long. */
export function itemsInWindow(db: Db, from: number, to: number, openEndMs: number): WindowItems {
  const st = statements(db);
  const items: CalendarItem[] = [];
  const rows = st.singles.all(from - Math.max(MAX_EVENT_MS, openEndMs), to) as EventRow[];
  for (const r of rows) {
    const start = r.start_ms ?? 0;
    const end = r.end_ms ?? start + openEndMs;
    if (end > from || start >= from) items.push(itemOf(toEvent(r)));
  }
  const truncatedSeries: string[] = [];
  for (const r of st.series.all(to, from) as EventRow[]) {
    const e = toEvent(r);
    const exRows = st.exceptions.all(e.id) as { original_start_ms: number | null; status: string | null }[];
    const exceptions = new Map<number, ExceptionSpec>();
    for (const x of exRows) if (x.original_start_ms !== null) exceptions.set(x.original_start_ms, { originalStartMs: x.original_start_ms, cancelled: x.status === 'cancelled' });
    let expanded;
    try {
      expanded = expandRule({ startMs: e.startMs, durationMs: e.endMs === null ? null : e.endMs - e.startMs, zone: e.zone, rrule: e.rrule ?? '' }, from, to, openEndMs);
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
