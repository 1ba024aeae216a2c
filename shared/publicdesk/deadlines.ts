/**
 * Working-day deadlines of the public desk: from the receiving day, in the office's zone,
 * skipping weekends, national holidays and cuti bersama (the agenda's holiday table). A span
 * that reaches a year whose holiday data the office does not have is flagged, not trusted.
 */
import { addWorkingDays, countWorkingDays } from '../agenda/working-days';
import { addDaysToKey } from '../agenda/zones';
import type { DeadlineView } from './model';

export function yearsBetween(fromKey: string, toKey: string): number[] {
  const out: number[] = [];
  for (let y = Number(fromKey.slice(0, 4)); y <= Number(toKey.slice(0, 4)); y++) out.push(y);
  return out;
}

/** The last day a deadline of `days` working days from `receivedKey` allows. */
export function dueDateOf(receivedKey: string, days: number, offDays: ReadonlySet<string>): string {
  return addWorkingDays(receivedKey, days, offDays);
}

/**
 * Working days left from `todayKey` to `dueKey`: 0 when due today, 1 when due on the next
 * working day, negative when late (-1: the first working day after the deadline).
 */
export function workingDaysLeft(todayKey: string, dueKey: string, offDays: ReadonlySet<string>): number {
  if (dueKey === todayKey) return 0;
  if (dueKey > todayKey) return countWorkingDays(addDaysToKey(todayKey, 1), dueKey, offDays);
  return -countWorkingDays(addDaysToKey(dueKey, 1), todayKey, offDays);
}

/** The deadline as shown: days left and the years whose holiday data is missing. */
export function deadlineView(todayKey: string, dueKey: string | null, offDays: ReadonlySet<string>, knownYears: ReadonlySet<number>, since?: string): DeadlineView {
  if (!dueKey) return { dueDate: null, daysLeft: null, holidaysMissing: [] };
  const from = [todayKey, dueKey, since ?? dueKey].sort()[0] as string;
  const to = [todayKey, dueKey].sort()[1] as string;
  return { dueDate: dueKey, daysLeft: workingDaysLeft(todayKey, dueKey, offDays), holidaysMissing: yearsBetween(from, to).filter((y) => !knownYears.has(y)) };
}
