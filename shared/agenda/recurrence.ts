/**
 * RRULE expansion with single-occurrence exceptions. A series is expanded in the wall time of
 * its zone (so "every Monday 08.00 WITA" stays at 08.00), then each occurrence becomes an
 * instant. Expansion is always bounded: by a window and by a hard cap on iterations, so an
 * endless rule never runs forever.
 */
import ICAL from 'ical.js';
import { instantOfWall, wallTimeOf, type EventZone } from './zones';

/** Iterations per expansion; daily for 100 years is ~36,500, so this never cuts a real agenda. */
export const MAX_ITERATIONS = 50_000;
/** Occurrences returned per expansion. */
export const MAX_OCCURRENCES = 5_000;

export interface SeriesSpec {
  startMs: number;
  /** null: "s.d. selesai". */
  durationMs: number | null;
  zone: EventZone;
  rrule: string;
  /** Further RRULEs of the same series (RFC 5545 allows several; an imported Outlook or Google series may have them). */
  extraRules?: readonly string[];
}

export interface Occurrence {
  /** The start the rule gives this occurrence (the key of an exception). */
  originalStartMs: number;
  startMs: number;
  endMs: number | null;
}

export interface ExpansionResult {
  occurrences: Occurrence[];
  /** True when a cap stopped the expansion before the window's end. */
  truncated: boolean;
}

export class RecurrenceError extends Error {}

/** Parses and checks an RRULE; throws RecurrenceError with an Indonesian message. */
export function parseRule(rrule: string): ICAL.Recur {
  const text = rrule.trim().replace(/^RRULE:/i, '');
  if (!/^FREQ=/i.test(text) && !/;FREQ=/i.test(text)) throw new RecurrenceError('Aturan pengulangan harus memuat FREQ (mis. FREQ=WEEKLY).');
  let recur: ICAL.Recur;
  try {
    recur = ICAL.Recur.fromString(text);
  } catch (err) {
    throw new RecurrenceError(`Aturan pengulangan tidak dapat dibaca: ${(err as Error).message}`);
  }
  if (!recur.freq || !['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(recur.freq)) {
    throw new RecurrenceError('Frekuensi pengulangan tidak dikenal.');
  }
  if (['SECONDLY', 'MINUTELY', 'HOURLY'].includes(recur.freq)) throw new RecurrenceError('Pengulangan per jam atau lebih sering tidak didukung untuk agenda.');
  return recur;
}

/** One rule's starts, in order, as instants. */
function ruleStarts(spec: SeriesSpec, rrule: string): () => number | null {
  const recur = parseRule(rrule);
  const w = wallTimeOf(spec.startMs, spec.zone);
  // The series is expanded in wall time; an UNTIL in UTC (as RFC 5545 requires with a TZID) is
  // turned into the same zone's wall time, or a late-evening last occurrence would be lost.
  if (recur.until && !recur.until.isDate && recur.until.zone === ICAL.Timezone.utcTimezone) {
    const u = recur.until;
    const untilMs = Date.UTC(u.year, u.month - 1, u.day, u.hour, u.minute, u.second);
    const uw = wallTimeOf(untilMs, spec.zone);
    recur.until = ICAL.Time.fromData({ year: uw.year, month: uw.month, day: uw.day, hour: uw.hour, minute: uw.minute, second: u.second, isDate: false });
  }
  const dtstart = ICAL.Time.fromData({ year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: 0, isDate: false });
  const it = recur.iterator(dtstart);
  const toMs = (t: ICAL.Time) => instantOfWall({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute }, spec.zone);
  // RFC 5545: DTSTART is always the first occurrence and counts toward COUNT, even when the
  // rule alone would not give it (a "first Friday" series starting on a Monday); ical.js agrees.
  const first = toMs(dtstart);
  let emitted = 0;
  let started = false;
  return () => {
    if (recur.count && emitted >= recur.count) return null;
    if (!started) {
      started = true;
      emitted += 1;
      return first;
    }
    for (;;) {
      const t = it.next();
      if (!t) return null;
      const ms = toMs(t);
      if (ms === first) continue;
      emitted += 1;
      return ms;
    }
  };
}

/**
 * Visits the series' starts in time order: the union of its rules (an instant two rules both
 * give is one occurrence, as RFC 5545 says). Returns true when the iteration cap stopped it.
 */
function iterate(spec: SeriesSpec, visit: (startMs: number) => boolean): boolean {
  const rules = [spec.rrule, ...(spec.extraRules ?? [])].map((r) => ruleStarts(spec, r));
  const next = rules.map((r) => r());
  let last = -Infinity;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    let min = Infinity;
    for (const n of next) if (n !== null && n < min) min = n;
    if (min === Infinity) return false;
    next.forEach((n, k) => {
      if (n === min) next[k] = rules[k]!();
    });
    if (min === last) continue;
    last = min;
    if (!visit(min)) return false;
  }
  return true;
}

