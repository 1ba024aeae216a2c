import {
  CONTRIBUTOR_ACTIONS,
  CONTRIBUTOR_PART_FIELDS,
  CONTRIBUTOR_PART_STATUSES,
  COPY_BY,
  DECISIONS,
  DESK_ACTIONS,
  DESK_CHANNELS,
  DESK_FILE_MIME,
  DESK_KINDS,
  DESK_OUTCOMES,
  DESK_PRIORITIES,
  DESK_STATUSES,
  FILE_PURPOSES,
  OPEN_PART_STATUSES,
  PART_STATUSES,
  RECEIVE_BY,
  TERM_KINDS,
  type PartStatus,
} from '../../publicdesk/model';
import { unknownPlaceholders } from '../../publicdesk/templates';
import { intAtLeast, isBlank, isoDate, isoInstant, oneOf } from '../domains';
import { isStaffViewer, refuse } from '../refuse';
import type { Domain, Refusal, Row, RowKey, RuleInput, TableRules, Viewer } from '../types';

/**
 * The public desk (issue 14). The desk (`publicdesk.manage`) writes items, dispositions, replies;
 * the reporter's personal data needs `media.personal` as journalists' does (UU 27/2022). An OPD's
 * contributor device (`publicdesk.answer`, bound to one OPD) writes only its own OPD's parts, only
 * their answer and request for more time, only while the part is open; the server refuses the
 * same, change by change.
 */
const PERSONAL_FIELDS = ['person_name', 'person_phone', 'person_email', 'person_address'];
const CONTRIBUTOR_FIELDS: ReadonlySet<string> = new Set(CONTRIBUTOR_PART_FIELDS);

const otherOpd = (): Refusal =>
  refuse('wrong_state', 'opd_id', 'Disposisi ini untuk OPD lain; perangkat ini hanya menjawab disposisi untuk OPD-nya sendiri.', 'This disposition is for another OPD; this device answers only its own OPD’s.');

function boundOpd(j: RuleInput): string | Refusal {
  if (j.actor.opdId) return j.actor.opdId;
  return refuse('table_forbidden', null, 'Perangkat ini tidak terikat pada OPD mana pun.', 'This device is bound to no OPD.');
}

function partCheck(j: RuleInput): Refusal | null {
  if (j.actor.can('publicdesk.manage')) return null;
  const opd = boundOpd(j);
  if (typeof opd !== 'string') return opd;
  if (!j.before) return refuse('table_forbidden', null, 'Disposisi dibuat oleh Humas, bukan oleh OPD.', 'Dispositions are made by the PR office, not by an OPD.');
  if (j.before.opd_id !== opd) return otherOpd();
  for (const f in j.fields) {
    if (f === 'created_at') continue;
    if (!CONTRIBUTOR_FIELDS.has(f)) return refuse('field_forbidden', f, `Kolom ${f} diisi oleh Humas, bukan oleh OPD.`, `Field ${f} is written by the PR office, not by the OPD.`);
  }
  if (!OPEN_PART_STATUSES.includes(j.before.status as PartStatus))
    return refuse('wrong_state', 'status', 'Disposisi ini sudah dijawab atau ditutup; tidak dapat diubah lagi.', 'This disposition is answered or closed; it can no longer be changed.');
  if (j.fields.status !== undefined && !CONTRIBUTOR_PART_STATUSES.includes(j.fields.status as PartStatus))
    return refuse('field_forbidden', 'status', 'OPD hanya menjawab atau meminta tambahan waktu.', 'An OPD only answers or asks for more time.');
  return null;
}

/** A history row or file of a part, written by a contributor's device: its own OPD's part, while open. */
function ownPart(j: RuleInput, what: 'history' | 'file'): Refusal | null {
  if (j.actor.can('publicdesk.manage')) return null;
  const opd = boundOpd(j);
  if (typeof opd !== 'string') return opd;
  if (j.fields.opd_id !== opd) return otherOpd();
  const part = typeof j.fields.part_id === 'string' ? j.row('publicdesk_parts', j.fields.part_id) : null;
  if (typeof j.fields.part_id !== 'string') return otherOpd();
  if (part && part.opd_id !== opd) return otherOpd();
  if (what === 'history' && !CONTRIBUTOR_ACTIONS.includes(j.fields.action as (typeof CONTRIBUTOR_ACTIONS)[number]))
    return refuse('field_forbidden', 'action', 'Langkah ini dicatat oleh Humas, bukan oleh OPD.', 'This step is recorded by the PR office, not by the OPD.');
  if (what === 'file' && j.fields.purpose !== 'answer')
    return refuse('field_forbidden', 'purpose', 'OPD hanya melampirkan foto atau berkas jawabannya.', 'An OPD attaches only the photos or files of its answer.');
  return null;
}

