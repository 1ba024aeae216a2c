/**
 * ICS reading with ical.js, one VEVENT at a time, so one broken event is reported and skipped
 * instead of failing the file. Google Calendar writes TZID=Asia/Jakarta and UTC times; Outlook
 * writes Windows zone names ("SE Asia Standard Time") with its own VTIMEZONE blocks; both fold
 * long lines, which are unfolded first.
 */
import ICAL from 'ical.js';
import { MAX_EVENT_MS, type EventStatus } from '../../../../shared/agenda/event';
import { parseRule, RecurrenceError } from '../../../../shared/agenda/recurrence';
import { instantOfWall, isKnownZone, isZoneLabel, normaliseZone, type EventZone } from '../../../../shared/agenda/zones';
import type { ZoneLabel } from '../../../../shared/office/time-zones';

/** Windows zone names Outlook writes, for the zones an Indonesian office meets most. */
const WINDOWS_ZONES: Record<string, string> = {
  'SE Asia Standard Time': 'Asia/Jakarta',
  'Singapore Standard Time': 'Asia/Singapore',
  'W. Australia Standard Time': 'Australia/Perth',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'UTC': 'UTC',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'Arabian Standard Time': 'Asia/Dubai',
  'Arab Standard Time': 'Asia/Riyadh',
};

export interface ParsedIcsEvent {
  index: number;
  uid: string | null;
  recurrenceIdMs: number | null;
  title: string;
  startMs: number;
  endMs: number | null;
  allDay: boolean;
  zone: EventZone;
  rrule: string | null;
  /** Further RRULEs after the first (RFC 5545 allows several). */
  rruleExtra: string[];
  /** RDATEs: extra starts, with their own end when written as a period. */
  rdates: { startMs: number; endMs: number | null }[];
  /** EXDATEs: an instant, or a whole date (a date-only EXDATE of a timed series removes that day's occurrence). */
  exdates: ({ kind: 'instant'; ms: number } | { kind: 'date'; key: string })[];
  /** The TZID and VTIMEZONE the event was written with, when outside Indonesia's zones (kept for export). */
  icsTzid: string | null;
  icsVtimezone: string | null;
  /** What could not be taken over as written, said per event in the preview. */
  remarks: string[];
  status: EventStatus;
  placeName: string;
  notes: string;
  pressOpen: boolean;
}

export interface SkippedIcsEvent {
  index: number;
  uid: string | null;
  title: string;
  reason: string;
}

export interface ParsedIcs {
  events: ParsedIcsEvent[];
  skipped: SkippedIcsEvent[];
  /** Set when the file as a whole is not a calendar. */
  fileError: string | null;
}

/** Joins folded lines (CRLF or LF followed by a space or tab). */
export function unfold(text: string): string[] {
  return text.replace(/\r\n/g, '\n').replace(/\r/g, '\n').replace(/\n[ \t]/g, '').split('\n');
}

function blocks(lines: string[], name: string): string[][] {
  const out: string[][] = [];
  let cur: string[] | null = null;
  let depth = 0;
  for (const line of lines) {
    const up = line.trim().toUpperCase();
    if (up === `BEGIN:${name}`) {
      if (cur === null) {
        cur = [];
        depth = 0;
      }
      depth += 1;
    }
    if (cur) cur.push(line);
    if (up === `END:${name}` && cur) {
      depth -= 1;
      if (depth === 0) {
        out.push(cur);
        cur = null;
      }
    }
  }
  if (cur) out.push(cur); // an unterminated event is reported by its parse
  return out;
}

