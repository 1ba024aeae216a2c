import { dateKey, startOfDateKey } from '../../../../shared/agenda/zones';
import type { Period } from '../../../../shared/reports/period';
import { monthsOf } from '../../../../shared/reports/period';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { Caller } from '../../caller';
import type { CoreContext } from '../../rpc/handler-types';
import { addDays } from '../home/card-query';

/** What every section's computation gets: the period as dates and instants, its months, the zone. */
export interface ReportScope {
  ctx: CoreContext;
  caller: Caller;
  period: Period;
  zone: ZoneLabel;
  months: string[];
  fromMs: number;
  /** Exclusive: the start of the day after `period.to`. */
  toMs: number;
  targetMinutes: number;
  monthOfInstant(ms: number): string;
}

export function reportScope(ctx: CoreContext, caller: Caller, period: Period, zone: ZoneLabel, targetMinutes: number): ReportScope {
  return {
    ctx,
    caller,
    period,
    zone,
    months: monthsOf(period),
    fromMs: startOfDateKey(period.from, zone),
    toMs: startOfDateKey(addDays(period.to, 1), zone),
    targetMinutes,
    monthOfInstant: (ms) => dateKey(ms, zone).slice(0, 7),
  };
}

/** "12,5%" of n in d (0 when d is 0). */
export function percent(n: number, d: number): string {
  return `${(d === 0 ? 0 : (100 * n) / d).toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`;
}

export const fmt = (n: number) => n.toLocaleString('id-ID');

/** Counts per key, in first-seen order, as [key, count] sorted by count (then key). */
export function countBy<T>(items: readonly T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'id'));
}

/** A name with its deletion marked: a row deleted mid-period is still counted, and says so. */
export const marked = (name: string | null, deletedAt: string | null, fallback: string) => `${name || fallback}${deletedAt ? ' (dihapus)' : ''}`;
export const DELETED_NOTE = 'Nama bertanda (dihapus) telah dihapus dari daftar; datanya tetap dihitung pada periode ini.';
