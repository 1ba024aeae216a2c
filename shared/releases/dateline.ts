/**
 * The dateline (*baris tanggal*) of a release, in the form the office chose (office profile,
 * `datelineForm`). One formatter for every place that shows it: the new release's opening
 * text, the exports (PDF, DOCX, HTML, text, WhatsApp, email) and Beranda's preview.
 *
 * - `kota`: "SURAKARTA – " opens the body and the date stands on its own line above it
 *   ("Surakarta, Kamis, 3 Desember 2026").
 * - `kota-hari-tanggal`: "SURAKARTA, Kamis (3/12/2026) – " (the form of most regional news).
 * - `kota-tanggal`: "SURAKARTA, 3 Desember 2026 – ".
 */
import { formatLongDate, instantFromZoned, zonedParts } from '../format/dates';
import type { ZoneLabel } from '../office/time-zones';
import type { PmNode } from './body-text';

export const DATELINE_FORMS = ['kota', 'kota-hari-tanggal', 'kota-tanggal'] as const;
export type DatelineForm = (typeof DATELINE_FORMS)[number];
export const DEFAULT_DATELINE_FORM: DatelineForm = 'kota';

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DASH = '–';

export interface DatelineParts {
  /** Printed in bold capitals. */
  city: string;
  /** What follows the city up to and including the dash and its space. */
  tail: string;
}

function dayOf(dateKey: string, zone: ZoneLabel): { weekday: number; day: number; month: number; year: number } {
  const [y, m, d] = dateKey.split('-').map(Number) as [number, number, number];
  const p = zonedParts(instantFromZoned({ year: y, month: m, day: d, hour: 12, minute: 0 }, zone), zone);
  return { weekday: p.weekday, day: p.day, month: p.month, year: p.year };
}

/** The opening of the body: "SURAKARTA, Kamis (3/12/2026) – ". */
export function datelineOpening(form: DatelineForm, city: string, dateKey: string, zone: ZoneLabel): DatelineParts {
  const c = city.trim().toUpperCase();
  if (!dateKey || form === 'kota') return { city: c, tail: ` ${DASH} ` };
  const d = dayOf(dateKey, zone);
  if (form === 'kota-hari-tanggal') return { city: c, tail: `, ${DAYS[d.weekday]} (${d.day}/${d.month}/${d.year}) ${DASH} ` };
  return { city: c, tail: `, ${d.day} ${MONTHS[d.month - 1]} ${d.year} ${DASH} ` };
}

export function datelineText(form: DatelineForm, city: string, dateKey: string, zone: ZoneLabel): string {
  const p = datelineOpening(form, city, dateKey, zone);
  return p.city ? p.city + p.tail : p.tail.replace(/^,?\s*/, '');
}

/** The separate date line above the body, only in the `kota` form: "Surakarta, Kamis, 3 Desember 2026". */
export function datelineDateLine(form: DatelineForm, city: string, dateKey: string, zone: ZoneLabel): string | null {
  if (form !== 'kota' || !dateKey) return null;
  const [y, m, d] = dateKey.split('-').map(Number) as [number, number, number];
  const date = formatLongDate(instantFromZoned({ year: y, month: m, day: d, hour: 12, minute: 0 }, zone), zone);
  return city.trim() ? `${city.trim()}, ${date}` : date;
}

const DAY_WORD = '(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum\'at|Sabtu|Minggu|Ahad)';
const MONTH_WORD = `(?:${MONTHS.join('|')}|Agu|Sep|Okt|Nov|Des|Jan|Feb|Mar|Apr|Jun|Jul)`;
const DATE_PART = `(?:,?\\s*${DAY_WORD}?\\s*,?\\s*(?:\\(\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?\\)|\\d{1,2}\\s+${MONTH_WORD}\\.?\\s+\\d{4}|\\d{1,2}\\/\\d{1,2}\\/\\d{2,4})|,\\s*${DAY_WORD})`;
const LEADING = new RegExp(`^\\s*([\\p{Lu}][\\p{L}.'’]*(?:[ -][\\p{L}.'’]+){0,3}?)(${DATE_PART})?(\\s*\\([\\p{L} ./]{2,30}\\))?\\s*[–—-]{1,2}\\s+`, 'u');

/**
 * A dateline at the start of a text ("SURAKARTA – ", "Surakarta, Kamis (3/12/2026) – ",
 * "SOLO (ANTARA) – "), or null. To tell a dateline from a sentence that happens to have a dash,
 * the city must be in capitals, carry a date, or be the city the release names.
 */
export function splitDateline(text: string, knownCity = ''): { city: string; length: number } | null {
  const m = LEADING.exec(text);
  if (!m) return null;
  const city = m[1]!;
  const capitals = city === city.toUpperCase() && /\p{Lu}{2}/u.test(city);
  const dated = !!m[2];
  const known = knownCity.trim() !== '' && city.toLowerCase() === knownCity.trim().toLowerCase();
  if (!capitals && !dated && !known) return null;
  return { city, length: m[0].length };
}

/**
 * The body with its leading dateline written in the office's form: the city stays as the
 * writer typed it (capitals, bold), the date comes from the release date. A body that does
 * not open with a dateline is returned as it is.
 */
export function applyDateline(body: PmNode, form: DatelineForm, knownCity: string, dateKey: string, zone: ZoneLabel): PmNode {
  const first = body.content?.[0];
  if (!first || first.type !== 'paragraph' || !first.content?.length) return body;
  let lead = '';
  for (const n of first.content) {
    if (n.type !== 'text') break;
    lead += n.text ?? '';
  }
  const found = splitDateline(lead, knownCity);
  if (!found) return body;
  let drop = found.length;
  const rest: PmNode[] = [];
  for (const n of first.content) {
    if (drop > 0 && n.type === 'text') {
      const t = n.text ?? '';
      if (t.length <= drop) {
        drop -= t.length;
        continue;
      }
      rest.push({ ...n, text: t.slice(drop) });
      drop = 0;
      continue;
    }
    rest.push(n);
  }
  const parts = datelineOpening(form, found.city, dateKey, zone);
  const opening: PmNode[] = [{ type: 'text', text: parts.city, marks: [{ type: 'bold' }] }, { type: 'text', text: parts.tail }];
  return { ...body, content: [{ ...first, content: [...opening, ...rest] }, ...(body.content ?? []).slice(1)] };
}