/** Occurrences of the rule (before exceptions) overlapping [from, to). */
export function expandRule(spec: SeriesSpec, from: number, to: number, openEndMs = 0): ExpansionResult {
  const occurrences: Occurrence[] = [];
  const reach = spec.durationMs ?? openEndMs;
  let truncated = false;
  const capped = iterate(spec, (startMs) => {
    if (startMs >= to) return false;
    if (startMs >= from || startMs + reach > from) {
      occurrences.push({ originalStartMs: startMs, startMs, endMs: spec.durationMs === null ? null : startMs + spec.durationMs });
      if (occurrences.length >= MAX_OCCURRENCES) {
        truncated = true;
        return false;
      }
    }
    return true;
  });
  return { occurrences, truncated: truncated || capped };
}

/** The end of the last occurrence, or null when the rule has no end (or more than the cap). */
export function seriesEnd(spec: SeriesSpec): number | null {
  for (const rule of [spec.rrule, ...(spec.extraRules ?? [])]) {
    const recur = parseRule(rule);
    if (!recur.until && !recur.count) return null;
  }
  let last = spec.startMs;
  const capped = iterate(spec, (startMs) => {
    last = startMs;
    return true;
  });
  if (capped) return null;
  return last + (spec.durationMs ?? 0);
}

export interface ExceptionSpec {
  originalStartMs: number;
  cancelled: boolean;
}

/**
 * Applies exceptions: a cancelled occurrence disappears, a moved one is dropped from the rule's
 * list (its exception row is shown in its place by the caller, at its new time).
 */
export function applyExceptions(occurrences: Occurrence[], exceptions: ReadonlyMap<number, ExceptionSpec>): Occurrence[] {
  return occurrences.filter((o) => !exceptions.has(o.originalStartMs));
}

/** A short Indonesian description of common rules, for the form and the list. */
export function describeRule(rrule: string): string {
  let recur: ICAL.Recur;
  try {
    recur = parseRule(rrule);
  } catch {
    return rrule;
  }
  const interval = recur.interval ?? 1;
  const unit: Record<string, string> = { DAILY: 'hari', WEEKLY: 'minggu', MONTHLY: 'bulan', YEARLY: 'tahun' };
  const days: Record<string, string> = { MO: 'Senin', TU: 'Selasa', WE: 'Rabu', TH: 'Kamis', FR: 'Jumat', SA: 'Sabtu', SU: 'Minggu' };
  let text = interval === 1 ? `Setiap ${unit[recur.freq] ?? recur.freq}` : `Setiap ${interval} ${unit[recur.freq] ?? recur.freq}`;
  const byday = recur.parts.BYDAY as string[] | undefined;
  if (byday?.length) text += ` (${byday.map((d) => days[d.slice(-2)] ?? d).join(', ')})`;
  if (recur.count) text += `, ${recur.count} kali`;
  else if (recur.until) text += `, sampai ${recur.until.day}/${recur.until.month}/${recur.until.year}`;
  else text += ', tanpa akhir';
  return text;
}
