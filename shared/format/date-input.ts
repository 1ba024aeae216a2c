/**
 * What the app's own date and time fields accept and show. The browser's date/time inputs
 * follow the browser's UI language ("12/03/2026", "08:00 AM"); these follow the app's:
 * a date is shown as "03/12/2026" (day first, as Indonesians write it) and a time as "08.00"
 * (Indonesian puts a dot between hours and minutes; English gets "08:00"). Values stay in the
 * forms the rest of the app stores: "YYYY-MM-DD" and "HH:MM".
 */
import { DAYS, MONTHS, type Lang } from './calendar-words';

export type Parsed = { ok: true; value: string } | { ok: false };

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateKeyOf(year: number, month: number, day: number): Parsed {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false };
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
}

/** Month from its Indonesian or English name or a prefix of at least three letters ("Des", "Agu", "Aug"). */
function monthOfName(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  for (const lang of ['id', 'en'] as const) {
    const i = MONTHS[lang].findIndex((m) => m.toLowerCase().startsWith(w));
    if (i >= 0) return i + 1;
  }
  return null;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * "3/12/2026", "03-12-2026", "3.12.26", "03122026", "3 Desember 2026", "3 des 2026" and the
 * stored "2026-12-03" all give "2026-12-03"; an empty field gives "". Day first always: the app
 * is Indonesian, and a guess between day-first and month-first would silently swap dates.
 */
export function parseDateInput(text: string): Parsed {
  const t = text.trim();
  if (t === '') return { ok: true, value: '' };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return dateKeyOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/.exec(t);
  if (m) return dateKeyOf(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return dateKeyOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})\s+([A-Za-z]+\.?)\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthOfName(m[2]!);
    return month === null ? { ok: false } : dateKeyOf(Number(m[3]), month, Number(m[1]));
  }
  return { ok: false };
}

/** "2026-12-03" → "03/12/2026"; anything else is shown as it is. */
export function formatDateInput(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** "2026-12-03" → "Kamis, 3 Desember 2026": what the field understood, shown next to it. */
export function describeDateKey(value: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return '';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return `${DAYS[lang][weekday]}, ${d} ${MONTHS[lang][mo - 1]} ${y}`;
}

/** The day `days` away from a "YYYY-MM-DD" (calendar arithmetic, no zone involved). */
export function addDaysToDateKey(value: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** "8", "08", "830", "0830", "8.30", "08:30", "8 30" all give "08:30"; an empty field gives "". */
export function parseTimeInput(text: string): Parsed {
  const t = text.trim();
  if (t === '') return { ok: true, value: '' };
  const m = /^(\d{1,2})(?:\s*[.:\s]\s*(\d{2}))?$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return { ok: false };
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return { ok: false };
  return { ok: true, value: `${pad2(h)}:${pad2(min)}` };
}

/** "08:30" → "08.30" in Indonesian, "08:30" in English. */
export function formatTimeInput(value: string, lang: Lang): string {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  return m ? `${m[1]}${lang === 'id' ? '.' : ':'}${m[2]}` : value;
}

/** The time `minutes` away from "HH:MM", wrapping around midnight. */
export function addMinutesToTime(value: string, minutes: number): string {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return value;
  const total = (((Number(m[1]) * 60 + Number(m[2]) + minutes) % 1440) + 1440) % 1440;
  return `${pad2(Math.floor(total / 60))}:${pad2(total % 60)}`;
}
