/**
 * Zones of agenda items: Indonesia's three (fixed offsets, no DST) by label, or the IANA name
 * of an imported event held elsewhere (its offset then comes from the runtime's zone data).
 */
import { tzOffset } from '@date-fns/tz';
import { TIME_ZONES, type ZoneLabel } from '../office/time-zones';

export type EventZone = ZoneLabel | string;

export function isZoneLabel(zone: string): zone is ZoneLabel {
  return Object.prototype.hasOwnProperty.call(TIME_ZONES, zone);
}

const IANA_TO_LABEL: Record<string, ZoneLabel> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** An IANA zone of Indonesia maps to its label; others stay IANA. */
export function normaliseZone(zone: string): EventZone {
  return IANA_TO_LABEL[zone] ?? zone;
}

/** True when the runtime knows the zone (labels always are). */
export function isKnownZone(zone: string): boolean {
  if (isZoneLabel(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` from UTC in minutes at `instant`. */
export function offsetMinutes(zone: EventZone, instant: number): number {
  if (isZoneLabel(zone)) return TIME_ZONES[zone].offsetHours * 60;
  const off = tzOffset(zone, new Date(instant));
  if (!Number.isFinite(off)) throw new RangeError(`unknown zone ${zone}`);
  return off;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

export function wallTimeOf(instant: number, zone: EventZone): WallTime & { weekday: number } {
  const d = new Date(instant + offsetMinutes(zone, instant) * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** The instant of a wall-clock time in `zone` (for a DST zone: the offset at that moment). */
export function instantOfWall(w: WallTime, zone: EventZone): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const guess = asUtc - offsetMinutes(zone, asUtc) * 60_000;
  return asUtc - offsetMinutes(zone, guess) * 60_000;
}

/** "2026-11-23" of an instant in a zone. */
export function dateKey(instant: number, zone: EventZone): string {
  const w = wallTimeOf(instant, zone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Midnight of a "YYYY-MM-DD" in `zone`. */
export function startOfDateKey(key: string, zone: EventZone): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return instantOfWall({ year: y, month: m, day: d, hour: 0, minute: 0 }, zone);
}

export function addDaysToKey(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}
