import { ATTACHMENT_MIME, DISPOSITIONS, INVITATION_DECIDER, INVITATION_PROPOSER, OPD_FIELDS, OPEN_STATUSES, REQUEST_ACTIONS, REQUEST_CHANNELS, REQUEST_KINDS, REQUEST_STATUSES, type RequestStatus } from '../../requests/model';
import { intAtLeast, isBlank, isoDateOrEmpty, isoInstant, oneOf } from '../domains';
import { isStaffViewer, refuse } from '../refuse';
import type { Actor, Refusal, Row, RowKey, RuleInput, TableRules, Viewer } from '../types';

/**
 * Requests from the agencies (issue 13). The PR desk (`requests.manage`) writes any request: it
 * enters one on an OPD's behalf, numbers it, answers it. A contributor's device (`requests.submit`,
 * bound to one OPD at enrolment) writes only requests of its own OPD, only the request's own
 * fields (never its number, assignee or answer), only while the desk has not answered it for
 * good, and only to send or withdraw it. The server refuses the same, change by change; a
 * contributor device that names another OPD's request by id is refused and the refusal logged.
 */
const OPD_WRITABLE: ReadonlySet<string> = new Set(OPD_FIELDS.filter((f) => f !== 'deleted_at'));
const OPD_STATUSES: readonly RequestStatus[] = ['submitted', 'withdrawn'];

function boundOpd(actor: Actor): string | Refusal {
  if (actor.opdId) return actor.opdId;
  return refuse(
    'table_forbidden',
    null,
    'Perangkat kontributor ini tidak terikat pada OPD mana pun; daftarkan lagi dengan kode untuk OPD-nya.',
    'This contributor device is bound to no OPD; enrol it again with a code made for its OPD.',
  );
}

const otherOpd = (): Refusal =>
  refuse('wrong_state', 'opd_id', 'Permohonan ini milik OPD lain; perangkat ini hanya dapat menulis permohonan OPD-nya sendiri.', "This request belongs to another OPD; this device writes only its own OPD's requests.");

const PROPOSAL_FIELDS = ['proposed_disposition', 'proposed_representative', 'proposed_note', 'proposed_by', 'proposed_at'] as const;
const DECISION_FIELDS = ['disposition', 'representative', 'disposition_note', 'decided_by', 'decided_at'] as const;

/**
 * An invitation's disposition: only on an invitation, and "represented" names its deputy. Who
 * may write the proposal and the decision is the field rules' (`write` below).
 */
function dispositionCheck(j: RuleInput): Refusal | null {
  const touches = [...PROPOSAL_FIELDS, ...DECISION_FIELDS].some((f) => j.fields[f] !== undefined && j.fields[f] !== null);
  if (!touches) return null;
  if (j.after.kind !== 'invitation')
    return refuse('wrong_state', 'disposition', 'Disposisi hanya untuk undangan pimpinan.', 'A disposition is only for an invitation for a leader.');
  for (const [choice, deputy] of [
    ['proposed_disposition', 'proposed_representative'],
    ['disposition', 'representative'],
  ] as const)
    if ((j.fields[choice] !== undefined || j.fields[deputy] !== undefined) && j.after[choice] === 'represented' && isBlank(j.after[deputy]))
      return refuse('invalid_value', deputy, 'Diwakilkan kepada siapa? Tuliskan nama dan jabatan wakilnya.', 'Represented by whom? Name the deputy and their position.');
  return null;
}

function requestCheck(j: RuleInput): Refusal | null {
  if (j.actor.can('requests.manage')) return dispositionCheck(j);
  const opd = boundOpd(j.actor);
  if (typeof opd !== 'string') return opd;
  if (j.before && j.before.opd_id !== opd) return otherOpd();
  if (j.fields.opd_id !== undefined && j.fields.opd_id !== opd) return otherOpd();
  if (!j.before && isBlank(j.fields.opd_id)) return otherOpd();
  for (const f in j.fields) {
    if (f === 'created_at') continue;
    if (!OPD_WRITABLE.has(f))
      return refuse('field_forbidden', f, `Kolom ${f} diisi oleh Humas, bukan oleh OPD.`, `Field ${f} is written by the PR office, not by the OPD.`);
  }
  if (j.before && !OPEN_STATUSES.includes(j.before.status as RequestStatus))
    return refuse('wrong_state', null, 'Permohonan ini sudah dijawab Humas; tidak dapat diubah lagi.', 'The PR office has answered this request; it can no longer be changed.');
  if (j.fields.status !== undefined && !OPD_STATUSES.includes(j.fields.status as RequestStatus))
    return refuse('field_forbidden', 'status', 'OPD hanya dapat mengirim atau menarik permohonan; jawabannya dari Humas.', 'An OPD only sends or withdraws a request; the answer is the PR office’s.');
  if (j.fields.channel !== undefined && j.fields.channel !== 'app')
    return refuse('field_forbidden', 'channel', 'Permohonan dari perangkat OPD masuk lewat aplikasi.', 'A request from an OPD device comes through the app.');
  return null;
}

