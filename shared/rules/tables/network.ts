import { CONSENT_STATES } from '../../media/vocabulary';
import { normalizeEmail, normalizePhone } from '../../media/phone';
import { ACTION_STATUSES, CONTACT_ERASED_FIELDS, CONTACT_PERSONAL_FIELDS, MEETING_KINDS, RSVP_STATES } from '../../network/model';
import { isBlank, isoDate, isoDateOrEmpty, isoInstant, oneOf } from '../domains';
import { isStaffViewer, refuse } from '../refuse';
import type { Domain, Refusal, Row, RuleInput, TableRules, Viewer } from '../types';
import { erasureOlderThanEdits } from './media';

/**
 * The PR network (issue 13 items 3 and 4). The PR office (`network.manage`) writes contacts,
 * meetings, invitations, attendance, minutes and action items; a contact's phone, WhatsApp and
 * e-mail are personal data like a journalist's (media.personal). A contributor's device reads
 * its own OPD's contacts and the action items assigned to its OPD, nothing of the meetings, and
 * reports its own action items done (`network.answer`); the server judges the same push.
 */

/** Stored phones are E.164 Indonesian numbers (the core normalises what people type). */
const phone: Domain = (v) => {
  if (v === '') return null;
  const r = typeof v === 'string' ? normalizePhone(v) : null;
  return r?.ok && r.value === v ? null : { id: 'harus nomor telepon Indonesia berbentuk +62…', en: 'must be an Indonesian phone number as +62…' };
};
const email: Domain = (v) =>
  v === '' || (typeof v === 'string' && normalizeEmail(v) === v) ? null : { id: 'harus alamat email yang sah (huruf kecil)', en: 'must be a valid e-mail address (lower case)' };
const clock: Domain = (v) => (typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : { id: 'harus jam berbentuk JJ:MM', en: 'must be a time as HH:MM' });

/**
 * True when a required field is blank: set blank by this change, or left out of a new row and not
 * set by another change of the row in the batch. A device's push may carry a row's fields in
 * several changes (its log keeps each field's newest value and clock), so a new row's first change
 * need not hold them all; a change that leaves an existing row's field alone is not judged by it.
 */
function missing(j: RuleInput, field: string): boolean {
  if (!isBlank(j.after[field])) return false;
  if (j.fields[field] !== undefined) return true;
  if (j.before) return false;
  return !j.batch.all(j.table).some((c) => c.rowId === j.rowId && !isBlank(c.fields[field]));
}

function contactCheck(j: RuleInput): Refusal | null {
  if (j.before && !isBlank(j.before.erased_at))
    return refuse('erased', null, 'Data kontak ini sudah dihapus atas permintaan; tidak dapat diubah.', "This contact's data was erased on request; it cannot change.");
  if (missing(j, 'opd_id')) return refuse('invalid_value', 'opd_id', 'Kontak jejaring harus milik satu OPD.', 'A network contact belongs to one OPD.');
  if (isBlank(j.fields.erased_at) && missing(j, 'name'))
    return refuse('invalid_value', 'name', 'Nama kontak wajib diisi.', "The contact's name is required.");
  return erasureOlderThanEdits(j, 'erased_at', CONTACT_ERASED_FIELDS);
}

/** A wave is a day of the meeting: it has a date (the attendance list is printed for it). */
function waveCheck(j: RuleInput): Refusal | null {
  if (!isBlank(j.after.deleted_at)) return null;
  if (missing(j, 'meeting_id')) return refuse('invalid_value', 'meeting_id', 'Gelombang harus milik satu pertemuan.', 'A wave belongs to one meeting.');
  if (missing(j, 'date')) return refuse('invalid_value', 'date', 'Gelombang tanpa tanggal; isi tanggalnya.', 'A wave without a date; fill in its date.');
  return null;
}

function inviteeCheck(j: RuleInput): Refusal | null {
  if (missing(j, 'meeting_id')) return refuse('invalid_value', 'meeting_id', 'Undangan harus milik satu pertemuan.', 'An invitation belongs to one meeting.');
  const neither = missing(j, 'contact_id') && missing(j, 'journalist_id');
  if (neither || (!isBlank(j.after.contact_id) && !isBlank(j.after.journalist_id)))
    return refuse('invalid_value', 'contact_id', 'Undangan menyebut satu orang: kontak jejaring atau wartawan.', 'An invitation names one person: a network contact or a journalist.');
  return null;
}

/** What a contributor's device may set on its own OPD's action item: done (with a note) or open again. */
const REPORT_FIELDS: ReadonlySet<string> = new Set(['status', 'done_at', 'done_note', 'done_by']);

