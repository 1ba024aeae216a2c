/**
 * Indonesian date and time forms used in copy: "Senin, 21 Oktober 2019", "Jumat (9/12/2016)",
 * "pukul 08.00 WIB". Indonesia has no daylight saving, so a zone is a fixed offset and the
 * result does not depend on the ICU data of the machine that formats it (Node or Chromium).
 */
import { TIME_ZONES, type ZoneLabel } from '../office/time-zones';

import { DAYS, MONTHS, type Lang } from './calendar-words';

export type { Lang } from './calendar-words';

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  weekday: number; // 0 = Sunday
  hour: number;
  minute: number;
}

export function zonedParts(instant: Date | number, zone: ZoneLabel): ZonedParts {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid date');
  const shifted = new Date(ms + TIME_ZONES[zone].offsetHours * 3_600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** The instant of a wall-clock time in an Indonesian zone. */
export function instantFromZoned(p: Omit<ZonedParts, 'weekday'>, zone: ZoneLabel): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - TIME_ZONES[zone].offsetHours * 3_600_000;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "Senin, 21 Oktober 2019" */
export function formatLongDate(instant: Date | number, zone: ZoneLabel, lang: Lang = 'id'): string {
  const p = zonedParts(instant, zone);
  return `${DAYS[lang][p.weekday]}, ${p.day} ${MONTHS[lang][p.month - 1]} ${p.year}`;
}

/** "21 Oktober 2019" */
export function formatDate(instant: Date | number, zone: ZoneLabel, lang: Lang = 'id'): string {
  const p = zonedParts(instant, zone);
  return `${p.day} ${MONTHS[lang][p.month - 1]} ${p.year}`;
}

/** "Jumat (9/12/2016)": the form used in the body of news copy. */
export function formatNewsDate(instant: Date | number, zone: ZoneLabel, lang: Lang = 'id'): string {
  const p = zonedParts(instant, zone);
  return `${DAYS[lang][p.weekday]} (${p.day}/${p.month}/${p.year})`;
}

/** "08.00 WIB" (Indonesian uses a dot between hours and minutes), "08:00 WIB" in English. */
export function formatTime(instant: Date | number, zone: ZoneLabel, lang: Lang = 'id'): string {
  const p = zonedParts(instant, zone);
  return `${pad2(p.hour)}${lang === 'id' ? '.' : ':'}${pad2(p.minute)} ${zone}`;
}

/** "Senin, 21 Oktober 2019 pukul 10.00 WIB" */
export function formatDateTime(instant: Date | number, zone: ZoneLabel, lang: Lang = 'id'): string {
  return `${formatLongDate(instant, zone, lang)} ${lang === 'id' ? 'pukul' : 'at'} ${formatTime(instant, zone, lang)}`;
}

/** "2026-12-04" → "4 Desember 2026" (a calendar day, no zone involved). */
export function formatDateKey(key: string, lang: Lang = 'id'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return key;
  return `${Number(m[3])} ${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
}

/** "1 Januari s.d. 31 Desember 2026"; the year once when both days share it, the month too when they share that. */
export function formatPeriodKeys(from: string, to: string, lang: Lang = 'id'): string {
  const until = lang === 'id' ? 's.d.' : 'to';
  if (from === to) return formatDateKey(from, lang);
  const a = formatDateKey(from, lang);
  const b = formatDateKey(to, lang);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${a} ${until} ${b}`;
  if (from.slice(0, 7) === to.slice(0, 7) && lang === 'id') return `${Number(from.slice(8))} ${until} ${b}`;
  return `${a.replace(/ \d{4}$/, '')} ${until} ${b}`;
}
