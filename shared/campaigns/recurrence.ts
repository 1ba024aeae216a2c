/**
 * When a themed campaign runs: a day of the week ("every Tuesday": Selasa Tanpa Rokok), an nth
 * weekday of the month ("every first Monday"), or every day of a date range (Hari Jadi Kota,
 * Ramadan). Campaigns are about calendar days, not instants, so everything here works on
 * "YYYY-MM-DD" keys in the office's zone; no time of day, no zone arithmetic.
 */
import { addDaysToKey } from '../agenda/zones';

export const RECURRENCE_KINDS = ['weekly', 'monthly_nth', 'range'] as const;
export type RecurrenceKind = (typeof RECURRENCE_KINDS)[number];

export interface Recurrence {
  kind: RecurrenceKind;
  /** weekly: days of the week, 0 = Sunday … 6 = Saturday (as Date.getUTCDay). */
  weekdays: readonly number[];
  /** monthly_nth: 1..5 (first … fifth), or -1 for the last such weekday of the month. */
  nth: number | null;
  /** monthly_nth: the day of the week. */
  weekday: number | null;
  /** range: the first day; weekly and monthly_nth: from when it runs (null: always). */
  startDate: string | null;
  /** range: the last day; weekly and monthly_nth: until when it runs (null: no end). */
  endDate: string | null;
}

export const WEEKDAY_NAMES: Record<'id' | 'en', readonly string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const NTH_NAMES: Record<'id' | 'en', Record<string, string>> = {
  id: { '1': 'pertama', '2': 'kedua', '3': 'ketiga', '4': 'keempat', '5': 'kelima', '-1': 'terakhir' },
  en: { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last' },
};

/** How far ahead "does it ever occur?" looks for an open-ended rule: two years hold every weekday pattern. */
export const NEVER_HORIZON_DAYS = 2 * 366;
/** A date range longer than this is a typing slip, not a season. */
export const MAX_RANGE_DAYS = 400;

function parts(key: string): [number, number, number] {
  return key.split('-').map(Number) as [number, number, number];
}

export function weekdayOf(key: string): number {
  const [y, m, d] = parts(key);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** True when the campaign's theme applies to day `key`. */
export function occursOn(r: Recurrence, key: string): boolean {
  if (r.startDate && key < r.startDate) return false;
  if (r.endDate && key > r.endDate) return false;
  switch (r.kind) {
    case 'range':
      return r.startDate !== null && r.endDate !== null;
    case 'weekly':
      return r.weekdays.includes(weekdayOf(key));
    case 'monthly_nth': {
      if (r.weekday === null || r.nth === null || weekdayOf(key) !== r.weekday) return false;
      const [y, m, d] = parts(key);
      if (r.nth === -1) return d + 7 > daysInMonth(y, m);
      return Math.ceil(d / 7) === r.nth;
    }
  }
}

/** The days of [from, to] (inclusive) on which the campaign runs. */
export function occurrencesIn(r: Recurrence, from: string, to: string): string[] {
  const out: string[] = [];
  const start = r.startDate && r.startDate > from ? r.startDate : from;
  const end = r.endDate && r.endDate < to ? r.endDate : to;
  for (let day = start; day <= end; day = addDaysToKey(day, 1)) if (occursOn(r, day)) out.push(day);
  return out;
}

/** The first day on or after `from` the campaign runs, within its own end or the horizon; null if never. */
export function firstOccurrence(r: Recurrence, from: string): string | null {
  const start = r.startDate && r.startDate > from ? r.startDate : from;
  const horizon = addDaysToKey(start, NEVER_HORIZON_DAYS);
  const end = r.endDate && r.endDate < horizon ? r.endDate : horizon;
  for (let day = start; day <= end; day = addDaysToKey(day, 1)) if (occursOn(r, day)) return day;
  return null;
}

export interface RecurrenceProblem {
  field: 'weekdays' | 'nth' | 'weekday' | 'startDate' | 'endDate';
  id: string;
  en: string;
}

/**
 * What is wrong with a rule as typed, before it is saved: a missing piece, an end before its
 * start, or a rule that never falls on any day (the fifth Monday of a February-only range).
 * An open-ended rule is judged over the next two years from its start.
 */
export function recurrenceProblem(r: Recurrence): RecurrenceProblem | null {
  if (r.kind === 'weekly' && r.weekdays.length === 0) return { field: 'weekdays', id: 'Pilih paling sedikit satu hari dalam seminggu.', en: 'Choose at least one day of the week.' };
  if (r.kind === 'monthly_nth') {
    if (r.nth === null) return { field: 'nth', id: 'Pilih minggu keberapa dalam bulan.', en: 'Choose which week of the month.' };
    if (r.weekday === null) return { field: 'weekday', id: 'Pilih harinya.', en: 'Choose the day.' };
  }
  if (r.kind === 'range') {
    if (!r.startDate) return { field: 'startDate', id: 'Isi tanggal mulai kampanye.', en: 'Give the first day of the campaign.' };
    if (!r.endDate) return { field: 'endDate', id: 'Isi tanggal akhir kampanye.', en: 'Give the last day of the campaign.' };
  }
  if (r.startDate && r.endDate) {
    if (r.endDate < r.startDate) return { field: 'endDate', id: 'Tanggal akhir sebelum tanggal mulai.', en: 'The last day is before the first.' };
    if (daysBetween(r.startDate, r.endDate) > MAX_RANGE_DAYS)
      return { field: 'endDate', id: `Rentang tanggal lebih dari ${MAX_RANGE_DAYS} hari; periksa tahunnya.`, en: `The range is longer than ${MAX_RANGE_DAYS} days; check the year.` };
  }
  if (firstOccurrence(r, r.startDate ?? '0000-01-01') === null)
    return { field: r.kind === 'monthly_nth' ? 'nth' : 'weekdays', id: 'Aturan ini tidak pernah jatuh pada hari apa pun; ubah hari atau rentang tanggalnya.', en: 'This rule never falls on any day; change its day or date range.' };
  return null;
}

/** "Setiap Selasa", "Setiap Senin pertama", "1–31 Maret 2026" (short dates: the caller formats them). */
export function describeRecurrence(r: Recurrence, language: 'id' | 'en'): string {
  const names = WEEKDAY_NAMES[language];
  const every = language === 'id' ? 'Setiap' : 'Every';
  let text: string;
  if (r.kind === 'weekly') text = `${every} ${[...r.weekdays].sort().map((d) => names[d]).join(', ')}`;
  else if (r.kind === 'monthly_nth') {
    const day = names[r.weekday ?? 0];
    const nth = NTH_NAMES[language][String(r.nth)] ?? '';
    text = language === 'id' ? `${every} ${day} ${nth} dalam sebulan` : `${every} ${nth} ${day} of the month`;
    return withWindow(text, r, language);
  } else return `${r.startDate} – ${r.endDate}`;
  return withWindow(text, r, language);
}

function withWindow(text: string, r: Recurrence, language: 'id' | 'en'): string {
  if (r.startDate && r.endDate) return `${text} (${r.startDate} – ${r.endDate})`;
  if (r.startDate) return `${text} (${language === 'id' ? 'mulai' : 'from'} ${r.startDate})`;
  if (r.endDate) return `${text} (${language === 'id' ? 'sampai' : 'until'} ${r.endDate})`;
  return text;
}
