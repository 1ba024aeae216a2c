/**
 * Reading the PR network back from SQLite: contacts (without their personal fields, which are
 * read one person at a time and logged), and a meeting with its waves, invitees, tallies and
 * action items. Invitees carry no copy of a person's data: their name comes from the contact or
 * journalist row, so an erasure there is all there is to scrub.
 */
import { WartaError } from '../../../../shared/contract/errors';
import type { ConsentState } from '../../../../shared/media/vocabulary';
import type { ActionItem, ActionStatus, ContactSummary, Invitee, MeetingDetail, MeetingKind, MeetingSummary, RsvpState, Wave, WaveTally } from '../../../../shared/network/model';
import type { Db } from '../../db/open-database';

export interface ContactRow {
  id: string;
  opd_id: string | null;
  opd_name: string | null;
  name: string | null;
  position: string | null;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
  info_team: number | null;
  decree_no: string | null;
  decree_date: string | null;
  consent: string | null;
  notes: string | null;
  erased_at: string | null;
  deleted_at: string | null;
}

export const CONTACT_SELECT = 'SELECT c.*, o.name AS opd_name FROM network_contacts c LEFT JOIN opd o ON o.id = c.opd_id';

export function toContact(r: ContactRow): ContactSummary {
  return {
    id: r.id,
    opdId: r.opd_id ?? '',
    opdName: r.opd_name ?? '',
    name: r.name ?? '',
    position: r.position ?? '',
    infoTeam: r.info_team === 1,
    decreeNo: r.decree_no ?? '',
    decreeDate: r.decree_date ?? '',
    consent: (r.consent as ConsentState | null) ?? 'unknown',
    notes: r.notes ?? '',
    erased: r.erased_at !== null,
  };
}

export function readContactRow(db: Db, id: string): ContactRow {
  const row = db.prepare(`${CONTACT_SELECT} WHERE c.id = ?`).get(id) as ContactRow | undefined;
  if (!row) throw new WartaError('not_found', 'Kontak jejaring tidak ditemukan. (Network contact not found.)', { id });
  return row;
}

interface MeetingRow {
  id: string;
  kind: string | null;
  title: string | null;
  place: string | null;
  description: string | null;
  minutes: string | null;
  minutes_at: string | null;
  first_date: string | null;
  waves: number;
  invited: number;
  present: number;
  open_actions: number;
}

const MEETING_SELECT = `SELECT m.*,
  (SELECT min(date) FROM network_waves w WHERE w.meeting_id = m.id AND w.deleted_at IS NULL) AS first_date,
  (SELECT count(*) FROM network_waves w WHERE w.meeting_id = m.id AND w.deleted_at IS NULL) AS waves,
  (SELECT count(*) FROM network_invitees i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL) AS invited,
  (SELECT count(*) FROM network_invitees i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL AND i.present = 1) AS present,
  (SELECT count(*) FROM network_actions a WHERE a.meeting_id = m.id AND a.deleted_at IS NULL AND a.status = 'open') AS open_actions
  FROM network_meetings m`;

function toSummary(r: MeetingRow): MeetingSummary {
  return {
    id: r.id,
    kind: (r.kind as MeetingKind | null) ?? 'coordination',
    title: r.title ?? '',
    place: r.place ?? '',
    firstDate: r.first_date ?? '',
    waves: r.waves,
    invited: r.invited,
    present: r.present,
    openActions: r.open_actions,
  };
}

export function listMeetings(db: Db): MeetingSummary[] {
  return (db.prepare(`${MEETING_SELECT} WHERE m.deleted_at IS NULL ORDER BY first_date DESC, m.id`).all() as MeetingRow[]).map(toSummary);
}

export function readWaves(db: Db, meetingId: string): Wave[] {
  const rows = db.prepare('SELECT * FROM network_waves WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY seq, date, id').all(meetingId) as {
    id: string;
    label: string | null;
    date: string | null;
    start_time: string | null;
    end_time: string | null;
    place: string | null;
  }[];
  return rows.map((w) => ({ id: w.id, label: w.label ?? '', date: w.date ?? '', startTime: w.start_time ?? '', endTime: w.end_time ?? '', place: w.place ?? '' }));
}

const ERASED = 'Dihapus atas permintaan';

