/**
 * The PR contacts of every OPD (issue 13 item 3). Personal data handled like a journalist's
 * (features/media): phone, WhatsApp and e-mail need media.personal to see or change, every
 * viewing and change is in the audit log, a person may have everything Warta holds about them
 * exported, and erasure on request scrubs them through the mutation path (the rulebook's
 * erasure marker), so every machine and the server's log lose the old values.
 */
import { WartaError } from '../../../../shared/contract/errors';
import { normalizeEmail, normalizePhone } from '../../../../shared/media/phone';
import { CONTACT_PERSONAL_FIELDS } from '../../../../shared/network/model';
import type { FieldValue } from '../../../../shared/sync/replicated-tables';
import type { Caller } from '../../caller';
import { scrubbed } from '../../db/scrub';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { syncEngineOf } from '../../sync/engine';
import { CONTACT_SELECT, readContactRow, toContact, type ContactRow } from './rows';

const ERASED_NAME = 'Dihapus atas permintaan';

/** A phone as typed → E.164, or a clear refusal (a WhatsApp number must be a mobile one). */
function phoneOf(raw: string, field: 'phone' | 'whatsapp'): string {
  if (!raw.trim()) return '';
  const r = normalizePhone(raw);
  const what = field === 'phone' ? 'Nomor telepon' : 'Nomor WhatsApp';
  if (!r.ok)
    throw new WartaError('invalid_input', `${what} "${raw}" bukan nomor Indonesia yang sah. (Not a valid Indonesian number.)`, { field: `personal.${field}`, reason: r.reason });
  if (field === 'whatsapp' && r.kind !== 'mobile')
    throw new WartaError('invalid_input', `Nomor WhatsApp "${raw}" bukan nomor seluler. (A WhatsApp number must be a mobile number.)`, { field: 'personal.whatsapp' });
  return r.value;
}

function emailOf(raw: string): string {
  if (!raw.trim()) return '';
  const e = normalizeEmail(raw);
  if (!e) throw new WartaError('invalid_input', `Alamat email "${raw}" tidak sah. (Not a valid e-mail address.)`, { field: 'personal.email' });
  return e;
}

/** Refuses an OPD that is not (or no longer) in the office's list. */
export function liveOpd(ctx: CoreContext, id: string, field = 'opdId'): void {
  if (!ctx.db.prepare('SELECT 1 FROM opd WHERE id = ? AND deleted_at IS NULL').get(id))
    throw new WartaError('not_found', 'OPD itu tidak ada di daftar OPD. (That OPD is not in the list.)', { field });
}

function requirePersonal(caller: Caller): void {
  if (!caller.can('media.personal'))
    throw new WartaError('forbidden', 'Anda tidak berwenang melihat atau mengubah data pribadi kontak. (Not allowed to see or change personal data.)', { permission: 'media.personal' });
}

type Methods =
  | 'network.contacts.list'
  | 'network.contacts.personal'
  | 'network.contacts.save'
  | 'network.contacts.delete'
  | 'network.contacts.exportPerson'
  | 'network.contacts.erase';

