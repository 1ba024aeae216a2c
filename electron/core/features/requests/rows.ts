import { WartaError } from '../../../../shared/contract/errors';
import { requestNumber, type Disposition, type DispositionChoice, type RequestAction, type RequestAttachment, type RequestCoverage, type RequestChannel, type RequestDetail, type RequestHistoryEntry, type RequestKind, type RequestStatus, type RequestSummary } from '../../../../shared/requests/model';
import type { CoreContext } from '../../rpc/handler-types';

export interface RequestRow {
  id: string;
  opd_id: string | null;
  opd_name: string | null;
  kind: string | null;
  channel: string | null;
  title: string | null;
  description: string | null;
  place: string | null;
  start_ms: number | null;
  end_ms: number | null;
  zone: string | null;
  attendees: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  material: string | null;
  status: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  year: number | null;
  seq: number | null;
  assignee_id: string | null;
  due_ms: number | null;
  answer: string | null;
  answered_at: string | null;
  agenda_event_id: string | null;
  release_id: string | null;
  inviter: string | null;
  invitation_number: string | null;
  invitation_date: string | null;
  proposed_disposition: string | null;
  proposed_representative: string | null;
  proposed_note: string | null;
  proposed_by: string | null;
  proposed_at: string | null;
  disposition: string | null;
  representative: string | null;
  disposition_note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  deleted_at: string | null;
}

export const REQUEST_SELECT = 'SELECT r.*, o.name AS opd_name FROM requests r LEFT JOIN opd o ON o.id = r.opd_id';

export function summaryOf(r: RequestRow): RequestSummary {
  return {
    id: r.id,
    number: requestNumber(r.year, r.seq),
    opdId: r.opd_id ?? '',
    opdName: r.opd_name ?? '',
    kind: (r.kind ?? 'publicity') as RequestKind,
    channel: (r.channel ?? 'app') as RequestChannel,
    title: r.title ?? '',
    status: (r.status ?? 'submitted') as RequestStatus,
    startMs: r.start_ms,
    endMs: r.end_ms,
    zone: r.zone ?? 'WIB',
    submittedAt: r.submitted_at ?? r.created_at ?? r.updated_at ?? '',
    dueMs: r.due_ms,
    answer: r.answer ?? '',
    agendaEventId: r.agenda_event_id,
    releaseId: r.release_id,
    inviter: r.inviter ?? '',
    decision: (r.disposition ?? null) as DispositionChoice | null,
  };
}

function dispositionOf(choice: string | null, representative: string | null, note: string | null, by: string | null, at: string | null): Disposition | null {
  if (!choice) return null;
  return { choice: choice as DispositionChoice, representative: representative ?? '', note: note ?? '', by: by ?? '', at: at ?? '' };
}

/** A request this device holds (a contributor's device holds only its own OPD's), or not_found. */
export function readRequestRow(ctx: CoreContext, id: string): RequestRow {
  const row = ctx.db.prepare(`${REQUEST_SELECT} WHERE r.id = ?`).get(id) as RequestRow | undefined;
  if (!row || row.deleted_at) throw new WartaError('not_found', 'Permohonan tidak ditemukan di komputer ini.', { id });
  return row;
}

/** The coverage assignment of the request's agenda item, when this device holds it (a contributor's does not). */
function coverageOf(ctx: CoreContext, eventId: string | null): RequestCoverage | null {
  if (!eventId) return null;
  const e = ctx.db.prepare('SELECT reporter_id, photographer_id, videographer_id FROM agenda_events WHERE id = ? AND deleted_at IS NULL').get(eventId) as
    | { reporter_id: string | null; photographer_id: string | null; videographer_id: string | null }
    | undefined;
  return e ? { eventId, reporterId: e.reporter_id, photographerId: e.photographer_id, videographerId: e.videographer_id } : null;
}

export function readRequest(ctx: CoreContext, id: string): RequestDetail {
  const r = readRequestRow(ctx, id);
  const history = (
    ctx.db.prepare('SELECT id, action, status, actor, at, note FROM request_history WHERE request_id = ? AND deleted_at IS NULL ORDER BY at, id').all(id) as {
      id: string;
      action: string;
      status: string | null;
      actor: string | null;
      at: string | null;
      note: string | null;
    }[]
  ).map(
    (h): RequestHistoryEntry => ({ id: h.id, action: h.action as RequestAction, status: h.status as RequestStatus | null, actor: h.actor ?? '', at: h.at ?? '', note: h.note ?? '' }),
  );
  const attachments = (
    ctx.db.prepare('SELECT id, file_name, file_mime, file_size, added_by, added_at FROM request_attachments WHERE request_id = ? AND deleted_at IS NULL ORDER BY added_at, id').all(id) as {
      id: string;
      file_name: string | null;
      file_mime: string | null;
      file_size: number | null;
      added_by: string | null;
      added_at: string | null;
    }[]
  ).map((a): RequestAttachment => ({ id: a.id, fileName: a.file_name ?? '', mime: a.file_mime ?? '', size: a.file_size ?? 0, addedBy: a.added_by ?? '', addedAt: a.added_at ?? '' }));
  return {
    ...summaryOf(r),
    attachments,
    description: r.description ?? '',
    place: r.place ?? '',
    attendees: r.attendees ?? '',
    contactName: r.contact_name ?? '',
    contactPhone: r.contact_phone ?? '',
    material: r.material ?? '',
    submittedBy: r.submitted_by ?? '',
    answeredAt: r.answered_at,
    history,
    invitationNumber: r.invitation_number ?? '',
    invitationDate: r.invitation_date ?? '',
    proposal: dispositionOf(r.proposed_disposition, r.proposed_representative, r.proposed_note, r.proposed_by, r.proposed_at),
    disposition: dispositionOf(r.disposition, r.representative, r.disposition_note, r.decided_by, r.decided_at),
    coverage: coverageOf(ctx, r.agenda_event_id),
  };
}