/**
 * An OPD's contributor (`network.answer`) reports on an action item assigned to its own OPD:
 * nothing else, no new items, no other OPD's (the meeting's minutes stay the office's).
 */
function actionReportCheck(j: RuleInput): Refusal | null {
  const opd = j.actor.opdId;
  if (!opd) return refuse('table_forbidden', null, 'Perangkat ini tidak terikat pada OPD mana pun.', 'This device is bound to no OPD.');
  if (!j.before) return refuse('table_forbidden', null, 'Tindak lanjut dibuat oleh Humas dalam notulen, bukan oleh OPD.', 'Action items are made by the PR office in the minutes, not by an OPD.');
  if (j.before.opd_id !== opd || (j.fields.opd_id !== undefined && j.fields.opd_id !== opd))
    return refuse('wrong_state', 'opd_id', 'Tindak lanjut ini ditugaskan kepada OPD lain.', 'This action item is assigned to another OPD.');
  if (!isBlank(j.before.deleted_at)) return refuse('wrong_state', 'deleted_at', 'Tindak lanjut ini sudah dihapus dari notulen.', 'This action item was removed from the minutes.');
  for (const f in j.fields) if (!REPORT_FIELDS.has(f)) return refuse('field_forbidden', f, `Kolom ${f} diisi oleh Humas, bukan oleh OPD.`, `Field ${f} is written by the PR office, not by the OPD.`);
  return null;
}

function actionCheck(j: RuleInput): Refusal | null {
  if (!j.actor.can('network.manage')) {
    const refusal = actionReportCheck(j);
    if (refusal) return refusal;
  }
  if (!isBlank(j.after.deleted_at)) return null;
  if (missing(j, 'opd_id')) return refuse('invalid_value', 'opd_id', 'Tindak lanjut harus ditugaskan kepada satu OPD.', 'An action item is assigned to one OPD.');
  if (missing(j, 'text')) return refuse('invalid_value', 'text', 'Tuliskan tindak lanjutnya.', 'Write what is to be done.');
  return null;
}

/** The office's staff devices receive every row; a contributor's device only its own OPD's. */
const ownOpd = (row: Row, viewer: Viewer): boolean => (viewer.opdId === null ? isStaffViewer(viewer) : row.opd_id === viewer.opdId);
/** Meetings, their waves and invitations stay at the office (invitees include journalists). */
const officeOnly = (_row: Row, viewer: Viewer): boolean => viewer.opdId === null && isStaffViewer(viewer);

const personal = Object.fromEntries(CONTACT_PERSONAL_FIELDS.map((f) => [f, { write: 'media.personal' as const, domain: f === 'email' ? email : phone }]));

export const networkRules = {
  network_contacts: {
    write: 'network.manage',
    fields: {
      ...personal,
      decree_date: { domain: isoDateOrEmpty },
      consent: { domain: oneOf(CONSENT_STATES) },
      consent_at: { domain: isoInstant },
      erased_at: { write: 'media.personal', domain: isoInstant },
    },
    check: contactCheck,
    read: {
      permission: 'network.read',
      // A contributor's device holds only its own OPD's contacts: its own colleagues' numbers.
      groups: [{ fields: CONTACT_PERSONAL_FIELDS, visibleTo: (v) => v.can('media.personal') || v.opdId !== null }],
      rows: ownOpd,
    },
    erasure: { marker: 'erased_at', fields: CONTACT_ERASED_FIELDS },
  },
  network_meetings: {
    write: 'network.manage',
    fields: { kind: { domain: oneOf(MEETING_KINDS) }, minutes_at: { domain: isoInstant } },
    read: { permission: 'network.read', rows: officeOnly },
  },
  network_waves: {
    write: 'network.manage',
    fields: { date: { domain: isoDate }, start_time: { domain: clock }, end_time: { domain: clock } },
    check: waveCheck,
    read: { permission: 'network.read', rows: officeOnly },
  },
  network_invitees: {
    write: 'network.manage',
    fields: { rsvp: { domain: oneOf(RSVP_STATES) }, rsvp_at: { domain: isoInstant }, present_at: { domain: isoInstant } },
    check: inviteeCheck,
    read: { permission: 'network.read', rows: officeOnly },
  },
  network_actions: {
    write: ['network.manage', 'network.answer'],
    fields: { status: { domain: oneOf(ACTION_STATUSES) }, due_date: { domain: isoDateOrEmpty }, done_at: { domain: isoInstant } },
    check: actionCheck,
    read: { permission: 'network.read', rows: ownOpd },
  },
} as const satisfies Record<string, TableRules>;