function instantOf(t: ICAL.Time, tzid: string | null, officeZone: ZoneLabel, zones: Map<string, ICAL.Timezone>, located?: string | null): { ms: number; zone: EventZone } | string {
  if (t.isDate) return { ms: instantOfWall({ year: t.year, month: t.month, day: t.day, hour: 0, minute: 0 }, officeZone), zone: officeZone };
  if (t.zone === ICAL.Timezone.utcTimezone && !tzid) {
    return { ms: Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second), zone: officeZone };
  }
  if (!tzid) return { ms: instantOfWall({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute }, officeZone), zone: officeZone };
  const clean = tzid.replace(/^\/+/, '').replace(/^"|"$/g, '');
  const iana = located ?? WINDOWS_ZONES[clean] ?? ianaIn(clean) ?? clean;
  if (isKnownZone(iana)) {
    const zone = normaliseZone(iana);
    return { ms: instantOfWall({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute }, zone), zone };
  }
  const vtz = zones.get(clean);
  if (vtz) {
    const local = ICAL.Time.fromData({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second }, vtz);
    return { ms: local.toUnixTime() * 1000, zone: officeZone };
  }
  return `Zona waktu tidak dikenal: ${clean.slice(0, 60)}`;
}

const STATUS: Record<string, EventStatus> = { CONFIRMED: 'confirmed', TENTATIVE: 'tentative', CANCELLED: 'cancelled' };

