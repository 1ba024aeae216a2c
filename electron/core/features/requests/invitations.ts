/**
 * Invitations for a leader (*undangan untuk pimpinan*, issue 13): protocol staff propose a
 * disposition, the leader's office decides it, and the decision becomes (or updates) the agenda
 * item — with the deputy's name when the leader is represented. The inviter's device receives the
 * decision (the request's `disposition` fields and answer); the proposal stays in the office
 * (shared/rules/tables/requests.ts). Who may decide: INVITATION_DECIDER (shared/requests/model.ts).
 */
import { WartaError } from '../../../../shared/contract/errors';
import { eventInput } from '../../../../shared/agenda/event';
import { INVITATION_DECIDER, type DispositionChoice, type RequestStatus } from '../../../../shared/requests/model';
import type { Caller } from '../../caller';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { syncEngineOf } from '../../sync/engine';
import { writeEvent } from '../agenda/event-handlers';
import { iso, note, numberIfNeeded } from './handlers';
import { readRequest, readRequestRow, type RequestRow } from './rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface DispositionInput {
  id: string;
  choice: DispositionChoice;
  representative: string;
  note: string;
}

/** The office's own devices only: a contributor's device neither proposes nor decides. */
function invitationAtOffice(ctx: CoreContext, id: string): RequestRow {
  if (syncEngineOf(ctx).boundOpd) throw new WartaError('forbidden', 'Perangkat kontributor OPD tidak memberi disposisi; disposisi datang dari kantor pimpinan.', { permission: INVITATION_DECIDER });
  const r = readRequestRow(ctx, id);
  if (r.kind !== 'invitation') throw new WartaError('invalid_input', 'Disposisi hanya untuk undangan pimpinan.', { field: 'id', kind: r.kind });
  if (r.status === 'withdrawn') throw new WartaError('conflict', 'Undangan ini sudah ditarik pengundangnya.', { status: r.status });
  return r;
}

/** What the inviter reads: the decision in one sentence, then the office's note. */
function answerOf(input: DispositionInput): string {
  const head = input.choice === 'attend' ? 'Pimpinan akan hadir.' : input.choice === 'represented' ? `Pimpinan diwakilkan kepada ${input.representative}.` : 'Pimpinan tidak dapat hadir.';
  return input.note ? `${head} ${input.note}` : head;
}

/**
 * The decision on the agenda: a new agenda item (with the invitation letter) the first time the
 * leader or a deputy goes; the same item updated when the decision changes; cancelled when no one
 * goes. Returns the item's id, or null when there is none.
 */
function placeOnAgenda(ctx: CoreContext, r: RequestRow, input: DispositionInput): string | null {
  const existing = r.agenda_event_id && ctx.db.prepare('SELECT 1 FROM agenda_events WHERE id = ? AND deleted_at IS NULL').get(r.agenda_event_id) ? r.agenda_event_id : null;
  if (input.choice === 'absent') {
    if (existing) ctx.mutator.update('agenda_events', existing, { status: 'cancelled', represented_by: '' });
    return existing;
  }
  const status = input.choice === 'represented' ? 'represented' : 'confirmed';
  const representedBy = input.choice === 'represented' ? input.representative : '';
  if (existing) {
    ctx.mutator.update('agenda_events', existing, { status, represented_by: representedBy });
    return existing;
  }
  if (r.start_ms === null) throw new WartaError('invalid_input', 'Undangan ini belum punya waktu acara; lengkapi dulu sebelum diputuskan.', { field: 'startMs' });
  // The letter travels to the agenda item by hash: the protocol sheet shows it.
  const letter = ctx.db
    .prepare("SELECT file_hash, file_name, file_mime FROM request_attachments WHERE request_id = ? AND deleted_at IS NULL ORDER BY (file_mime = 'application/pdf') DESC, added_at LIMIT 1")
    .get(r.id) as { file_hash: string; file_name: string; file_mime: string } | undefined;
  const v = eventInput.parse({
    kind: 'leader_agenda',
    title: r.title ?? '',
    startMs: r.start_ms,
    endMs: r.end_ms,
    zone: r.zone ?? 'WIB',
    placeName: r.place ?? '',
    organiserOpdId: r.opd_id && UUID.test(r.opd_id) ? r.opd_id : null,
    invitationNumber: r.invitation_number ?? '',
    invitationDate: r.invitation_date ?? '',
    invitationFileHash: letter?.file_hash ?? null,
    invitationFileName: letter?.file_name ?? '',
    invitationFileMime: letter?.file_mime ?? '',
    status,
    representedBy,
    notes: [r.inviter ? `Pengundang: ${r.inviter}` : '', r.contact_name ? `Narahubung: ${r.contact_name} ${r.contact_phone ?? ''}`.trim() : ''].filter(Boolean).join('\n'),
  });
  return writeEvent(ctx, v, undefined, { request_id: r.id });
}

export const invitationHandlers: HandlerGroup<'requests.propose' | 'requests.decide'> = {
  'requests.propose': (input, ctx, caller) => {
    const r = invitationAtOffice(ctx, input.id);
    ctx.mutator.transaction(() => {
      numberIfNeeded(ctx, caller, r);
      ctx.mutator.update('requests', r.id, {
        proposed_disposition: input.choice,
        proposed_representative: input.choice === 'represented' ? input.representative : '',
        proposed_note: input.note,
        proposed_by: caller.name,
        proposed_at: iso(ctx),
      });
      note(ctx, caller, r, 'proposed', (r.status ?? 'submitted') as RequestStatus, answerOf(input));
    });
    return readRequest(ctx, r.id);
  },

  'requests.decide': (input, ctx, caller: Caller) => {
    const r = invitationAtOffice(ctx, input.id);
    if (!caller.can(INVITATION_DECIDER)) {
      // A desk member without the right (protocol staff): refused, and the attempt kept.
      ctx.audit.record(caller, { action: 'request.disposition_refused', targetType: 'request', targetId: r.id, details: { choice: input.choice, permission: INVITATION_DECIDER } });
      throw new WartaError('forbidden', 'Disposisi undangan diputuskan oleh kantor pimpinan (peran Editor atau Administrator); protokol dapat mengusulkannya.', { permission: INVITATION_DECIDER });
    }
    const status: RequestStatus = input.choice === 'absent' ? 'declined' : 'accepted';
    const answer = answerOf(input);
    ctx.mutator.transaction(() => {
      numberIfNeeded(ctx, caller, r);
      const eventId = placeOnAgenda(ctx, r, input);
      ctx.mutator.update('requests', r.id, {
        disposition: input.choice,
        representative: input.choice === 'represented' ? input.representative : '',
        disposition_note: input.note,
        decided_by: caller.name,
        decided_at: iso(ctx),
        status,
        answer,
        answered_at: iso(ctx),
        agenda_event_id: eventId,
      });
      note(ctx, caller, r, 'decided', status, answer);
    });
    ctx.audit.record(caller, { action: 'request.decided', targetType: 'request', targetId: r.id, details: { choice: input.choice, opdId: r.opd_id } });
    return readRequest(ctx, r.id);
  },
};
