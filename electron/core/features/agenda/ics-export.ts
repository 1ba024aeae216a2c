/**
 * ICS export, written with ical.js (the same library that reads calendars in): a PUBLISH
 * calendar in the office's zone (X-WR-TIMEZONE) whose events each keep their own zone. An
 * event in an Indonesian zone carries Warta's VTIMEZONE (fixed offset); a series held
 * elsewhere keeps the TZID and VTIMEZONE it was imported with, or gets one made from the
 * runtime's zone data, so other calendars expand its RRULE on the right days and hours
 * (a weekly Monday 09.00 in Los Angeles stays Monday 09.00 there across daylight saving).
 * UIDs are stable: the imported UID when there was one, otherwise `<event id>@warta`.
 * Moved and cancelled occurrences are VEVENTs with the series' UID and a RECURRENCE-ID;
 * occurrences the rules do not give (imported RDATEs) are RDATEs of the series.
 */
import ICAL from 'ical.js';
import type { AgendaEvent } from '../../../../shared/agenda/event';
import { ROLE_LABEL_ID, STATUS_LABEL_ID } from '../../../../shared/agenda/event';
import { expandRule } from '../../../../shared/agenda/recurrence';
import { isZoneLabel, offsetMinutes, wallTimeOf, type EventZone } from '../../../../shared/agenda/zones';
import { formatDateTime } from '../../../../shared/format/dates';
import { TIME_ZONES, type ZoneLabel } from '../../../../shared/office/time-zones';

