/**
 * Working days (hari kerja): Monday to Friday, minus national holidays and collective leave
 * (cuti bersama) from the yearly table. Dates are "YYYY-MM-DD" calendar days; the caller picks
 * the office's zone when turning an instant into a date.
 */
import { addDaysToKey } from './zones';

export function weekdayOfKey(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isWorkingDay(key: string, offDays: ReadonlySet<string>): boolean {
  const wd = weekdayOfKey(key);
  return wd !== 0 && wd !== 6 && !offDays.has(key);
}

/**
 * The date `n` working days after `key` (a deadline of "5 hari kerja" from a letter received
 * on `key`). n = 0 gives the first working day on or after `key`.
 */
export function addWorkingDays(key: string, n: number, offDays: ReadonlySet<string>): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let day = key;
  while (!isWorkingDay(day, offDays)) day = addDaysToKey(day, 1);
  let left = n;
  let guard = 0;
  while (left > 0) {
    day = addDaysToKey(day, 1);
    if (isWorkingDay(day, offDays)) left -= 1;
    if (++guard > 3660) throw new RangeError('no working days found within ten years');
  }
  return day;
}

const DAY_MS = 86_400_000;

function dayNumber(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/**
 * Working days in [from, to] inclusive. Counted by whole weeks, not day by day: the desk's inbox
 * shows days left (or late) for 200 items at a time, some a year past their deadline.
 */
export function countWorkingDays(from: string, to: string, offDays: ReadonlySet<string>): number {
  if (from > to) return 0;
  const first = dayNumber(from);
  const span = dayNumber(to) - first + 1;
  let n = Math.floor(span / 7) * 5;
  // 1 January 1970, day 0, was a Thursday (4).
  for (let d = first + span - (span % 7); d < first + span; d++) {
    const wd = (((d + 4) % 7) + 7) % 7;
    if (wd !== 0 && wd !== 6) n += 1;
  }
  // Holidays on a weekday within the range (a table holds a few dozen a year).
  for (const key of offDays) if (key >= from && key <= to && /^\d{4}-\d{2}-\d{2}$/.test(key) && weekdayOfKey(key) % 6 !== 0) n -= 1;
  return n;
}
