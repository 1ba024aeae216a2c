import { describe, expect, it } from 'vitest';
import { applyExceptions, describeRule, expandRule, MAX_OCCURRENCES, parseRule, RecurrenceError, seriesEnd } from '../../../shared/agenda/recurrence';

const H = 3_600_000;
const D = 24 * H;
// Monday 23 November 2026, 08.00 WIB
const MON_08_WIB = Date.UTC(2026, 10, 23, 1, 0);

describe('RRULE expansion', () => {
  it('expands a weekly rule in the window, at the same wall time', () => {
    const r = expandRule({ startMs: MON_08_WIB, durationMs: H, zone: 'WIB', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE' }, MON_08_WIB, MON_08_WIB + 14 * D);
    expect(r.occurrences.map((o) => (o.startMs - MON_08_WIB) / D)).toEqual([0, 2, 7, 9]);
    expect(r.occurrences[0]?.endMs).toBe(MON_08_WIB + H);
    expect(r.truncated).toBe(false);
  });

  it('keeps the wall time of the zone the series was entered in (WITA)', () => {
    const start = Date.UTC(2026, 10, 23, 0, 0); // 08.00 WITA
    const r = expandRule({ startMs: start, durationMs: null, zone: 'WITA', rrule: 'FREQ=DAILY;COUNT=3' }, start, start + 10 * D);
    expect(r.occurrences.map((o) => new Date(o.startMs).toISOString())).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z', '2026-11-25T00:00:00.000Z']);
    expect(r.occurrences[0]?.endMs).toBeNull();
  });

  it('follows a DST zone for an imported series held abroad (Europe/Amsterdam)', () => {
    const start = Date.UTC(2026, 2, 23, 8, 0); // Mon 23 March 2026 09.00 CET
    const r = expandRule({ startMs: start, durationMs: H, zone: 'Europe/Amsterdam', rrule: 'FREQ=WEEKLY;COUNT=2' }, start, start + 30 * D);
    // After 29 March the clocks move: 09.00 CEST is 07.00 UTC.
    expect(r.occurrences.map((o) => new Date(o.startMs).toISOString())).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('reads an UNTIL in UTC in the series zone: 20.00 WIB daily until 25 November 23.59 WIB includes the 25th', () => {
    const start = Date.UTC(2026, 10, 23, 13, 0); // 20.00 WIB
    const r = expandRule({ startMs: start, durationMs: H, zone: 'WIB', rrule: 'FREQ=DAILY;UNTIL=20261125T165900Z' }, start, start + 10 * D);
    expect(r.occurrences.map((o) => new Date(o.startMs).toISOString())).toEqual(['2026-11-23T13:00:00.000Z', '2026-11-24T13:00:00.000Z', '2026-11-25T13:00:00.000Z']);
    expect(seriesEnd({ startMs: start, durationMs: H, zone: 'WIB', rrule: 'FREQ=DAILY;UNTIL=20261125T165900Z' })).toBe(Date.UTC(2026, 10, 25, 14, 0));
  });

  it('removes moved and cancelled occurrences by their original start', () => {
    const r = expandRule({ startMs: MON_08_WIB, durationMs: H, zone: 'WIB', rrule: 'FREQ=WEEKLY' }, MON_08_WIB, MON_08_WIB + 21 * D);
    const left = applyExceptions(r.occurrences, new Map([[MON_08_WIB + 7 * D, { originalStartMs: MON_08_WIB + 7 * D, cancelled: true }]]));
    expect(left.map((o) => (o.startMs - MON_08_WIB) / D)).toEqual([0, 14]);
  });

  it('bounds an endless rule: a window far in the future ends, and a huge window is capped', () => {
    const t = performance.now();
    const far = expandRule({ startMs: MON_08_WIB, durationMs: H, zone: 'WIB', rrule: 'FREQ=DAILY' }, MON_08_WIB + 3650 * D, MON_08_WIB + 3660 * D);
    expect(far.occurrences).toHaveLength(10);
    const huge = expandRule({ startMs: MON_08_WIB, durationMs: H, zone: 'WIB', rrule: 'FREQ=DAILY' }, MON_08_WIB, MON_08_WIB + 100_000 * D);
    expect(huge.occurrences).toHaveLength(MAX_OCCURRENCES);
    expect(huge.truncated).toBe(true);
    const beyond = expandRule({ startMs: MON_08_WIB, durationMs: H, zone: 'WIB', rrule: 'FREQ=DAILY' }, MON_08_WIB + 200_000 * D, MON_08_WIB + 200_001 * D);
    expect(beyond.occurrences).toHaveLength(0);
    expect(beyond.truncated).toBe(true);
    // Bounded, not fast: the caps stop it on a loaded 2-core machine within seconds.
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(seriesEnd({ startMs: MON_08_WIB, durationMs: H, zone: 'WIB', rrule: 'FREQ=DAILY' })).toBeNull();
    expect(seriesEnd({ startMs: MON_08_WIB, durationMs: H, zone: 'WIB', rrule: 'FREQ=DAILY;COUNT=3' })).toBe(MON_08_WIB + 2 * D + H);
  });

  it('refuses rules without FREQ, unknown frequencies and hourly rules with Indonesian messages', () => {
    expect(() => parseRule('BYDAY=MO')).toThrow(RecurrenceError);
    expect(() => parseRule('BYDAY=MO')).toThrow(/FREQ/);
    expect(() => parseRule('FREQ=HOURLY')).toThrow(/per jam/);
    expect(() => parseRule('FREQ=SOMETIMES')).toThrow(RecurrenceError);
  });

  it('describes common rules in Indonesian', () => {
    expect(describeRule('FREQ=WEEKLY;BYDAY=MO')).toBe('Setiap minggu (Senin), tanpa akhir');
    expect(describeRule('FREQ=MONTHLY;INTERVAL=2;COUNT=5')).toBe('Setiap 2 bulan, 5 kali');
  });
});