/**
 * A row that belongs to a request (its history, its attachments), written by a contributor's
 * device: it must carry the device's own OPD, and so must the request it hangs on. Returns that
 * request (null when this machine does not hold it) or the refusal.
 */
function ownRequestPart(j: RuleInput): { parent: Row | null } | { refusal: Refusal } {
  const opd = boundOpd(j.actor);
  if (typeof opd !== 'string') return { refusal: opd };
  if (j.fields.opd_id !== opd) return { refusal: otherOpd() };
  const parent = typeof j.fields.request_id === 'string' ? j.row('requests', j.fields.request_id) : null;
  if (parent && parent.opd_id !== opd) return { refusal: otherOpd() };
  return { parent };
}

function historyCheck(j: RuleInput): Refusal | null {
  if (j.actor.can('requests.manage')) return null;
  const own = ownRequestPart(j);
  if ('refusal' in own) return own.refusal;
  if (!['submitted', 'resubmitted', 'withdrawn'].includes(j.fields.action as string))
    return refuse('field_forbidden', 'action', 'Langkah ini dicatat oleh Humas, bukan oleh OPD.', 'This step is recorded by the PR office, not by the OPD.');
  return null;
}

/**
 * Attachments are written once. The desk attaches to any request; a contributor's device only to
 * its own OPD's request while the desk has not answered it.
 */
function attachmentCheck(j: RuleInput): Refusal | null {
  if (j.actor.can('requests.manage')) return null;
  const own = ownRequestPart(j);
  if ('refusal' in own) return own.refusal;
  const { parent } = own;
  if (parent && !OPEN_STATUSES.includes(parent.status as RequestStatus))
    return refuse('wrong_state', null, 'Permohonan ini sudah dijawab Humas; lampiran tidak dapat ditambah lagi.', 'The PR office has answered this request; no more attachments.');
  return null;
}

const requestParent = (fields: Row): readonly RowKey[] => (typeof fields.request_id === 'string' ? [{ table: 'requests', id: fields.request_id }] : []);

/**
 * The office's devices receive every request; a contributor's device only its own OPD's (the
 * row's `opd_id`, judged on the server's current row), without the desk's internal assignee.
 */
const ownOpd = (row: Row, viewer: Viewer): boolean => (viewer.opdId === null ? isStaffViewer(viewer) : row.opd_id === viewer.opdId);

export const requestRules = {
  requests: {
    write: ['requests.manage', 'requests.submit'],
    fields: {
      kind: { domain: oneOf(REQUEST_KINDS) },
      channel: { domain: oneOf(REQUEST_CHANNELS) },
      status: { domain: oneOf(REQUEST_STATUSES) },
      start_ms: { domain: intAtLeast(0) },
      end_ms: { domain: intAtLeast(0) },
      due_ms: { domain: intAtLeast(0) },
      year: { domain: intAtLeast(2000), write: 'requests.manage' },
      seq: { domain: intAtLeast(1), write: 'requests.manage' },
      submitted_at: { domain: isoInstant },
      answered_at: { domain: isoInstant, write: 'requests.manage' },
      answer: { write: 'requests.manage' },
      assignee_id: { write: 'requests.manage' },
      agenda_event_id: { write: 'requests.manage' },
      release_id: { write: 'requests.manage' },
      invitation_date: { domain: isoDateOrEmpty },
      // Protocol staff propose, the leader's office decides (shared/requests/model.ts says who that is).
      proposed_disposition: { domain: oneOf(DISPOSITIONS), write: INVITATION_PROPOSER },
      proposed_representative: { write: INVITATION_PROPOSER },
      proposed_note: { write: INVITATION_PROPOSER },
      proposed_by: { write: INVITATION_PROPOSER },
      proposed_at: { domain: isoInstant, write: INVITATION_PROPOSER },
      disposition: { domain: oneOf(DISPOSITIONS), write: INVITATION_DECIDER },
      representative: { write: INVITATION_DECIDER },
      disposition_note: { write: INVITATION_DECIDER },
      decided_by: { write: INVITATION_DECIDER },
      decided_at: { domain: isoInstant, write: INVITATION_DECIDER },
    },
    check: requestCheck,
    // The desk's assignee and protocol's proposal stay in the office; the decision reaches the inviter.
    read: { permission: 'requests.read', groups: [{ fields: ['assignee_id', ...PROPOSAL_FIELDS], visibleTo: isStaffViewer }], rows: ownOpd },
  },
  request_attachments: {
    write: ['requests.manage', 'requests.submit'],
    insertOnly: true,
    fields: { file_mime: { domain: oneOf(ATTACHMENT_MIME) }, file_size: { domain: intAtLeast(1) }, added_at: { domain: isoInstant } },
    check: attachmentCheck,
    parents: requestParent,
    read: { permission: 'requests.read', rows: ownOpd },
  },
  request_history: {
    write: ['requests.manage', 'requests.submit'],
    insertOnly: true,
    fields: { action: { domain: oneOf(REQUEST_ACTIONS) }, status: { domain: oneOf(REQUEST_STATUSES) }, at: { domain: isoInstant } },
    check: historyCheck,
    parents: requestParent,
    read: { permission: 'requests.read', rows: ownOpd },
  },
} as const satisfies Record<string, TableRules>;
