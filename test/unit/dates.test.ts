import { describe, expect, it } from 'vitest';
import { formatDateKey, formatDateTime, formatLongDate, formatPeriodKeys, formatNewsDate, formatTime, instantFromZoned, zonedParts } from '../../shared/format/dates';

describe('Indonesian date forms', () => {
  const at = instantFromZoned({ year: 2019, month: 10, day: 21, hour: 8, minute: 0 }, 'WIB');

  it('writes the forms used in news copy', () => {
    expect(formatLongDate(at, 'WIB')).toBe('Senin, 21 Oktober 2019');
    expect(formatTime(at, 'WIB')).toBe('08.00 WIB');
    expect(formatDateTime(at, 'WIB')).toBe('Senin, 21 Oktober 2019 pukul 08.00 WIB');
    expect(formatNewsDate(instantFromZoned({ year: 2016, month: 12, day: 9, hour: 10, minute: 0 }, 'WIB'), 'WIB')).toBe('Jumat (9/12/2016)');
  });

  it('shows the same instant in each zone, crossing midnight', () => {
    const late = instantFromZoned({ year: 2026, month: 12, day: 31, hour: 23, minute: 30 }, 'WIB');
    expect(formatTime(late, 'WITA')).toBe('00.30 WITA');
    expect(zonedParts(late, 'WIT')).toMatchObject({ year: 2027, month: 1, day: 1, hour: 1 });
  });

  it('writes calendar days and periods for reports (never ISO on paper)', () => {
    expect(formatDateKey('2026-12-04')).toBe('4 Desember 2026');
    expect(formatPeriodKeys('2026-01-01', '2026-12-31')).toBe('1 Januari s.d. 31 Desember 2026');
    expect(formatPeriodKeys('2026-03-01', '2026-03-31')).toBe('1 s.d. 31 Maret 2026');
    expect(formatPeriodKeys('2025-12-15', '2026-01-15')).toBe('15 Desember 2025 s.d. 15 Januari 2026');
    expect(formatPeriodKeys('2026-05-02', '2026-05-02')).toBe('2 Mei 2026');
  });

  it('has an English form', () => {
    expect(formatDateTime(at, 'WIB', 'en')).toBe('Monday, 21 October 2019 at 08:00 WIB');
  });

  it('refuses an invalid date instead of printing NaN', () => {
    expect(() => formatLongDate(new Date('nonsense'), 'WIB')).toThrow(RangeError);
  });
});
