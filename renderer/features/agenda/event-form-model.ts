import type { AgendaEvent, EventInput, EventKind, EventStatus, LeaderRole } from '../../../shared/agenda/event';
import { addDaysToKey, dateKey, instantOfWall, isZoneLabel, wallTimeOf } from '../../../shared/agenda/zones';
import type { ZoneLabel } from '../../../shared/office/time-zones';

export type RepeatKind = 'none' | 'daily' | 'weekly' | 'monthly' | 'custom';

/** The form as the person edits it: wall-clock date and times in the chosen zone. */
export interface EventForm {
  id?: string;
  occurrence: boolean;
  kind: EventKind;
  title: string;
  date: string;
  start: string;
  end: string;
  openEnd: boolean;
  allDay: boolean;
  zone: string;
  placeName: string;
  placeAddress: string;
  placeLat: string;
  placeLon: string;
  usesPressRoom: boolean;
  organiserOpdId: string;
  invitationNumber: string;
  invitationDate: string;
  invitationFileHash: string | null;
  invitationFileName: string;
  invitationFileMime: string;
  dressCode: string;
  leaderRole: LeaderRole | '';
  status: EventStatus;
  representedBy: string;
  postponedTo: string;
  leaderIds: string[];
  companionIds: string[];
  companionsText: string;
  protocolNotes: string;
  aideContact: string;
  pressOpen: boolean;
  reporterId: string;
  photographerId: string;
  videographerId: string;
  notes: string;
  repeat: RepeatKind;
  rrule: string;
  until: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (ms: number, zone: string) => {
  const w = wallTimeOf(ms, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
};

const PRESETS: Record<Exclude<RepeatKind, 'none' | 'custom'>, string> = {
  daily: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  weekly: 'FREQ=WEEKLY',
  monthly: 'FREQ=MONTHLY',
};

export function emptyForm(day: string, officeZone: ZoneLabel, kind: EventKind = 'leader_agenda'): EventForm {
  return {
    occurrence: false, kind, title: '', date: day, start: '08:00', end: '10:00', openEnd: false, allDay: false, zone: officeZone,
    placeName: '', placeAddress: '', placeLat: '', placeLon: '', usesPressRoom: kind === 'press_conference', organiserOpdId: '', invitationNumber: '', invitationDate: '',
    invitationFileHash: null, invitationFileName: '', invitationFileMime: '', dressCode: '', leaderRole: '', status: 'confirmed', representedBy: '',
    postponedTo: '', leaderIds: [], companionIds: [], companionsText: '', protocolNotes: '', aideContact: '', pressOpen: true, reporterId: '', photographerId: '',
    videographerId: '', notes: '', repeat: 'none', rrule: '', until: '',
  };
}

export function formOf(e: AgendaEvent, officeZone: ZoneLabel, occurrenceStartMs?: number, occurrenceEndMs?: number | null): EventForm {
  const zone = e.zone;
  const startMs = occurrenceStartMs ?? e.startMs;
  const endMs = occurrenceStartMs !== undefined ? (occurrenceEndMs ?? null) : e.endMs;
  const rule = (e.rrule ?? '').replace(/;UNTIL=[^;]*/, '');
  const untilMatch = /UNTIL=(\d{8})/.exec(e.rrule ?? '');
  const preset = (Object.entries(PRESETS) as [RepeatKind, string][]).find(([, r]) => r === rule)?.[0];
  return {
    ...emptyForm(dateKey(startMs, zone), officeZone),
    id: e.id,
    occurrence: e.seriesId !== null,
    kind: e.kind,
    title: e.title,
    start: hhmm(startMs, zone),
    end: endMs === null ? '' : hhmm(endMs, zone),
    openEnd: endMs === null,
    allDay: e.allDay,
    zone,
    placeName: e.placeName,
    placeAddress: e.placeAddress,
    placeLat: e.placeLat === null ? '' : String(e.placeLat),
    placeLon: e.placeLon === null ? '' : String(e.placeLon),
    usesPressRoom: e.usesPressRoom,
    organiserOpdId: e.organiserOpdId ?? '',
    invitationNumber: e.invitationNumber,
    invitationDate: e.invitationDate,
    invitationFileHash: e.invitationFileHash,
    invitationFileName: e.invitationFileName,
    invitationFileMime: e.invitationFileMime,
    dressCode: e.dressCode,
    leaderRole: e.leaderRole ?? '',
    status: e.status,
    representedBy: e.representedBy,
    postponedTo: e.postponedToMs === null ? '' : dateKey(e.postponedToMs, zone),
    leaderIds: e.leaderIds,
    companionIds: e.companionIds,
    companionsText: e.companionsText,
    protocolNotes: e.protocolNotes,
    aideContact: e.aideContact,
    pressOpen: e.pressOpen,
    reporterId: e.reporterId ?? '',
    photographerId: e.photographerId ?? '',
    videographerId: e.videographerId ?? '',
    notes: e.notes,
    repeat: !e.rrule ? 'none' : (preset ?? 'custom'),
    rrule: e.rrule ?? '',
    until: untilMatch ? `${untilMatch[1]!.slice(0, 4)}-${untilMatch[1]!.slice(4, 6)}-${untilMatch[1]!.slice(6, 8)}` : '',
  };
}

function at(day: string, time: string, zone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return instantOfWall({ year: y, month: m, day: d, hour: hh, minute: mm }, zone);
}

export type FormProblem = 'title' | 'date' | 'start' | 'end' | 'coords';

/** The input for the core, or the fields that stop it (checked again in the core). */
export function toInput(f: EventForm): { input: EventInput } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (!f.title.trim()) problems.push('title');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) problems.push('date');
  if (!f.allDay && !/^\d{2}:\d{2}$/.test(f.start)) problems.push('start');
  if (!f.allDay && !f.openEnd && !/^\d{2}:\d{2}$/.test(f.end)) problems.push('end');
  const lat = f.placeLat.trim() === '' ? null : Number(f.placeLat.replace(',', '.'));
  const lon = f.placeLon.trim() === '' ? null : Number(f.placeLon.replace(',', '.'));
  if ((lat !== null && !(Math.abs(lat) <= 90)) || (lon !== null && !(Math.abs(lon) <= 180)) || (lat === null) !== (lon === null)) problems.push('coords');
  if (problems.length) return { problems };
  const startMs = f.allDay ? at(f.date, '00:00', f.zone) : at(f.date, f.start, f.zone);
  const endMs = f.allDay ? at(addDaysToKey(f.date, 1), '00:00', f.zone) : f.openEnd ? null : at(f.date, f.end, f.zone);
  if (endMs !== null && endMs <= startMs) return { problems: ['end'] };
  let rrule: string | null = null;
  if (!f.occurrence && f.repeat !== 'none') {
    rrule = f.repeat === 'custom' ? f.rrule.trim().replace(/^RRULE:/i, '') : PRESETS[f.repeat];
    rrule = rrule.replace(/;UNTIL=[^;]*/, '');
    if (f.until && /^\d{4}-\d{2}-\d{2}$/.test(f.until)) {
      const u = new Date(at(f.until, '23:59', f.zone)).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
      rrule += `;UNTIL=${u}`;
    }
  }
  return {
    input: {
      ...(f.id ? { id: f.id } : {}),
      kind: f.kind,
      title: f.title.trim(),
      startMs,
      endMs,
      allDay: f.allDay,
      zone: isZoneLabel(f.zone) ? f.zone : f.zone.trim(),
      placeName: f.placeName,
      placeAddress: f.placeAddress,
      placeLat: lat,
      placeLon: lon,
      usesPressRoom: f.usesPressRoom,
      organiserOpdId: f.organiserOpdId || null,
      invitationNumber: f.invitationNumber,
      invitationDate: f.invitationDate,
      invitationFileHash: f.invitationFileHash,
      invitationFileName: f.invitationFileName,
      invitationFileMime: f.invitationFileMime,
      dressCode: f.dressCode,
      leaderRole: f.leaderRole || null,
      status: f.status,
      representedBy: f.status === 'represented' ? f.representedBy : '',
      postponedToMs: f.status === 'postponed' && f.postponedTo ? at(f.postponedTo, f.allDay ? '00:00' : f.start, f.zone) : null,
      leaderIds: f.leaderIds,
      companionIds: f.companionIds,
      companionsText: f.companionsText,
      protocolNotes: f.protocolNotes,
      aideContact: f.aideContact,
      pressOpen: f.pressOpen,
      reporterId: f.reporterId || null,
      photographerId: f.photographerId || null,
      videographerId: f.videographerId || null,
      notes: f.notes,
      rrule,
    },
  };
}