const LABEL_OF: Record<string, ZoneLabel> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export function vtimezone(tzid: string): string | null {
  const label = LABEL_OF[tzid];
  if (!label) return null;
  const off = `+${String(TIME_ZONES[label].offsetHours).padStart(2, '0')}00`;
  return ['BEGIN:VTIMEZONE', `TZID:${tzid}`, `X-LIC-LOCATION:${tzid}`, 'BEGIN:STANDARD', `TZOFFSETFROM:${off}`, `TZOFFSETTO:${off}`, `TZNAME:${label}`, 'DTSTART:19700101T000000', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const offsetText = (min: number) => `${min < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(min) / 60))}${pad(Math.abs(min) % 60)}`;

/**
 * A VTIMEZONE for an IANA zone from the runtime's zone data: every offset change between two
 * years as an RDATE of a STANDARD or DAYLIGHT part (found day by day, then to the minute).
 */
export function vtimezoneFromRuntime(zone: string, fromYear: number, toYear: number): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  let t = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  let before = offsetMinutes(zone, t);
  const first = before;
  const parts: { at: number; from: number; to: number }[] = [];
  for (; t < end; t += 86_400_000) {
    const next = offsetMinutes(zone, t + 86_400_000);
    if (next === before) continue;
    let lo = t;
    let hi = t + 86_400_000;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    parts.push({ at: hi, from: before, to: next });
    before = next;
  }
  const local = (ms: number, off: number) => {
    const d = new Date(ms + off * 60_000);
    return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
  };
  if (parts.length === 0) {
    lines.push('BEGIN:STANDARD', `TZOFFSETFROM:${offsetText(first)}`, `TZOFFSETTO:${offsetText(first)}`, 'DTSTART:19700101T000000', 'END:STANDARD');
  } else {
    // Standard time is the smaller offset; each change is its own observance with its start.
    const std = Math.min(...parts.map((p) => p.to));
    for (const p of parts) {
      const kind = p.to === std ? 'STANDARD' : 'DAYLIGHT';
      lines.push(`BEGIN:${kind}`, `TZOFFSETFROM:${offsetText(p.from)}`, `TZOFFSETTO:${offsetText(p.to)}`, `DTSTART:${local(p.at, p.from)}`, `END:${kind}`);
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

export const uidOf = (e: Pick<AgendaEvent, 'id' | 'icsUid'>) => e.icsUid ?? `${e.id}@warta`;

export interface IcsPerson {
  name: string;
  position: string;
}

export interface IcsContext {
  officeZone: ZoneLabel;
  name: string;
  stampMs: number;
  /** Officials by id: the leaders attend, the accompanying officials too (ATTENDEE). */
  people: ReadonlyMap<string, IcsPerson>;
  /** The office as organizer of what it publishes. */
  organizer: { name: string; email: string };
}

/** The zone an event is written in: its TZID, and the VTIMEZONE text for it. */
function zoneOf(e: AgendaEvent, officeZone: ZoneLabel): { tzid: string; zone: EventZone; block: () => string } {
  if (isZoneLabel(e.zone)) {
    const iana = TIME_ZONES[e.zone].iana;
    return { tzid: iana, zone: e.zone, block: () => vtimezone(iana) ?? '' };
  }
  if (e.icsTzid && e.icsVtimezone) return { tzid: e.icsTzid, zone: e.zone, block: () => e.icsVtimezone ?? '' };
  if (e.zone && e.zone !== officeZone) {
    const y = new Date(e.startMs).getUTCFullYear();
    return { tzid: e.zone, zone: e.zone, block: () => vtimezoneFromRuntime(e.zone, y - 1, y + 10) };
  }
  const iana = TIME_ZONES[officeZone].iana;
  return { tzid: iana, zone: officeZone, block: () => vtimezone(iana) ?? '' };
}

function timeIn(ms: number, zone: EventZone, tzid: string, allDay: boolean): ICAL.Time {
  const w = wallTimeOf(ms, zone);
  if (allDay) return ICAL.Time.fromData({ year: w.year, month: w.month, day: w.day, isDate: true });
  // A floating time: the TZID parameter on the property says whose wall clock it is.
  void tzid;
  return ICAL.Time.fromData({ year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: 0, isDate: false });
}

function setTime(comp: ICAL.Component, name: string, time: ICAL.Time, tzid: string, allDay: boolean): void {
  const p = new ICAL.Property(name, comp);
  p.setValue(time);
  if (!allDay) p.setParameter('tzid', tzid);
  comp.addProperty(p);
}

function person(comp: ICAL.Component, name: 'attendee' | 'organizer', id: string, p: { cn: string; role?: string; email?: string }): void {
  const prop = new ICAL.Property(name, comp);
  // Officials have no address here: a stable URN names them; CN is what calendars show.
  prop.setValue(p.email ? `mailto:${p.email}` : `urn:uuid:${id}`);
  prop.setParameter('cn', p.cn);
  if (name === 'attendee') {
    prop.setParameter('role', p.role ?? 'REQ-PARTICIPANT');
    prop.setParameter('cutype', 'INDIVIDUAL');
    prop.setParameter('partstat', 'ACCEPTED');
  }
  comp.addProperty(prop);
}

export function exportIcs(events: readonly AgendaEvent[], seriesById: ReadonlyMap<string, AgendaEvent>, c: IcsContext): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('prodid', '-//Warta//Agenda Pimpinan//ID');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('x-wr-calname', c.name);
  cal.addPropertyWithValue('x-wr-timezone', TIME_ZONES[c.officeZone].iana);
  const zones = new Map<string, string>();
  const vevents: ICAL.Component[] = [];
  const exceptionsOf = new Map<string, AgendaEvent[]>();
  for (const e of events) if (e.seriesId) exceptionsOf.set(e.seriesId, [...(exceptionsOf.get(e.seriesId) ?? []), e]);
  const stamp = ICAL.Time.fromJSDate(new Date(c.stampMs), true);
  const officeId = '00000000-0000-7000-8000-000000000001';

  for (const e of events) {
    const series = e.seriesId ? seriesById.get(e.seriesId) : undefined;
    if (e.seriesId && !series) continue;
    const z = zoneOf(series ?? e, c.officeZone);
    if (!zones.has(z.tzid)) zones.set(z.tzid, z.block());
    const v = new ICAL.Component('vevent');
    v.addPropertyWithValue('uid', series ? uidOf(series) : uidOf(e));
    v.addPropertyWithValue('dtstamp', stamp);
    // A postponed event with its new date stays on the calendar at that date, not CANCELLED.
    const moved = e.status === 'postponed' && e.postponedToMs !== null;
    const startMs = moved ? (e.postponedToMs as number) : e.startMs;
    const endMs = e.endMs === null ? null : startMs + (e.endMs - e.startMs);
    setTime(v, 'dtstart', timeIn(startMs, z.zone, z.tzid, e.allDay), z.tzid, e.allDay);
    if (endMs !== null) setTime(v, 'dtend', timeIn(endMs, z.zone, z.tzid, e.allDay), z.tzid, e.allDay);
    if (series && e.originalStartMs !== null) setTime(v, 'recurrence-id', timeIn(e.originalStartMs, z.zone, z.tzid, series.allDay), z.tzid, series.allDay);
    v.addPropertyWithValue('summary', e.title);
    const place = [e.placeName, e.placeAddress].filter(Boolean).join(', ');
    if (place) v.addPropertyWithValue('location', place);
    const named = (ids: string[]) => ids.map((id) => [id, c.people.get(id)] as const).filter((x): x is readonly [string, IcsPerson] => !!x[1]);
    const companions = [...named(e.companionIds).map(([, p]) => `${p.position} (${p.name})`), e.companionsText].filter(Boolean);
    const desc = [
      e.leaderRole ? `Peran: ${ROLE_LABEL_ID[e.leaderRole]}` : '',
      e.dressCode ? `Pakaian: ${e.dressCode}` : '',
      companions.length ? `Pendamping: ${companions.join('; ')}` : '',
      e.status === 'represented' && e.representedBy ? `Diwakilkan oleh ${e.representedBy}` : '',
      moved ? `${STATUS_LABEL_ID.postponed} dari ${formatDateTime(e.startMs, c.officeZone)}` : '',
      e.status === 'postponed' && !moved ? 'Ditunda; tanggal baru belum ditetapkan.' : '',
      e.notes,
    ].filter(Boolean);
    if (desc.length) v.addPropertyWithValue('description', desc.join('\n'));
    v.addPropertyWithValue('status', e.status === 'cancelled' ? 'CANCELLED' : e.status === 'tentative' || (e.status === 'postponed' && !moved) ? 'TENTATIVE' : 'CONFIRMED');
    v.addPropertyWithValue('class', e.pressOpen ? 'PUBLIC' : 'CONFIDENTIAL');
    person(v, 'organizer', officeId, { cn: c.organizer.name || 'Warta', email: c.organizer.email || undefined });
    for (const [id, p] of named(e.leaderIds)) person(v, 'attendee', id, { cn: `${p.position} – ${p.name}`, role: 'CHAIR' });
    for (const [id, p] of named(e.companionIds)) person(v, 'attendee', id, { cn: `${p.position} – ${p.name}`, role: 'OPT-PARTICIPANT' });
    if (!series && e.rrule) {
      for (const rule of [e.rrule, ...e.rruleExtra]) v.addPropertyWithValue('rrule', ICAL.Recur.fromString(rule.replace(/^RRULE:/i, '')));
      // Occurrences the rules do not give (an imported RDATE) are RDATEs, so the overrides below refer to real instances.
      const spec = { startMs: e.startMs, durationMs: e.endMs === null ? null : e.endMs - e.startMs, zone: e.zone, rrule: e.rrule, extraRules: e.rruleExtra };
      for (const x of exceptionsOf.get(e.id) ?? []) {
        const o = x.originalStartMs;
        if (o === null) continue;
        if (!expandRule(spec, o - 1, o + 1).occurrences.some((y) => y.originalStartMs === o)) setTime(v, 'rdate', timeIn(o, z.zone, z.tzid, e.allDay), z.tzid, e.allDay);
      }
    }
    v.addPropertyWithValue('x-warta-kind', e.kind);
    vevents.push(v);
  }
  for (const block of zones.values()) if (block) cal.addSubcomponent(new ICAL.Component(ICAL.parse(block)));
  for (const v of vevents) cal.addSubcomponent(v);
  return cal.toString() + '\r\n';
}
