import { WartaError } from '../../../../shared/contract/errors';
import { GUESTBOOK_NOTICE_VERSION, type GuestbookEntry } from '../../../../shared/people/guestbook';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';

interface Row {
  id: string;
  name: string | null;
  outlet: string | null;
  purpose: string | null;
  time_in: string | null;
  time_out: string | null;
  consent_at: string | null;
  notice_version: string | null;
  deleted_at: string | null;
}

const toEntry = (r: Row): GuestbookEntry => ({
  id: r.id,
  name: r.name ?? '',
  outlet: r.outlet ?? '',
  purpose: r.purpose ?? '',
  timeIn: r.time_in ?? '',
  timeOut: r.time_out,
  consentAt: r.consent_at ?? '',
  noticeVersion: r.notice_version ?? '',
});

function read(ctx: CoreContext, id: string): GuestbookEntry {
  const row = ctx.db.prepare('SELECT * FROM guestbook_entries WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
  if (!row) throw new WartaError('not_found', 'Catatan buku tamu tidak ditemukan.', { id });
  return toEntry(row);
}

export const guestbookHandlers: HandlerGroup<'guestbook.signIn' | 'guestbook.signOut' | 'guestbook.list'> = {
  'guestbook.signIn': (input, ctx) => {
    const at = new Date(ctx.now()).toISOString();
    const id = ctx.mutator.insert('guestbook_entries', {
      name: input.name,
      outlet: input.outlet,
      purpose: input.purpose,
      time_in: at,
      time_out: null,
      consent_at: at,
      notice_version: GUESTBOOK_NOTICE_VERSION,
      device_id: ctx.info.deviceId,
    });
    return read(ctx, id);
  },
  'guestbook.signOut': (input, ctx) => {
    const entry = read(ctx, input.id);
    if (entry.timeOut) return entry;
    ctx.mutator.update('guestbook_entries', input.id, { time_out: new Date(ctx.now()).toISOString() });
    return read(ctx, input.id);
  },
  'guestbook.list': (input, ctx, caller) => {
    const rows = ctx.db
      .prepare(`SELECT * FROM guestbook_entries WHERE deleted_at IS NULL ${input.from ? 'AND time_in >= ?' : ''} ORDER BY time_in DESC LIMIT ?`)
      .all(...(input.from ? [input.from, input.limit] : [input.limit])) as Row[];
    // Visitors' personal data: who looked is on record (UU 27/2022).
    ctx.audit.record(caller, { action: 'personal_data.viewed', targetType: 'guestbook', details: { entries: rows.length } });
    return rows.map(toEntry);
  },
};
