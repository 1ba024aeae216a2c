import { instantOfWall, wallTimeOf } from '../../../shared/agenda/zones';
import type { ZoneLabel } from '../../../shared/office/time-zones';

/** "2026-12-04 09.00 WIB": the activity's time as the agency wrote it, in its zone. */
export function formatWhen(ms: number | null, zone: string): string {
  if (ms === null) return '';
  const z = (['WIB', 'WITA', 'WIT'].includes(zone) ? zone : 'WIB') as ZoneLabel;
  const w = wallTimeOf(ms, z);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}.${p(w.minute)} ${z}`;
}

/** A date (YYYY-MM-DD) and a time (HH:MM) in a zone as an instant; null when either is missing or malformed. */
export function instantOf(date: string, time: string, zone: ZoneLabel): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return instantOfWall({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]) }, zone);
}

/** The date and time fields of an instant, for a form sent again. */
export function fieldsOf(ms: number | null, zone: ZoneLabel): { date: string; time: string } {
  if (ms === null) return { date: '', time: '' };
  const w = wallTimeOf(ms, zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: `${w.year}-${p(w.month)}-${p(w.day)}`, time: `${p(w.hour)}:${p(w.minute)}` };
}
