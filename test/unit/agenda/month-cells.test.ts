/** The month grid gets at most four rows a day and a count of the rest, not every item of its six weeks. */
import { describe, expect, it } from 'vitest';
import type { CalendarItem } from '../../../shared/agenda/event';
import { startOfDateKey } from '../../../shared/agenda/zones';
import { MONTH_CELL_ROWS, monthCells, monthGridRange } from '../../../shared/agenda/month-cells';

const H = 3_600_000;
function item(key: string, startMs: number, endMs: number | null, title = key): CalendarItem {
  return { key, eventId: key, seriesId: null, originalStartMs: null, recurring: false, kind: 'leader_agenda', title, startMs, endMs, allDay: false, zone: 'WIB', placeName: '', status: 'confirmed', representedBy: '', leaderIds: [], pressOpen: false, usesPressRoom: false, dressCode: '', reporterId: null, photographerId: null, videographerId: null };
}
const day = (key: string) => startOfDateKey(key, 'WIB');

describe('month cells', () => {
  it('keeps a day that fits whole and folds a full day into three items and a count', () => {
    const quiet = [8, 9, 10, 11].map((h) => item(`q${h}`, day('2026-12-03') + h * H, day('2026-12-03') + (h + 1) * H));
    const busy = [15, 8, 12, 9, 10, 11].map((h) => item(`b${h}`, day('2026-12-04') + h * H, null));
    const { shown, more } = monthCells([...quiet, ...busy], 'WIB');
    expect(shown.filter((i) => i.key.startsWith('q'))).toHaveLength(MONTH_CELL_ROWS);
    // The earliest three of the busy day, as the grid orders them.
    expect(shown.filter((i) => i.key.startsWith('b')).map((i) => i.key)).toEqual(['b8', 'b9', 'b10']);
    expect(more).toEqual([{ date: '2026-12-04', count: 3 }]);
  });

  it('uses the office zone for the day: 23.30 WIB on the 3rd is the 3rd, not the 4th in UTC+8', () => {
    const late = Array.from({ length: 5 }, (_, i) => item(`l${i}`, day('2026-12-03') + 23 * H + 30 * 60_000, null));
    expect(monthCells(late, 'WIB').more).toEqual([{ date: '2026-12-03', count: 2 }]);
  });

  it('always keeps items that span days and counts their rows in every day they cross', () => {
    const trip = item('trip', day('2026-12-01') + 8 * H, day('2026-12-03') + 17 * H);
    const busy = [8, 9, 10, 11].map((h) => item(`d${h}`, day('2026-12-02') + h * H, null));
    const { shown, more } = monthCells([trip, ...busy], 'WIB');
    expect(shown.map((i) => i.key)).toEqual(['trip', 'd8', 'd9']);
    expect(more).toEqual([{ date: '2026-12-02', count: 2 }]);
  });

  it('an all-day item ending at the next midnight stays on its own day', () => {
    const allDay = { ...item('a', day('2026-12-05'), day('2026-12-06')), allDay: true };
    expect(monthCells([allDay], 'WIB')).toEqual({ shown: [allDay], more: [] });
  });

  it('knows the six weeks a month grid covers before the calendar draws (Monday first, office zone)', () => {
    // December 2026 starts on a Tuesday: the grid opens on Monday 30 November and runs 42 days.
    expect(monthGridRange('2026-12-17', 'WIB')).toEqual({ from: day('2026-11-30'), to: day('2027-01-11') });
    // A month that starts on a Monday (February 2027) opens on its 1st.
    expect(monthGridRange('2027-02-28', 'WIB')).toEqual({ from: day('2027-02-01'), to: day('2027-03-15') });
    // A Sunday 1st (August 2027) with a Monday week: the grid opens six days earlier.
    expect(monthGridRange('2027-08-01', 'WITA')).toEqual({ from: startOfDateKey('2027-07-26', 'WITA'), to: startOfDateKey('2027-09-06', 'WITA') });
  });
});
