/**
 * The network's meetings and trainings (issue 13 item 4): a monthly coordination meeting, a
 * workshop in several waves, the annual media gathering. Invitees come from the network's
 * contacts and the media directory's journalists; RSVPs, attendance marked on the day (only for
 * someone on the list), minutes, and action items assigned to OPDs and followed until done.
 * Every write goes through the mutation path and the rulebook (shared/rules/tables/network.ts).
 */
import { WartaError } from '../../../../shared/contract/errors';
import { MAX_INVITEES, type ActionItem } from '../../../../shared/network/model';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { liveOpd } from './contacts';
import { ACTION_SELECT, listMeetings, readActions, readMeeting, toAction } from './rows';

const iso = (ctx: CoreContext) => new Date(ctx.now()).toISOString();

function liveMeeting(ctx: CoreContext, id: string): void {
  if (!ctx.db.prepare('SELECT 1 FROM network_meetings WHERE id = ? AND deleted_at IS NULL').get(id))
    throw new WartaError('not_found', 'Pertemuan tidak ditemukan. (Meeting not found.)', { id });
}

function waveOf(ctx: CoreContext, meetingId: string, waveId: string | null): string {
  const waves = ctx.db.prepare('SELECT id FROM network_waves WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY seq, date, id').pluck().all(meetingId) as string[];
  if (waveId === null) {
    if (!waves[0]) throw new WartaError('invalid_input', 'Pertemuan ini belum punya tanggal; isi tanggalnya dulu. (The meeting has no date yet.)', { field: 'waveId' });
    return waves[0];
  }
  if (!waves.includes(waveId)) throw new WartaError('not_found', 'Gelombang itu bukan milik pertemuan ini. (That wave is not part of this meeting.)', { field: 'waveId' });
  return waveId;
}

