/**
 * A post from an embargoed release may not be planned, or marked as posted, before the embargo
 * ends. A post without a time counts from the start of its day (the cautious reading: a planner
 * who means "after 10.00" says so by setting the time).
 */
import { instantOfWall, startOfDateKey } from '../agenda/zones';
import { formatDateTime } from '../format/dates';
import type { ZoneLabel } from '../office/time-zones';
import type { Words } from '../rules/types';

export function postInstant(date: string, time: string | null, zone: ZoneLabel): number {
  if (!time) return startOfDateKey(date, zone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return instantOfWall({ year: y, month: m, day: d, hour, minute }, zone);
}

export interface EmbargoOf {
  urgency: string | null;
  embargoAt: string | null;
  embargoZone: ZoneLabel | null;
}

/** Why `at` is too early for a post of this release, naming the embargo time; null when it is not. */
export function embargoRefusal(release: EmbargoOf, at: number, zone: ZoneLabel): Words | null {
  if (release.urgency !== 'embargo' || !release.embargoAt) return null;
  const ends = Date.parse(release.embargoAt);
  if (Number.isNaN(ends) || at >= ends) return null;
  const z = release.embargoZone ?? zone;
  return {
    id: `Rilis ini diembargo sampai ${formatDateTime(ends, z)}; unggahan tidak boleh dijadwalkan atau dicatat sebelum itu.`,
    en: `This release is under embargo until ${formatDateTime(ends, z, 'en')}; a post may not be planned or recorded before then.`,
  };
}
