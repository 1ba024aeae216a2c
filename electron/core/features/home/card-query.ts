import type { SheetItem } from '../../../../shared/agenda/event';
import type { DeskItem } from '../../../../shared/home/desk';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { Caller } from '../../caller';
import type { CoreContext } from '../../rpc/handler-types';

/** What every card's query gets: the workspace, who asks, and the office's today. */
export interface DeskScope {
  ctx: CoreContext;
  caller: Caller;
  now: number;
  zone: ZoneLabel;
  /** YYYY-MM-DD in the office's zone, and the instants its day starts and ends. */
  today: string;
  dayStart: number;
  dayEnd: number;
  targetMinutes: number;
  /**
   * Today's and tomorrow's agenda, series expanded (the costly part of a desk): read once per
   * desk and shared by the cards that need it, only when one does.
   */
  twoDays(): SheetItem[];
}

export interface CardAnswer {
  items: DeskItem[];
  total: number;
}

export type CardQuery = (scope: DeskScope) => CardAnswer;

export const minutesBetween = (from: number, to: number) => Math.round((to - from) / 60_000);

/** YYYY-MM-DD `days` after `key` (calendar arithmetic on the date, no zone involved). */
export function addDays(key: string, days: number): string {
  const d = new Date(`${key}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
