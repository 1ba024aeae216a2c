/**
 * ICS export with ical-generator. Indonesian zones get their own VTIMEZONE (fixed offsets, no
 * DST); an event held elsewhere is written in the office's zone. UIDs are stable: the imported
 * UID when there was one, otherwise `<event id>@warta`. Moved and cancelled occurrences are
 * VEVENTs with the series' UID and a RECURRENCE-ID.
 */
import { TZDate } from '@date-fns/tz';
import ical, { ICalEventStatus } from 'ical-generator';
import type { AgendaEvent } from '../../../../shared/agenda/event';
import { ROLE_LABEL_ID } from '../../../../shared/agenda/event';
import { isZoneLabel } from '../../../../shared/agenda/zones';
import { TIME_ZONES, type ZoneLabel } from '../../../../shared/office/time-zones';

const LABEL_OF: Record<string, ZoneLabel> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export function vtimezone(tzid: string): string | null {
  const label = LABEL_OF[tzid];
  if (!label) return null;
  const off = `+${String(TIME_ZONES[label].offsetHours).padStart(2, '0')}00`;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    `X-LIC-LOCATION:${tzid}`,
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${off}`,
    `TZOFFSETTO:${off}`,
    `TZNAME:${label}`,
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

export const uidOf = (e: Pick<AgendaEvent, 'id' | 'icsUid'>) => e.icsUid ?? `${e.id}@warta`;

const STATUS: Partial<Record<AgendaEvent['status'], ICalEventStatus>> = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
  postponed: ICalEventStatus.CANCELLED,
};

export function exportIcs(events: readonly AgendaEvent[], seriesById: ReadonlyMap<string, AgendaEvent>, officeZone: ZoneLabel, name: string, stampMs: number): string {
  const cal = ical({ name, prodId: { company: 'Warta', product: 'Agenda', language: 'ID' }, // No calendar-wide zone: DTSTAMP and friends stay in UTC (Z); each event names its own TZID.
    timezone: { name: '', generator: vtimezone } });
  for (const e of events) {
    const tzid = isZoneLabel(e.zone) ? TIME_ZONES[e.zone].iana : TIME_ZONES[officeZone].iana;
    const series = e.seriesId ? seriesById.get(e.seriesId) : undefined;
    if (e.seriesId && !series) continue;
    const desc = [
      e.leaderRole ? `Peran: ${ROLE_LABEL_ID[e.leaderRole]}` : '',
      e.dressCode ? `Pakaian: ${e.dressCode}` : '',
      e.companionsText ? `Pendamping: ${e.companionsText}` : '',
      e.status === 'represented' && e.representedBy ? `Diwakilkan oleh ${e.representedBy}` : '',
      e.notes,
    ].filter(Boolean).join('\n');
    const ev = cal.createEvent({
      id: series ? uidOf(series) : uidOf(e),
      start: new TZDate(e.startMs, tzid),
      end: e.endMs === null ? null : new TZDate(e.endMs, tzid),
      allDay: e.allDay,
      timezone: tzid,
      summary: e.title,
      location: e.placeName ? e.placeName + (e.placeAddress ? `, ${e.placeAddress}` : '') : null,
      description: desc || null,
      status: STATUS[e.status] ?? null,
      stamp: new Date(stampMs),
      repeating: e.rrule ? e.rrule.replace(/^RRULE:/i, '') : null,
      recurrenceId: series && e.originalStartMs !== null ? new TZDate(e.originalStartMs, tzid) : null,
      x: [{ key: 'X-WARTA-KIND', value: e.kind }],
    });
    void ev;
  }
  return cal.toString();
}
