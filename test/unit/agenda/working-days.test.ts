import { describe, expect, it } from 'vitest';
import { holidayFileSchema } from '../../../shared/agenda/holidays';
import { addWorkingDays, countWorkingDays, isWorkingDay } from '../../../shared/agenda/working-days';
import { addDaysToKey } from '../../../shared/agenda/zones';
import h2026 from '../../../assets/holidays/2026.json' with { type: 'json' };
import h2027 from '../../../assets/holidays/2027.json' with { type: 'json' };

const off2026 = new Set(holidayFileSchema.parse(h2026).entries.map((e) => e.date));

describe('working days', () => {
  it('skips weekends and the holiday table', () => {
    expect(isWorkingDay('2026-11-23', off2026)).toBe(true); // Monday
    expect(isWorkingDay('2026-11-22', off2026)).toBe(false); // Sunday
    expect(isWorkingDay('2026-08-17', off2026)).toBe(false); // Independence Day, a Monday
    expect(isWorkingDay('2026-12-24', off2026)).toBe(false); // cuti bersama
  });

  it('adds working days across Idul Fitri and its collective leave', () => {
    // Thursday 19 March 2026 is Nyepi; 20–24 March are Idul Fitri with cuti bersama.
    expect(addWorkingDays('2026-03-17', 1, off2026)).toBe('2026-03-25');
    expect(addWorkingDays('2026-03-17', 5, off2026)).toBe('2026-03-31');
    expect(addWorkingDays('2026-03-21', 0, off2026)).toBe('2026-03-25');
    expect(countWorkingDays('2026-03-16', '2026-03-27', off2026)).toBe(5);
    expect(() => addWorkingDays('2026-03-17', -1, off2026)).toThrow(RangeError);
  });

  it('counts by whole weeks exactly as day by day, over ranges of any length and start', () => {
    const off = new Set([...off2026, ...holidayFileSchema.parse(h2027).entries.map((e) => e.date), 'not-a-date']);
    const dayByDay = (from: string, to: string) => {
      let n = 0;
      for (let d = from; d <= to; d = addDaysToKey(d, 1)) if (isWorkingDay(d, off)) n += 1;
      return n;
    };
    let seed = 7;
    const next = (m: number) => (seed = (seed * 48271) % 2147483647) % m;
    for (let i = 0; i < 400; i++) {
      const from = addDaysToKey('2025-12-01', next(500));
      const to = addDaysToKey(from, next(420) - 3);
      expect(countWorkingDays(from, to, off), `${from}..${to}`).toBe(dayByDay(from, to));
    }
    expect(countWorkingDays('1969-12-29', '1970-01-04', new Set())).toBe(5);
  });

  it('ships holiday tables that name their source and stay inside their year', () => {
    for (const f of [h2026, h2027]) {
      const parsed = holidayFileSchema.parse(f);
      expect(parsed.source.length).toBeGreaterThan(20);
      expect(new Set(parsed.entries.map((e) => e.date)).size).toBe(parsed.entries.length - parsed.entries.filter((e, i, a) => a.findIndex((x) => x.date === e.date) !== i).length);
    }
    expect(() => holidayFileSchema.parse({ ...h2026, entries: [{ date: '2025-12-31', name: 'x', kind: 'libur_nasional' }] })).toThrow(/luar tahun/);
  });
});
