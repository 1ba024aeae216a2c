/**
 * The public desk (*Aduan & Permohonan Informasi*, issue 14): complaints, questions, public-
 * information requests (PPID, UU 14/2008) and objections from citizens, received through social
 * media, WhatsApp, SP4N-LAPOR! and the counter, disposed to the agencies (OPD) and answered in
 * public. Shared by the rulebook, the core and the renderer.
 *
 * An item is the desk's: only the office's devices hold it (the reporter's personal data with it).
 * A disposition (*part*) is what one OPD receives: the desk's summary of the item, its number,
 * category, location and deadline, never the reporter's name or contact; the OPD's contributor
 * answers it (text and photos) or asks for more time with a reason.
 */
export const DESK_KINDS = ['complaint', 'question', 'info_request', 'objection'] as const;
export type DeskKind = (typeof DESK_KINDS)[number];

/** The code in the printed number, numbered per year and per kind: `0007/ADU/2026`. */
export const KIND_CODE: Record<DeskKind, string> = { complaint: 'ADU', question: 'TNY', info_request: 'PPID', objection: 'KEB' };

export const DESK_CHANNELS = ['instagram', 'facebook', 'x', 'tiktok', 'whatsapp', 'email', 'phone', 'letter', 'walk_in', 'lapor'] as const;
export type DeskChannel = (typeof DESK_CHANNELS)[number];

export const DESK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type DeskPriority = (typeof DESK_PRIORITIES)[number];

/**
 * received → verified → disposed (to one or more OPDs) → answered (the public reply is posted)
 * → closed with an outcome. The desk may answer directly from `verified`; `merged`: a duplicate
 * folded into another item (its post link and person stay on it and show on the survivor).
 */
export const DESK_STATUSES = ['received', 'verified', 'disposed', 'answered', 'closed', 'merged'] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];
export const OPEN_DESK_STATUSES: readonly DeskStatus[] = ['received', 'verified', 'disposed', 'answered'];

export const DESK_OUTCOMES = ['resolved', 'answered', 'not_authority', 'invalid', 'withdrawn'] as const;
export type DeskOutcome = (typeof DESK_OUTCOMES)[number];

/** One OPD's part: open until it answers; `extension_asked` while the desk weighs its request for more time. */
export const PART_STATUSES = ['open', 'extension_asked', 'answered', 'cancelled'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];
export const OPEN_PART_STATUSES: readonly PartStatus[] = ['open', 'extension_asked'];
/** What a contributor's device may set a part's status to. */
export const CONTRIBUTOR_PART_STATUSES: readonly PartStatus[] = ['answered', 'extension_asked'];
/** The part's fields a contributor's device writes: its answer and its request for more time. */
export const CONTRIBUTOR_PART_FIELDS = ['status', 'answer', 'answered_at', 'answered_by', 'extension_reason', 'extension_days'] as const;

export const DESK_ACTIONS = [
  'received',
  'verified',
  'disposed',
  'part_answered',
  'extension_asked',
  'extension_granted',
  'extension_refused',
  'replied',
  'decided',
  'escalated',
  'merged',
  'closed',
] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];
/** What a contributor's device records in the history. */
export const CONTRIBUTOR_ACTIONS: readonly DeskAction[] = ['part_answered', 'extension_asked'];

/** PPID register (UU 14/2008; Perki 1/2021): how the requester receives the information, and how a copy reaches them. */
export const RECEIVE_BY = ['see', 'read', 'listen', 'note', 'softcopy', 'hardcopy'] as const;
export const COPY_BY = ['pickup', 'courier', 'post', 'email'] as const;
/** The decision on an information request or objection; partial and refused name the exemption's legal basis (UU 14/2008 pasal 17). */
export const DECISIONS = ['granted', 'partial', 'refused'] as const;
export type Decision = (typeof DECISIONS)[number];

export const TERM_KINDS = ['category', 'location'] as const;
export type TermKind = (typeof TERM_KINDS)[number];
/** The categories a new desk starts with (editable). */
export const DEFAULT_CATEGORIES = ['Infrastruktur', 'Kesehatan', 'Pendidikan', 'Administrasi kependudukan', 'Lingkungan dan kebersihan', 'Sosial', 'Lainnya'] as const;

export const FILE_PURPOSES = ['post', 'answer'] as const;
export const DESK_FILE_MIME = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export const DESK_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const FILES_PER_ITEM = 20;

