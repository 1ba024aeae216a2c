import type { Permission } from '../contract/permissions';

/**
 * Requests (*permohonan*) from the agencies (OPD) to the PR office (issue 13): what a request is,
 * its kinds, statuses and channels, shared by the rulebook, the core and the renderer.
 *
 * A request is written by its OPD's contributor device (or entered by the PR desk on the OPD's
 * behalf, with the channel it came through) and answered by the PR desk. It gets its number per
 * year when the desk first takes it up: offline contributor devices cannot agree on a sequence.
 */
export const REQUEST_KINDS = ['publicity', 'press_conference', 'material', 'invitation'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/**
 * submitted → (needs_info ⇄ submitted) → accepted | declined; withdrawn by the OPD while open.
 * `needs_info`: the desk asked for more; the OPD answers by editing and sending it again.
 */
export const REQUEST_STATUSES = ['submitted', 'needs_info', 'accepted', 'declined', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** How a request reached the office: through Warta by the OPD itself, or entered by the desk. */
export const REQUEST_CHANNELS = ['app', 'phone', 'whatsapp', 'letter', 'email', 'in_person'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** What the history records: one row per step, written once. */
export const REQUEST_ACTIONS = ['submitted', 'resubmitted', 'withdrawn', 'numbered', 'assigned', 'needs_info', 'accepted', 'declined', 'proposed', 'decided'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** Statuses in which the OPD may still change its request (the desk has not answered it for good). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'needs_info'];

/** Fields the OPD writes (the request itself); the desk writes the rest (number, answer, links). */
export const OPD_FIELDS = [
  'opd_id',
  'kind',
  'channel',
  'title',
  'description',
  'place',
  'start_ms',
  'end_ms',
  'zone',
  'attendees',
  'contact_name',
  'contact_phone',
  'material',
  'inviter',
  'invitation_number',
  'invitation_date',
  'status',
  'submitted_at',
  'submitted_by',
  'deleted_at',
] as const;

export const REQUEST_LIMITS = {
  title: 300,
  description: 8000,
  place: 300,
  attendees: 2000,
  contactName: 200,
  contactPhone: 40,
  material: 60000,
  answer: 4000,
  inviter: 300,
  invitationNumber: 100,
  representative: 200,
  dispositionNote: 2000,
} as const;

/**
 * An invitation for a leader (*undangan untuk pimpinan*) gets a disposition: the leader attends
 * (*hadir*), is represented by a named deputy (*diwakilkan kepada …*), or does not attend
 * (*tidak hadir*). Protocol staff propose it; the leader's office decides.
 */
export const DISPOSITIONS = ['attend', 'represented', 'absent'] as const;
export type DispositionChoice = (typeof DISPOSITIONS)[number];

/**
 * Who carries the leader's office's decision on an invitation. Warta has no role of its own for
 * the leader's office: the decision is the head of the unit's (role *editor*, with the
 * administrator), the one who already signs releases off — so the permission is `releases.publish`.
 * Protocol staff (`agenda.write`) propose; they cannot decide.
 */
export const INVITATION_DECIDER = 'releases.publish' satisfies Permission;
export const INVITATION_PROPOSER = 'agenda.write' satisfies Permission;

export interface Disposition {
  choice: DispositionChoice;
  /** The deputy's name and position, when represented. */
  representative: string;
  note: string;
  by: string;
  at: string;
}

/** The printed number: `0007/PRM/2026`. */
export function requestNumber(year: number | null, seq: number | null): string {
  if (year === null || seq === null) return '';
  return `${String(seq).padStart(4, '0')}/PRM/${year}`;
}

/** Attachments: photos, documents and the scanned letter; what each kind of file must begin with is checked by the core. */
export const ATTACHMENT_MIME = ['application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME)[number];
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Files per request (a request is not a file store). */
export const ATTACHMENTS_PER_REQUEST = 20;

export interface RequestAttachment {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  addedBy: string;
  addedAt: string;
}

/** One row of the request board. */
export interface RequestSummary {
  id: string;
  number: string;
  opdId: string;
  opdName: string;
  kind: RequestKind;
  channel: RequestChannel;
  title: string;
  status: RequestStatus;
  startMs: number | null;
  endMs: number | null;
  zone: string;
  submittedAt: string;
  dueMs: number | null;
  answer: string;
  agendaEventId: string | null;
  releaseId: string | null;
  /** An invitation from an outside party names who invites (an OPD's invitation: the OPD). */
  inviter: string;
  /** The leader's office's decision on an invitation, or null. */
  decision: DispositionChoice | null;
}

export interface RequestHistoryEntry {
  id: string;
  action: RequestAction;
  status: RequestStatus | null;
  actor: string;
  at: string;
  note: string;
}

export interface RequestDetail extends RequestSummary {
  description: string;
  place: string;
  attendees: string;
  contactName: string;
  contactPhone: string;
  material: string;
  submittedBy: string;
  answeredAt: string | null;
  history: RequestHistoryEntry[];
  attachments: RequestAttachment[];
  invitationNumber: string;
  invitationDate: string;
  /** Protocol staff's proposal (office devices only: a contributor's device never receives it). */
  proposal: Disposition | null;
  /** The leader's office's decision (reaches the inviter's device). */
  disposition: Disposition | null;
  /** Coverage staff on the request's agenda item (the agenda's own assignment); null when this device holds no such item. */
  coverage: RequestCoverage | null;
}

export interface RequestCoverage {
  eventId: string;
  reporterId: string | null;
  photographerId: string | null;
  videographerId: string | null;
}

/** What the board knows about who is looking: the desk, or a contributor's device bound to one OPD. */
export interface RequestBoard {
  items: RequestSummary[];
  /** Per status, over the whole board (not the filter). */
  counts: Record<RequestStatus, number>;
  /** Open requests whose due time or activity is today (the desk's reminder). */
  dueToday: number;
  /** The OPD this device is bound to (a contributor's), or null at the office. */
  boundOpd: { id: string; name: string } | null;
  total: number;
}

/**
 * Item 5 of issue 13, per OPD and month (of the request's arrival, in the office's time zone):
 * received, accepted, declined (current status), the median time from arrival to the desk's
 * first answer, and how many became a published release. `opdId` null on the total row; an
 * invitation from an outside party counts under `opdId` '' (no OPD).
 */
export interface RequestNumbersRow {
  opdId: string | null;
  opdName: string;
  /** `YYYY-MM`. */
  month: string;
  received: number;
  accepted: number;
  declined: number;
  /** Requests answered at least once, and the median minutes to that first answer (null: none answered). */
  answered: number;
  medianAnswerMinutes: number | null;
  /** Requests whose release draft was published. */
  releases: number;
}

export interface RequestNumbers {
  months: string[];
  /** Per OPD and month, OPDs by name; months in order. */
  rows: RequestNumbersRow[];
  /** Per month, over every OPD. */
  totals: RequestNumbersRow[];
}

/** A report spans at most two years of months. */
export const NUMBERS_MAX_MONTHS = 24;