/** An IANA name inside a TZID or X-LIC-LOCATION ("/mozilla.org/20050126_1/America/Los_Angeles"). */
function ianaIn(text: string | null | undefined): string | null {
  if (!text) return null;
  const clean = text.replace(/^"|"$/g, '');
  if (isKnownZone(clean) && clean.includes('/')) return clean;
  const m = /([A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/.exec(clean);
  return m && isKnownZone(m[1]!) ? m[1]! : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parseIcs(text: string, officeZone: ZoneLabel, maxEvents: number): ParsedIcs {
  const lines = unfold(text);
  const firstReal = lines.find((l) => l.trim() !== '');
  if (!firstReal || firstReal.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    return { events: [], skipped: [], fileError: 'Berkas ini bukan kalender ICS (tidak diawali BEGIN:VCALENDAR).' };
  }
  const eventBlocks = blocks(lines, 'VEVENT');
  if (eventBlocks.length > maxEvents) {
    return { events: [], skipped: [], fileError: `Berkas berisi ${eventBlocks.length} kegiatan; paling banyak ${maxEvents} per impor. Pecah berkasnya lalu impor bertahap.` };
  }
  const zones = new Map<string, ICAL.Timezone>();
  const vtimezoneText = new Map<string, string>();
  const located = new Map<string, string>();
  for (const b of blocks(lines, 'VTIMEZONE')) {
    try {
      const comp = new ICAL.Component(ICAL.parse(b.join('\r\n')));
      const tz = new ICAL.Timezone(comp);
      if (tz.tzid) {
        zones.set(tz.tzid, tz);
        vtimezoneText.set(tz.tzid, b.join('\r\n'));
        const loc = ianaIn(String(comp.getFirstPropertyValue('x-lic-location') ?? '')) ?? ianaIn(tz.tzid);
        if (loc) located.set(tz.tzid, loc);
      }
    } catch {
      // A broken VTIMEZONE only matters to the events that use it; they report it.
    }
  }
  const tzOf = (tzid: string | null) => {
    if (!tzid) return null;
    const clean = tzid.replace(/^\/+/, '').replace(/^"|"$/g, '');
    return located.get(tzid) ?? located.get(clean) ?? null;
  };
  const events: ParsedIcsEvent[] = [];
  const skipped: SkippedIcsEvent[] = [];
  eventBlocks.forEach((b, index) => {
    const rawUid = b.find((l) => /^UID[:;]/i.test(l))?.replace(/^UID[^:]*:/i, '').trim() ?? null;
    const rawTitle = b.find((l) => /^SUMMARY[:;]/i.test(l))?.replace(/^SUMMARY[^:]*:/i, '').trim() ?? '';
    const skip = (reason: string) => skipped.push({ index, uid: rawUid, title: rawTitle.slice(0, 300), reason });
    if (b[b.length - 1]?.trim().toUpperCase() !== 'END:VEVENT') return skip('Kegiatan tidak ditutup dengan END:VEVENT (berkas terpotong?).');
    const bad = b.find((l) => l.trim() !== '' && !/^[A-Za-z0-9-]+[;:]/.test(l));
    if (bad !== undefined) return skip(`Baris rusak: "${bad.slice(0, 60)}"`);
    let comp: ICAL.Component;
    try {
      comp = new ICAL.Component(ICAL.parse(b.join('\r\n')));
    } catch (err) {
      return skip(`Tidak dapat dibaca: ${(err as Error).message.slice(0, 120)}`);
    }
    const uid = (comp.getFirstPropertyValue('uid') as string | null) ?? null;
    const title = String(comp.getFirstPropertyValue('summary') ?? '').trim() || '(tanpa judul)';
    const dtstart = comp.getFirstProperty('dtstart');
    if (!dtstart) return skip('DTSTART (waktu mulai) tidak ada.');
    const st = dtstart.getFirstValue() as ICAL.Time | null;
    if (!st || typeof st !== 'object' || !('year' in st)) return skip('DTSTART tidak berisi tanggal yang sah.');
    const startTzid = (dtstart.getParameter('tzid') as string | undefined) ?? null;
    const start = instantOf(st, startTzid, officeZone, zones, tzOf(startTzid));
    if (typeof start === 'string') return skip(start);
    let endMs: number | null = null;
    const dtend = comp.getFirstProperty('dtend');
    if (dtend) {
      const et = dtend.getFirstValue() as ICAL.Time;
      const endTzid = (dtend.getParameter('tzid') as string | undefined) ?? null;
      const end = instantOf(et, endTzid, officeZone, zones, tzOf(endTzid));
      if (typeof end === 'string') return skip(end);
      endMs = end.ms;
    } else {
      const dur = comp.getFirstPropertyValue('duration') as ICAL.Duration | null;
      if (dur) endMs = start.ms + dur.toSeconds() * 1000;
    }
    if (endMs !== null && endMs < start.ms) return skip('Waktu selesai sebelum waktu mulai.');
    if (endMs !== null && endMs === start.ms) endMs = null;
    if (endMs !== null && endMs - start.ms > MAX_EVENT_MS) return skip('Kegiatan lebih dari 14 hari.');
    const remarks: string[] = [];
    const rules: string[] = [];
    for (const rr of comp.getAllProperties('rrule')) {
      const rule = (rr.getFirstValue() as ICAL.Recur).toString();
      try {
        parseRule(rule);
      } catch (err) {
        return skip(err instanceof RecurrenceError ? err.message : 'Aturan pengulangan tidak sah.');
      }
      rules.push(rule);
    }
    const rrule = rules[0] ?? null;
    if (rules.length > 1) remarks.push(`${rules.length} aturan pengulangan (RRULE) diimpor semua.`);
    if (comp.getAllProperties('exrule').length) remarks.push('EXRULE (aturan pengecualian, sudah dihapus dari RFC 5545) tidak didukung dan diabaikan; periksa jadwal yang seharusnya tidak ada.');
    const tzName = startTzid?.replace(/^\/+/, '').replace(/^"|"$/g, '') ?? null;
    const foreign = !st.isDate && startTzid !== null && !isZoneLabel(start.zone);
    if (rrule && startTzid && !st.isDate && start.zone === officeZone && !tzOf(startTzid) && !WINDOWS_ZONES[tzName ?? ''] && !isKnownZone(tzName ?? '')) {
      const tz = zones.get(startTzid) ?? zones.get(tzName ?? '');
      const changes = tz ? new Set(tz.component.getAllSubcomponents().map((c) => String(c.getFirstPropertyValue('tzoffsetto')))).size > 1 : false;
      if (changes) remarks.push(`Zona waktu "${(tzName ?? '').slice(0, 60)}" berganti jam musim panas dan tidak dikenal: jadwal berulang dihitung pada jam ${officeZone} yang sama, bisa bergeser satu jam.`);
    }
    let recurrenceIdMs: number | null = null;
    const rid = comp.getFirstProperty('recurrence-id');
    if (rid) {
      const r = instantOf(rid.getFirstValue() as ICAL.Time, (rid.getParameter('tzid') as string | undefined) ?? null, officeZone, zones);
      if (typeof r === 'string') return skip(r);
      recurrenceIdMs = r.ms;
    }
    const exdates: ParsedIcsEvent['exdates'] = [];
    for (const ex of comp.getAllProperties('exdate')) {
      const tzid = (ex.getParameter('tzid') as string | undefined) ?? null;
      for (const v of ex.getValues() as ICAL.Time[]) {
        // A date-only EXDATE of a timed series means "not on that day" (ical.js compares dates only), not an instant at midnight.
        if (v.isDate && !st.isDate) {
          exdates.push({ kind: 'date', key: `${v.year}-${pad(v.month)}-${pad(v.day)}` });
          continue;
        }
        const r = instantOf(v, tzid, officeZone, zones, tzOf(tzid));
        if (typeof r !== 'string') exdates.push({ kind: 'instant', ms: r.ms });
        else remarks.push(`EXDATE diabaikan: ${r}`);
      }
    }
    const rdates: ParsedIcsEvent['rdates'] = [];
    for (const rd of comp.getAllProperties('rdate')) {
      const tzid = (rd.getParameter('tzid') as string | undefined) ?? null;
      for (const v of rd.getValues() as (ICAL.Time | ICAL.Period)[]) {
        if (v instanceof ICAL.Period) {
          const a = instantOf(v.start, tzid, officeZone, zones, tzOf(tzid));
          const endTime = v.getEnd();
          const b = instantOf(endTime, tzid, officeZone, zones, tzOf(tzid));
          if (typeof a === 'string' || typeof b === 'string') remarks.push(`RDATE diabaikan: ${typeof a === 'string' ? a : b}`);
          else rdates.push({ startMs: a.ms, endMs: b.ms > a.ms ? b.ms : null });
          continue;
        }
        if (v.isDate && !st.isDate) {
          // A date-only RDATE of a timed series: the series' own time of day on that date.
          const w = ICAL.Time.fromData({ year: v.year, month: v.month, day: v.day, hour: st.hour, minute: st.minute, second: st.second });
          const r = instantOf(w, startTzid, officeZone, zones, tzOf(startTzid));
          if (typeof r !== 'string') {
            rdates.push({ startMs: r.ms, endMs: endMs === null ? null : r.ms + (endMs - start.ms) });
            remarks.push(`RDATE ${v.year}-${pad(v.month)}-${pad(v.day)} tanpa jam: diimpor pada jam kegiatan ini.`);
          }
          continue;
        }
        const r = instantOf(v, tzid, officeZone, zones, tzOf(tzid));
        if (typeof r === 'string') remarks.push(`RDATE diabaikan: ${r}`);
        else rdates.push({ startMs: r.ms, endMs: endMs === null ? null : r.ms + (endMs - start.ms) });
      }
    }
    if (rdates.length && !rrule) remarks.push(`${rdates.length} tanggal tambahan (RDATE) diimpor sebagai jadwal tersendiri.`);
    const cls = String(comp.getFirstPropertyValue('class') ?? 'PUBLIC').toUpperCase();
    events.push({
      index,
      uid: uid ? uid.slice(0, 300) : null,
      recurrenceIdMs,
      title: title.slice(0, 300),
      startMs: start.ms,
      endMs,
      allDay: st.isDate,
      zone: start.zone,
      rrule,
      rruleExtra: rules.slice(1),
      rdates,
      exdates,
      icsTzid: foreign ? tzName : null,
      icsVtimezone: foreign && startTzid ? (vtimezoneText.get(startTzid) ?? vtimezoneText.get(tzName ?? '') ?? null) : null,
      remarks,
      status: STATUS[String(comp.getFirstPropertyValue('status') ?? 'CONFIRMED').toUpperCase()] ?? 'confirmed',
      placeName: String(comp.getFirstPropertyValue('location') ?? '').slice(0, 300),
      notes: String(comp.getFirstPropertyValue('description') ?? '').slice(0, 4000),
      pressOpen: cls === 'PUBLIC',
    });
  });
  return { events, skipped, fileError: null };
}