/** The live ones of `ids` in `table` (not deleted, not erased), or a refusal naming how many are not. */
function livePeople(ctx: CoreContext, table: 'network_contacts' | 'media_journalist', ids: readonly string[], what: string): string[] {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const found = ctx.db
    .prepare(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL AND erased_at IS NULL`)
    .pluck()
    .all(JSON.stringify(unique)) as string[];
  if (found.length !== unique.length)
    throw new WartaError('not_found', `${unique.length - found.length} ${what} tidak ditemukan atau sudah dihapus. (${unique.length - found.length} people not found or deleted.)`, {
      field: table === 'network_contacts' ? 'contactIds' : 'journalistIds',
    });
  return unique;
}

type Methods =
  | 'network.meetings.list'
  | 'network.meetings.get'
  | 'network.meetings.save'
  | 'network.meetings.invite'
  | 'network.meetings.minutes'
  | 'network.invitees.rsvp'
  | 'network.invitees.attend'
  | 'network.invitees.move'
  | 'network.invitees.remove'
  | 'network.actions.save'
  | 'network.actions.done'
  | 'network.actions.report'
  | 'network.actions.list';

function inviteeRow(ctx: CoreContext, id: string): { id: string; meeting_id: string; deleted_at: string | null } {
  const row = ctx.db.prepare('SELECT id, meeting_id, deleted_at FROM network_invitees WHERE id = ?').get(id) as { id: string; meeting_id: string; deleted_at: string | null } | undefined;
  if (!row || row.deleted_at) throw new WartaError('not_found', 'Undangan tidak ditemukan. (Invitation not found.)', { id });
  return row;
}

export const meetingHandlers: HandlerGroup<Methods> = {
  'network.meetings.list': (_input, ctx) => listMeetings(ctx.db),
  'network.meetings.get': (input, ctx) => readMeeting(ctx.db, input.id),

  'network.meetings.save': (input, ctx, caller) =>
    ctx.mutator.transaction(() => {
      const m = ctx.mutator;
      const values = { kind: input.kind, title: input.title, place: input.place, description: input.description };
      let id = input.id;
      if (id) {
        liveMeeting(ctx, id);
        m.update('network_meetings', id, values);
      } else id = m.insert('network_meetings', { ...values, created_by: caller.name });
      const existing = ctx.db.prepare('SELECT id, label, date FROM network_waves WHERE meeting_id = ? AND deleted_at IS NULL').all(id) as { id: string; label: string | null; date: string | null }[];
      const kept = new Set(input.waves.map((w) => w.id).filter(Boolean));
      for (const w of existing) {
        if (kept.has(w.id)) continue;
        const invited = ctx.db.prepare('SELECT count(*) FROM network_invitees WHERE wave_id = ? AND deleted_at IS NULL').pluck().get(w.id) as number;
        if (invited > 0)
          throw new WartaError('conflict', `Gelombang ${w.label || w.date} masih punya ${invited} undangan; pindahkan mereka dulu. (The wave still has invitees.)`, { waveId: w.id });
        m.remove('network_waves', w.id);
      }
      const mine = new Set(existing.map((w) => w.id));
      input.waves.forEach((w, seq) => {
        const wave = { meeting_id: id, label: w.label || `Gelombang ${seq + 1}`, date: w.date, start_time: w.startTime || null, end_time: w.endTime || null, place: w.place, seq };
        if (w.id && !mine.has(w.id)) throw new WartaError('not_found', 'Gelombang itu bukan milik pertemuan ini. (That wave is not part of this meeting.)', { waveId: w.id });
        if (w.id) m.update('network_waves', w.id, wave);
        else m.insert('network_waves', wave);
      });
      return readMeeting(ctx.db, id);
    }),

  /**
   * Invites contacts and journalists to one wave, in one transaction: all of them or none. A
   * person already invited to the meeting is left where they are; the meeting holds at most
   * MAX_INVITEES, refused before anything is written.
   */
  'network.meetings.invite': (input, ctx) =>
    ctx.mutator.transaction(() => {
      liveMeeting(ctx, input.meetingId);
      const waveId = waveOf(ctx, input.meetingId, input.waveId);
      const contacts = livePeople(ctx, 'network_contacts', input.contactIds, 'kontak');
      const journalists = livePeople(ctx, 'media_journalist', input.journalistIds, 'wartawan');
      const already = ctx.db.prepare('SELECT contact_id, journalist_id FROM network_invitees WHERE meeting_id = ? AND deleted_at IS NULL').all(input.meetingId) as {
        contact_id: string | null;
        journalist_id: string | null;
      }[];
      const invited = new Set(already.flatMap((a) => [a.contact_id, a.journalist_id]).filter((x): x is string => x !== null));
      const newContacts = contacts.filter((c) => !invited.has(c));
      const newJournalists = journalists.filter((j) => !invited.has(j));
      const total = already.length + newContacts.length + newJournalists.length;
      if (total > MAX_INVITEES)
        throw new WartaError(
          'invalid_input',
          `Undangan pertemuan ini akan menjadi ${total}; batasnya ${MAX_INVITEES} orang per pertemuan. Bagi menjadi beberapa pertemuan. (At most ${MAX_INVITEES} invitees per meeting.)`,
          { field: 'contactIds', limit: MAX_INVITEES, total },
        );
      for (const c of newContacts) ctx.mutator.insert('network_invitees', { meeting_id: input.meetingId, wave_id: waveId, contact_id: c, rsvp: 'pending', present: false });
      for (const j of newJournalists) ctx.mutator.insert('network_invitees', { meeting_id: input.meetingId, wave_id: waveId, journalist_id: j, rsvp: 'pending', present: false });
      return readMeeting(ctx.db, input.meetingId);
    }),

  'network.meetings.minutes': (input, ctx) => {
    liveMeeting(ctx, input.id);
    ctx.mutator.update('network_meetings', input.id, { minutes: input.minutes, minutes_at: iso(ctx) });
    return readMeeting(ctx.db, input.id);
  },

  'network.invitees.rsvp': (input, ctx) => {
    const row = inviteeRow(ctx, input.id);
    ctx.mutator.update('network_invitees', input.id, { rsvp: input.rsvp, rsvp_at: iso(ctx) });
    return readMeeting(ctx.db, row.meeting_id);
  },

  /** Attendance on the day: only for someone on this meeting's list (the list is the record). */
  'network.invitees.attend': (input, ctx, caller) => {
    liveMeeting(ctx, input.meetingId);
    const row = ctx.db.prepare('SELECT meeting_id, deleted_at FROM network_invitees WHERE id = ?').get(input.inviteeId) as { meeting_id: string; deleted_at: string | null } | undefined;
    if (!row || row.deleted_at || row.meeting_id !== input.meetingId)
      throw new WartaError('not_found', 'Orang ini tidak ada di daftar undangan pertemuan ini; undang dulu, lalu tandai hadir. (Not on this meeting’s invitation list.)', {
        field: 'inviteeId',
      });
    ctx.mutator.update('network_invitees', input.inviteeId, input.present ? { present: true, present_at: iso(ctx), marked_by: caller.name } : { present: false, present_at: null, marked_by: caller.name });
    return readMeeting(ctx.db, input.meetingId);
  },

  'network.invitees.move': (input, ctx) => {
    const row = inviteeRow(ctx, input.id);
    ctx.mutator.update('network_invitees', input.id, { wave_id: waveOf(ctx, row.meeting_id, input.waveId) });
    return readMeeting(ctx.db, row.meeting_id);
  },

  'network.invitees.remove': (input, ctx) => {
    const row = inviteeRow(ctx, input.id);
    ctx.mutator.remove('network_invitees', input.id);
    return readMeeting(ctx.db, row.meeting_id);
  },

  'network.actions.save': (input, ctx) => {
    liveMeeting(ctx, input.meetingId);
    liveOpd(ctx, input.opdId);
    const values = { meeting_id: input.meetingId, opd_id: input.opdId, text: input.text, due_date: input.dueDate };
    if (input.id) ctx.mutator.update('network_actions', input.id, values);
    else ctx.mutator.insert('network_actions', { ...values, status: 'open' });
    return readMeeting(ctx.db, input.meetingId);
  },

  'network.actions.done': (input, ctx, caller) => markAction(ctx, input, caller.name),

  // The contributor's device: the rulebook (same on the server) keeps it to its own OPD's items.
  'network.actions.report': (input, ctx, caller) => markAction(ctx, input, caller.name),

  'network.actions.list': (input, ctx) => {
    const where = [input.status === 'all' ? '1' : 'a.status = ?'];
    const args: unknown[] = input.status === 'all' ? [] : [input.status];
    if (input.opdId) {
      where.push('a.opd_id = ?');
      args.push(input.opdId);
    }
    return readActions(ctx.db, where.join(' AND '), ...args);
  },
};

/** Marks an action item done (with who and when) or open again; the rulebook judges who may. */
function markAction(ctx: CoreContext, input: { id: string; done: boolean; note: string }, by: string): ActionItem {
  if (!ctx.db.prepare('SELECT 1 FROM network_actions WHERE id = ? AND deleted_at IS NULL').get(input.id))
    throw new WartaError('not_found', 'Tindak lanjut tidak ditemukan. (Action item not found.)', { id: input.id });
  ctx.mutator.update(
    'network_actions',
    input.id,
    input.done ? { status: 'done', done_at: iso(ctx), done_note: input.note, done_by: by } : { status: 'open', done_at: null, done_note: input.note, done_by: null },
  );
  return toAction(ctx.db.prepare(`${ACTION_SELECT} WHERE a.id = ?`).get(input.id) as Parameters<typeof toAction>[0]);
}
