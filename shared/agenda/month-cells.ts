import type { CalendarItem } from './event';
import { addDaysToKey, dateKey, startOfDateKey, type EventZone } from './zones';

/** Rows a month cell shows before it folds the rest into "+N lagi" (FullCalendar's dayMaxEvents). */
export const MONTH_CELL_ROWS = 4;

export interface MonthCells {
  /** The items the month grid draws. */
  shown: CalendarItem[];
  /** Per day with more than fit: how many were left out ("+N lagi" opens the day). */
  more: { date: string; count: number }[];
}

/**
 * What a month grid can show: at most MONTH_CELL_ROWS rows a day, the rest counted. A busy
 * office has thousands of items in a month's six weeks (3,420 at the benchmark's 100× size);
 * handing them all to FullCalendar made it convert, sort and lay out every one of them to draw
 * four a day; the core trims before it answers (agenda.range with `perDay`), so the thousands
 * are not serialized and sent either. Items that span days are always kept (they run through several cells); a day's
 * other items are kept in the grid's own order (start, longer first, title) until the cell is
 * full, leaving one row for the count. Week, day and list views get every item. Shared: the core trims, the window draws the counts.
 */
export function monthCells(items: readonly CalendarItem[], zone: EventZone, rows = MONTH_CELL_ROWS): MonthCells {
  const byDay = new Map<string, CalendarItem[]>();
  const spanning: CalendarItem[] = [];
  const spanRows = new Map<string, number>();
  for (const item of items) {
    const first = dateKey(item.startMs, zone);
    const last = item.endMs !== null && item.endMs > item.startMs ? dateKey(item.endMs - 1, zone) : first;
    if (last !== first) {
      spanning.push(item);
      for (let d = first, n = 0; d <= last && n < 62; d = addDaysToKey(d, 1), n++) spanRows.set(d, (spanRows.get(d) ?? 0) + 1);
      continue;
    }
    const list = byDay.get(first);
    if (list) list.push(item);
    else byDay.set(first, [item]);
  }
  const shown = [...spanning];
  const more: MonthCells['more'] = [];
  for (const [date, list] of byDay) {
    const taken = spanRows.get(date) ?? 0;
    if (taken + list.length <= rows) {
      shown.push(...list);
      continue;
    }
    const room = Math.max(0, rows - 1 - taken);
    list.sort(gridOrder);
    shown.push(...list.slice(0, room));
    more.push({ date, count: list.length - room });
  }
  return { shown, more };
}

/** Weeks in a month grid: FullCalendar's month view always draws six (`fixedWeekCount`). */
const GRID_WEEKS = 6;

/**
 * The instants a month grid covers, as FullCalendar reports them in `datesSet` (activeStart and
 * activeEnd): six weeks from the week holding the 1st, weeks starting on `firstDay` (1 = Monday).
 * Known before the calendar has drawn, so the window can ask for the month's items while it draws.
 */
export function monthGridRange(day: string, zone: EventZone, firstDay = 1): { from: number; to: number } {
  const first = `${day.slice(0, 8)}01`;
  const [y, m] = first.split('-').map(Number) as [number, number];
  const weekday = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const start = addDaysToKey(first, -((weekday - firstDay + 7) % 7));
  return { from: startOfDateKey(start, zone), to: startOfDateKey(addDaysToKey(start, GRID_WEEKS * 7), zone) };
}

const length = (i: CalendarItem) => (i.endMs ?? i.startMs) - i.startMs;

/** FullCalendar's default event order within a day: earlier first, then longer, then by title. */
function gridOrder(a: CalendarItem, b: CalendarItem): number {
  return a.startMs - b.startMs || length(b) - length(a) || a.title.localeCompare(b.title);
}
