/**
 * An agenda event as its row is stored (SQLite column names and types) and the calendar forms
 * read from it. Shared because the core's calendar reads these rows from its database and the
 * sync server's public feed folds the same rows from its log: one reading, so the press room
 * sees the agenda the protocol desk entered.
 */
import type { AgendaEvent, EventKind, SheetItem, EventStatus, LeaderRole } from './event';

export interface EventRow {
  id: string;
  kind: string | null;
  title: string | null;
  start_ms: number | null;
  end_ms: number | null;
  all_day: number | null;
  zone: string | null;
  place_name: string | null;
  place_address: string | null;
  place_lat: number | null;
  place_lon: number | null;
  uses_press_room: number | null;
  organiser_opd_id: string | null;
  invitation_number: string | null;
  invitation_date: string | null;
  invitation_file_hash: string | null;
  invitation_file_name: string | null;
  invitation_file_mime: string | null;
  dress_code: string | null;
  leader_role: string | null;
  status: string | null;
  represented_by: string | null;
  postponed_to_ms: number | null;
  leader_ids: string | null;
  companion_ids: string | null;
  companions_text: string | null;
  protocol_notes: string | null;
  press_open: number | null;
  reporter_id: string | null;
  photographer_id: string | null;
  videographer_id: string | null;
  notes: string | null;
  rrule: string | null;
  series_end_ms: number | null;
  series_id: string | null;
  original_start_ms: number | null;
  ics_uid: string | null;
  aide_contact: string | null;
  rrule_extra: string | null;
  ics_tzid: string | null;
  ics_vtimezone: string | null;
  created_at: string | null;
  updated_at: string;
  deleted_at: string | null;
}

const ids = (json: string | null): string[] => {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function toEvent(r: EventRow): AgendaEvent {
  return {
    id: r.id,
    kind: (r.kind ?? 'leader_agenda') as EventKind,
    title: r.title ?? '',
    startMs: r.start_ms ?? 0,
    endMs: r.end_ms,
    allDay: r.all_day === 1,
    zone: r.zone ?? 'WIB',
    placeName: r.place_name ?? '',
    placeAddress: r.place_address ?? '',
    placeLat: r.place_lat,
    placeLon: r.place_lon,
    usesPressRoom: r.uses_press_room === 1,
    organiserOpdId: r.organiser_opd_id,
    invitationNumber: r.invitation_number ?? '',
    invitationDate: r.invitation_date ?? '',
    invitationFileHash: r.invitation_file_hash,
    invitationFileName: r.invitation_file_name ?? '',
    invitationFileMime: r.invitation_file_mime ?? '',
    dressCode: r.dress_code ?? '',
    leaderRole: (r.leader_role as LeaderRole | null) ?? null,
    status: (r.status ?? 'confirmed') as EventStatus,
    representedBy: r.represented_by ?? '',
    postponedToMs: r.postponed_to_ms,
    leaderIds: ids(r.leader_ids),
    companionIds: ids(r.companion_ids),
    companionsText: r.companions_text ?? '',
    protocolNotes: r.protocol_notes ?? '',
    aideContact: r.aide_contact ?? '',
    pressOpen: r.press_open !== 0,
    reporterId: r.reporter_id,
    photographerId: r.photographer_id,
    videographerId: r.videographer_id,
    notes: r.notes ?? '',
    rrule: r.rrule,
    seriesId: r.series_id,
    originalStartMs: r.original_start_ms,
    icsUid: r.ics_uid,
    rruleExtra: ids(r.rrule_extra),
    icsTzid: r.ics_tzid,
    icsVtimezone: r.ics_vtimezone,
    createdAt: r.created_at ?? r.updated_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

export function itemOf(e: Pick<AgendaEvent, Exclude<keyof AgendaEvent, 'createdAt' | 'updatedAt' | 'deletedAt' | 'rruleExtra' | 'icsTzid' | 'icsVtimezone'>>, occurrence?: { originalStartMs: number; startMs: number; endMs: number | null }): SheetItem {
  const seriesId = occurrence ? e.id : e.seriesId;
  const originalStartMs = occurrence ? occurrence.originalStartMs : e.originalStartMs;
  return {
    key: occurrence ? `${e.id}@${occurrence.originalStartMs}` : e.seriesId ? `${e.seriesId}@${e.originalStartMs}` : e.id,
    eventId: e.id,
    seriesId,
    originalStartMs,
    recurring: !!occurrence || !!e.seriesId,
    kind: e.kind,
    title: e.title,
    startMs: occurrence ? occurrence.startMs : e.startMs,
    endMs: occurrence ? occurrence.endMs : e.endMs,
    allDay: e.allDay,
    zone: e.zone,
    placeName: e.placeName,
    status: e.status,
    representedBy: e.representedBy,
    leaderIds: e.leaderIds,
    pressOpen: e.pressOpen,
    usesPressRoom: e.usesPressRoom,
    dressCode: e.dressCode,
    leaderRole: e.leaderRole,
    companionIds: e.companionIds,
    companionsText: e.companionsText,
    reporterId: e.reporterId,
    photographerId: e.photographerId,
    videographerId: e.videographerId,
    protocolNotes: e.protocolNotes,
    aideContact: e.aideContact,
  };
}