export function readInvitees(db: Db, meetingId: string): Invitee[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.wave_id, i.contact_id, i.journalist_id, i.rsvp, i.present, i.present_at,
         coalesce(c.name, j.name) AS name, c.position AS c_position, co.name AS c_opd,
         j.role AS j_role, mo.name AS j_outlet, c.erased_at AS c_erased, j.erased_at AS j_erased
       FROM network_invitees i
       LEFT JOIN network_contacts c ON c.id = i.contact_id
       LEFT JOIN opd co ON co.id = c.opd_id
       LEFT JOIN media_journalist j ON j.id = i.journalist_id
       LEFT JOIN media_outlet mo ON mo.id = j.outlet_id
       WHERE i.meeting_id = ? AND i.deleted_at IS NULL
       ORDER BY coalesce(c.name, j.name) COLLATE NOCASE, i.id`,
    )
    .all(meetingId) as {
    id: string;
    wave_id: string | null;
    contact_id: string | null;
    journalist_id: string | null;
    rsvp: string | null;
    present: number | null;
    present_at: string | null;
    name: string | null;
    c_position: string | null;
    c_opd: string | null;
    j_role: string | null;
    j_outlet: string | null;
    c_erased: string | null;
    j_erased: string | null;
  }[];
  return rows.map((r) => {
    const contact = r.contact_id !== null;
    const erased = (contact ? r.c_erased : r.j_erased) !== null;
    return {
      id: r.id,
      kind: contact ? 'contact' : 'journalist',
      personId: (contact ? r.contact_id : r.journalist_id) ?? '',
      name: erased ? ERASED : (r.name ?? ''),
      organisation: (contact ? r.c_opd : r.j_outlet) ?? '',
      position: erased ? '' : ((contact ? r.c_position : r.j_role) ?? ''),
      waveId: r.wave_id,
      rsvp: (r.rsvp as RsvpState | null) ?? 'pending',
      present: r.present === 1,
      presentAt: r.present_at,
    };
  });
}

interface ActionRow {
  id: string;
  meeting_id: string | null;
  meeting_title: string | null;
  opd_id: string | null;
  opd_name: string | null;
  text: string | null;
  due_date: string | null;
  status: string | null;
  done_at: string | null;
  done_note: string | null;
}

export const ACTION_SELECT =
  'SELECT a.*, m.title AS meeting_title, o.name AS opd_name FROM network_actions a LEFT JOIN network_meetings m ON m.id = a.meeting_id LEFT JOIN opd o ON o.id = a.opd_id';

export function toAction(r: ActionRow): ActionItem {
  return {
    id: r.id,
    meetingId: r.meeting_id ?? '',
    meetingTitle: r.meeting_title ?? '',
    opdId: r.opd_id ?? '',
    opdName: r.opd_name ?? '',
    text: r.text ?? '',
    dueDate: r.due_date ?? '',
    status: (r.status as ActionStatus | null) ?? 'open',
    doneAt: r.done_at,
    doneNote: r.done_note ?? '',
  };
}

export function readActions(db: Db, where: string, ...args: unknown[]): ActionItem[] {
  return (db.prepare(`${ACTION_SELECT} WHERE a.deleted_at IS NULL AND ${where} ORDER BY a.status DESC, coalesce(nullif(a.due_date, ''), '9999'), a.id`).all(...args) as ActionRow[]).map(toAction);
}

export function readMeeting(db: Db, id: string): MeetingDetail {
  const row = db.prepare(`${MEETING_SELECT} WHERE m.id = ? AND m.deleted_at IS NULL`).get(id) as MeetingRow | undefined;
  if (!row) throw new WartaError('not_found', 'Pertemuan tidak ditemukan. (Meeting not found.)', { id });
  const waveList = readWaves(db, id);
  const invitees = readInvitees(db, id);
  const tallies = new Map<string | null, WaveTally>();
  for (const w of waveList) tallies.set(w.id, { waveId: w.id, invited: 0, yes: 0, present: 0 });
  for (const i of invitees) {
    const t = tallies.get(i.waveId) ?? { waveId: i.waveId, invited: 0, yes: 0, present: 0 };
    tallies.set(i.waveId, t);
    t.invited += 1;
    if (i.rsvp === 'yes') t.yes += 1;
    if (i.present) t.present += 1;
  }
  return {
    ...toSummary(row),
    description: row.description ?? '',
    minutes: row.minutes ?? '',
    minutesAt: row.minutes_at,
    waveList,
    invitees,
    tallies: [...tallies.values()],
    actions: readActions(db, 'a.meeting_id = ?', id),
  };
}