export const DESK_LIMITS = {
  ticket: 60,
  url: 2000,
  name: 200,
  phone: 40,
  email: 200,
  address: 500,
  body: 8000,
  term: 100,
  reply: 4000,
  answer: 4000,
  reason: 1000,
} as const;

/**
 * Working-day deadlines (hari kerja), defaults with their source; the deadline runs from the
 * working day the item was received (an item received on a Saturday counts from Monday).
 */
export const DEADLINE_DEFAULTS = {
  /** UU 14/2008 pasal 22 ayat (7): the PPID answers within 10 working days. */
  info_request: 10,
  /** UU 14/2008 pasal 22 ayat (8): extended once by at most 7 working days, in writing with the reason. */
  info_request_extension: 7,
  /** UU 14/2008 pasal 36 ayat (1): an objection is answered within 30 working days. */
  objection: 30,
  /** The office's SOP (a setting): a whole complaint, and each OPD's part of it. */
  complaint: 5,
  question: 5,
  opd_part: 3,
} as const;

/** The one row of the desk's deadline settings (a fixed id: two desks editing offline merge field by field). */
export const DESK_SETTINGS_ID = '00000000-0000-7000-8000-000000000014';
export type DeadlineSettings = { -readonly [K in keyof typeof DEADLINE_DEFAULTS]: number };

export function itemNumber(kind: DeskKind, year: number | null, seq: number | null): string {
  if (year === null || seq === null) return '';
  return `${String(seq).padStart(4, '0')}/${KIND_CODE[kind]}/${year}`;
}

/** Days left to a deadline, in working days: 0 due today, negative late. */
export interface DeadlineView {
  dueDate: string | null;
  daysLeft: number | null;
  /** Years in the deadline's span whose holiday data the office does not have: the count may be wrong. */
  holidaysMissing: number[];
}

export interface DeskPart extends DeadlineView {
  id: string;
  itemId: string;
  opdId: string;
  opdName: string;
  /** False when the OPD was deleted after the disposition. */
  opdLive: boolean;
  number: string;
  kind: DeskKind;
  summary: string;
  category: string;
  location: string;
  status: PartStatus;
  answer: string;
  answeredAt: string | null;
  answeredBy: string;
  extensionReason: string;
  extensionDays: number | null;
  disposedAt: string;
  escalatedAt: string | null;
  files: DeskFile[];
}

export interface DeskFile {
  id: string;
  partId: string | null;
  purpose: 'post' | 'answer';
  fileName: string;
  mime: string;
  size: number;
  addedBy: string;
  addedAt: string;
}

export interface DeskHistoryEntry {
  id: string;
  partId: string | null;
  action: DeskAction;
  actor: string;
  at: string;
  note: string;
}

export interface DeskSummary extends DeadlineView {
  id: string;
  number: string;
  kind: DeskKind;
  channel: DeskChannel;
  ticket: string;
  status: DeskStatus;
  priority: DeskPriority;
  category: string;
  location: string;
  /** The first line of the text. */
  excerpt: string;
  personLabel: string;
  receivedAt: string;
  escalatedAt: string | null;
}

/** A duplicate merged into this item: its own post link and person stay with it. */
export interface MergedPost {
  id: string;
  number: string;
  channel: DeskChannel;
  postUrl: string;
  personLabel: string;
  receivedAt: string;
}

export interface DeskItem extends DeskSummary {
  /** The staff account the item is assigned to (its deadline reminders go to them). */
  assigneeId: string | null;
  postUrl: string;
  anonymous: boolean;
  personName: string;
  personPhone: string;
  personEmail: string;
  personAddress: string;
  consent: boolean;
  body: string;
  replyText: string;
  replyUrl: string;
  repliedAt: string | null;
  mergedInto: string | null;
  outcome: DeskOutcome | null;
  closedAt: string | null;
  extended: boolean;
  purpose: string;
  receiveBy: string;
  copyBy: string;
  decision: Decision | null;
  exemptionBasis: string;
  decidedAt: string | null;
  fee: number | null;
  parts: DeskPart[];
  files: DeskFile[];
  merged: MergedPost[];
  history: DeskHistoryEntry[];
}

export interface DeskBoard {
  items: DeskSummary[];
  total: number;
  counts: Record<DeskStatus, number>;
  dueToday: number;
  late: number;
}

/** What a contributor's device sees: its OPD's parts only. */
export interface DeskPartBoard {
  parts: DeskPart[];
  boundOpd: { id: string; name: string } | null;
}