export const contactHandlers: HandlerGroup<Methods> = {
  'network.contacts.list': (input, ctx) => {
    const where = ['c.deleted_at IS NULL'];
    const args: unknown[] = [];
    // A contributor's device holds only its own OPD's contacts; the filter says so once more.
    const bound = syncEngineOf(ctx).boundOpd;
    if (bound) {
      where.push('c.opd_id = ?');
      args.push(bound);
    }
    if (input.opdId) {
      where.push('c.opd_id = ?');
      args.push(input.opdId);
    }
    if (input.infoTeamOnly) where.push('c.info_team = 1');
    const q = input.query.trim();
    if (q) {
      const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push("(c.name LIKE ? ESCAPE '\\' OR c.position LIKE ? ESCAPE '\\' OR o.name LIKE ? ESCAPE '\\')");
      args.push(like, like, like);
    }
    const rows = ctx.db.prepare(`${CONTACT_SELECT} WHERE ${where.join(' AND ')} ORDER BY o.name COLLATE NOCASE, c.name COLLATE NOCASE, c.id`).all(...args) as ContactRow[];
    return rows.map(toContact);
  },

  'network.contacts.personal': (input, ctx, caller) => {
    const row = readContactRow(ctx.db, input.id);
    // Each viewing of a person's contact data is recorded (UU 27/2022: access is logged).
    ctx.audit.record(caller, { action: 'network.personal.view', targetType: 'network_contact', targetId: input.id, details: { fields: [...CONTACT_PERSONAL_FIELDS] } });
    return { phone: row.phone ?? '', whatsapp: row.whatsapp ?? '', email: row.email ?? '' };
  },

  'network.contacts.save': (input, ctx, caller) => {
    if (input.personal) requirePersonal(caller);
    liveOpd(ctx, input.opdId);
    const values: Record<string, FieldValue> = {
      opd_id: input.opdId,
      name: input.name,
      position: input.position,
      info_team: input.infoTeam,
      decree_no: input.decreeNo,
      decree_date: input.decreeDate,
      consent: input.consent,
      notes: input.notes,
    };
    if (input.personal) {
      const p = input.personal;
      Object.assign(values, { phone: phoneOf(p.phone, 'phone'), whatsapp: phoneOf(p.whatsapp, 'whatsapp'), email: emailOf(p.email) });
    }
    const now = new Date(ctx.now()).toISOString();
    return ctx.mutator.transaction(() => {
      let id = input.id;
      const before = id ? (ctx.db.prepare('SELECT consent, erased_at FROM network_contacts WHERE id = ?').get(id) as { consent: string | null; erased_at: string | null } | undefined) : undefined;
      if (id && !before) throw new WartaError('not_found', 'Kontak jejaring tidak ditemukan. (Network contact not found.)', { id });
      if (id && before) {
        if (before.erased_at) throw new WartaError('conflict', 'Data kontak ini sudah dihapus atas permintaan; tidak dapat diubah. (Erased on request.)', { id });
        if (before.consent !== input.consent) values.consent_at = now;
        ctx.mutator.update('network_contacts', id, values);
      } else {
        values.consent_at = input.consent === 'unknown' ? null : now;
        id = ctx.mutator.insert('network_contacts', values);
      }
      if (input.personal) ctx.audit.record(caller, { action: 'network.personal.edit', targetType: 'network_contact', targetId: id, details: {} });
      return toContact(readContactRow(ctx.db, id));
    });
  },

  'network.contacts.delete': (input, ctx) => {
    readContactRow(ctx.db, input.id);
    ctx.mutator.remove('network_contacts', input.id);
    return toContact(readContactRow(ctx.db, input.id));
  },

  /** Everything Warta holds about one contact (UU 27/2022, the right of access), logged. */
  'network.contacts.exportPerson': (input, ctx, caller) => {
    const row = readContactRow(ctx.db, input.id);
    const meetings = ctx.db
      .prepare(
        `SELECT m.title, w.date, i.rsvp, i.present FROM network_invitees i JOIN network_meetings m ON m.id = i.meeting_id
         LEFT JOIN network_waves w ON w.id = i.wave_id WHERE i.contact_id = ? AND i.deleted_at IS NULL ORDER BY w.date`,
      )
      .all(input.id) as { title: string | null; date: string | null; rsvp: string | null; present: number | null }[];
    const access = ctx.db.prepare("SELECT at, actor_name, action FROM audit_log WHERE target_type = 'network_contact' AND target_id = ? ORDER BY seq").all(input.id);
    const record = {
      ...toContact(row),
      phone: row.phone ?? '',
      whatsapp: row.whatsapp ?? '',
      email: row.email ?? '',
      meetings: meetings.map((m) => ({ title: m.title ?? '', date: m.date ?? '', rsvp: m.rsvp ?? 'pending', present: m.present === 1 })),
      accessLog: access,
    };
    ctx.audit.record(caller, { action: 'network.personal.export_person', targetType: 'network_contact', targetId: input.id, details: { format: 'json' } });
    const base = `data-pribadi-${(row.name ?? 'kontak').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'kontak'}`;
    return { fileName: `${base}.json`, mime: 'application/json', base64: Buffer.from(JSON.stringify(record, null, 2), 'utf8').toString('base64') };
  },

  /**
   * Erasure on request: name, position, contact data, notes and decree scrubbed in one change
   * marked `erased_at` (the rulebook's erasure), with secure_delete and a WAL truncate
   * (db/scrub.ts). The row stays as a tombstone; invitations keep pointing at it and show
   * "Dihapus atas permintaan" (they never held a copy).
   */
  'network.contacts.erase': (input, ctx, caller) => {
    const row = readContactRow(ctx.db, input.id);
    if (row.erased_at) throw new WartaError('conflict', 'Data kontak ini sudah dihapus sebelumnya. (Already erased.)', { id: input.id });
    const at = new Date(ctx.now()).toISOString();
    scrubbed(ctx.db, () =>
      ctx.mutator.transaction(() => {
        ctx.mutator.write('network_contacts', input.id, {
          name: ERASED_NAME,
          position: null,
          phone: null,
          whatsapp: null,
          email: null,
          notes: null,
          decree_no: null,
          decree_date: null,
          consent: 'withdrawn',
          consent_at: at,
          erased_at: at,
          deleted_at: row.deleted_at ?? at,
        });
        ctx.audit.record(caller, { action: 'network.personal.erase', targetType: 'network_contact', targetId: input.id, details: { reason: input.reason } });
      }),
    );
    return toContact(readContactRow(ctx.db, input.id));
  },
};