/** A partial or refused decision names the exemption's legal basis (UU 14/2008 pasal 17); the server judges the same. */
function itemCheck(j: RuleInput): Refusal | null {
  if (!('decision' in j.fields) && !('exemption_basis' in j.fields)) return null;
  const d = j.after.decision;
  if ((d === 'partial' || d === 'refused') && (isBlank(j.after.exemption_basis) || String(j.after.exemption_basis).trim() === ''))
    return refuse(
      'invalid_value',
      'exemption_basis',
      'Keputusan menolak (seluruhnya atau sebagian) wajib menyebut dasar hukum pengecualiannya (UU 14/2008 pasal 17).',
      'A refusal, in whole or in part, must name the legal basis of the exemption (UU 14/2008 art. 17).',
    );
  return null;
}

const partParent = (fields: Row): readonly RowKey[] => (typeof fields.part_id === 'string' ? [{ table: 'publicdesk_parts', id: fields.part_id }] : []);

/** Items and the editable lists stay on the office's devices. */
/** A template naming only placeholders the desk can fill. */
const knownPlaceholders: Domain = (v) => {
  const unknown = typeof v === 'string' ? unknownPlaceholders(v) : [];
  return unknown.length ? { id: `memuat isian yang tidak dikenal: ${unknown.join(', ')}`, en: `names unknown placeholders: ${unknown.join(', ')}` } : null;
};

const officeOnly = (_row: Row, viewer: Viewer): boolean => viewer.opdId === null && isStaffViewer(viewer);
/** Parts, their history and files: the office's devices all; a contributor's its own OPD's. */
const ownOpd = (row: Row, viewer: Viewer): boolean => (viewer.opdId === null ? isStaffViewer(viewer) : row.opd_id === viewer.opdId);

const personal = Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, { write: 'media.personal' as const }]));

export const publicdeskRules = {
  publicdesk_items: {
    write: 'publicdesk.manage',
    fields: {
      ...personal,
      kind: { domain: oneOf(DESK_KINDS) },
      channel: { domain: oneOf(DESK_CHANNELS) },
      priority: { domain: oneOf(DESK_PRIORITIES) },
      status: { domain: oneOf(DESK_STATUSES) },
      outcome: { domain: oneOf(DESK_OUTCOMES) },
      year: { domain: intAtLeast(2000) },
      seq: { domain: intAtLeast(1) },
      received_at: { domain: isoInstant },
      received_date: { domain: isoDate },
      due_date: { domain: isoDate },
      replied_at: { domain: isoInstant },
      closed_at: { domain: isoInstant },
      escalated_at: { domain: isoInstant },
      receive_by: { domain: oneOf(RECEIVE_BY) },
      copy_by: { domain: oneOf(COPY_BY) },
      decision: { domain: oneOf(DECISIONS) },
      decided_at: { domain: isoInstant },
      fee: { domain: intAtLeast(0) },
    },
    check: itemCheck,
    read: { permission: 'publicdesk.read', groups: [{ fields: PERSONAL_FIELDS, visibleTo: (v) => v.can('media.personal') }], rows: officeOnly },
  },
  publicdesk_parts: {
    write: ['publicdesk.manage', 'publicdesk.answer'],
    fields: {
      kind: { domain: oneOf(DESK_KINDS) },
      status: { domain: oneOf(PART_STATUSES) },
      due_date: { domain: isoDate },
      extension_days: { domain: intAtLeast(1) },
      answered_at: { domain: isoInstant },
      disposed_at: { domain: isoInstant },
      escalated_at: { domain: isoInstant },
    },
    check: partCheck,
    read: { permission: 'publicdesk.read', rows: ownOpd },
  },
  publicdesk_history: {
    write: ['publicdesk.manage', 'publicdesk.answer'],
    insertOnly: true,
    fields: { action: { domain: oneOf(DESK_ACTIONS) }, at: { domain: isoInstant } },
    check: (j) => ownPart(j, 'history'),
    parents: partParent,
    read: { permission: 'publicdesk.read', rows: ownOpd },
  },
  publicdesk_files: {
    write: ['publicdesk.manage', 'publicdesk.answer'],
    insertOnly: true,
    fields: { purpose: { domain: oneOf(FILE_PURPOSES) }, file_mime: { domain: oneOf(DESK_FILE_MIME) }, file_size: { domain: intAtLeast(1) }, added_at: { domain: isoInstant } },
    check: (j) => ownPart(j, 'file'),
    parents: partParent,
    read: { permission: 'publicdesk.read', rows: ownOpd },
  },
  publicdesk_settings: {
    write: 'publicdesk.manage',
    fields: Object.fromEntries(['complaint_days', 'question_days', 'opd_part_days', 'info_request_days', 'info_extension_days', 'objection_days'].map((f) => [f, { domain: intAtLeast(1) }])),
    read: { permission: 'publicdesk.read', rows: officeOnly },
  },
  /** The office's reply templates: the desk's words, never sent to a contributor's device. */
  publicdesk_templates: {
    write: 'publicdesk.manage',
    fields: { body: { domain: knownPlaceholders } },
    read: { permission: 'publicdesk.read', rows: officeOnly },
  },
  publicdesk_terms: {
    write: 'publicdesk.manage',
    fields: { kind: { domain: oneOf(TERM_KINDS) } },
    read: { permission: 'publicdesk.read', rows: officeOnly },
  },
} as const satisfies Record<string, TableRules>;
