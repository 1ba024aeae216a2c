import { WartaError } from '../../../../shared/contract/errors';
import type { AgendaEvent, EventValues } from '../../../../shared/agenda/event';
import { toEvent, type EventRow } from '../../../../shared/agenda/event-rows';
import type { FieldValue } from '../../../../shared/sync/replicated-tables';
import type { CoreContext } from '../../rpc/handler-types';

/** Field values for the mutation path from validated input. */
export function toFields(v: Omit<EventValues, 'id'>): Record<string, FieldValue> {
  return {
    kind: v.kind,
    title: v.title,
    start_ms: v.startMs,
    end_ms: v.endMs,
    all_day: v.allDay,
    zone: v.zone,
    place_name: v.placeName,
    place_address: v.placeAddress,
    place_lat: v.placeLat,
    place_lon: v.placeLon,
    uses_press_room: v.usesPressRoom,
    organiser_opd_id: v.organiserOpdId,
    invitation_number: v.invitationNumber,
    invitation_date: v.invitationDate,
    invitation_file_hash: v.invitationFileHash,
    invitation_file_name: v.invitationFileName,
    invitation_file_mime: v.invitationFileMime,
    dress_code: v.dressCode,
    leader_role: v.leaderRole,
    status: v.status,
    represented_by: v.representedBy,
    postponed_to_ms: v.postponedToMs,
    leader_ids: v.leaderIds,
    companion_ids: v.companionIds,
    companions_text: v.companionsText,
    protocol_notes: v.protocolNotes,
    aide_contact: v.aideContact,
    press_open: v.pressOpen,
    reporter_id: v.reporterId,
    photographer_id: v.photographerId,
    videographer_id: v.videographerId,
    notes: v.notes,
    rrule: v.rrule,
  };
}

export function readEvent(ctx: Pick<CoreContext, 'db'>, id: string): AgendaEvent {
  const row = ctx.db.prepare('SELECT * FROM agenda_events WHERE id = ?').get(id) as EventRow | undefined;
  if (!row) throw new WartaError('not_found', 'Kegiatan tidak ditemukan.', { id });
  return toEvent(row);
}
