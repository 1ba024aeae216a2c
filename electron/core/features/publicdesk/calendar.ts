/**
 * The desk's calendar: today in the office's zone, and the days off (national holidays and cuti
 * bersama from the agenda's holiday table, seeded from the shipped yearly files) around it.
 */
import { addDaysToKey, dateKey } from '../../../../shared/agenda/zones';
import { deadlineView, dueDateOf } from '../../../../shared/publicdesk/deadlines';
import type { DeadlineView } from '../../../../shared/publicdesk/model';
import type { CoreContext } from '../../rpc/handler-types';
import { HOLIDAY_FILES, holidaysBetween } from '../agenda/holidays';
import { officeZone } from '../agenda/settings';

export interface DeskCalendar {
  today: string;
  offDays: ReadonlySet<string>;
  knownYears: ReadonlySet<number>;
  due(receivedKey: string, days: number): string;
  view(dueKey: string | null, since?: string): DeadlineView;
}

/** Three years back and two ahead: every open item's span, read once per call. */
export function deskCalendar(ctx: CoreContext, now = ctx.now()): DeskCalendar {
  const zone = officeZone(ctx);
  const today = dateKey(now, zone);
  const from = addDaysToKey(today, -3 * 366);
  const to = addDaysToKey(today, 2 * 366);
  const holidays = holidaysBetween(ctx, from, to);
  const offDays = new Set(holidays.map((h) => h.date));
  // A year is known when it has a shipped file or the office entered its holidays by hand.
  const knownYears = new Set<number>([...HOLIDAY_FILES.keys(), ...holidays.map((h) => Number(h.date.slice(0, 4)))]);
  return {
    today,
    offDays,
    knownYears,
    due: (receivedKey, days) => dueDateOf(receivedKey, days, offDays),
    view: (dueKey, since) => deadlineView(today, dueKey, offDays, knownYears, since),
  };
}

export function dateKeyOf(ctx: CoreContext, instant: number): string {
  return dateKey(instant, officeZone(ctx));
}
