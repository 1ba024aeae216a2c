/**
 * The desk's inbox (issue 14): items received from every channel, numbered per year and kind,
 * verified, answered in public, merged when they are the same complaint, closed with their
 * outcome, escalated when late. What may be written is the rulebook's
 * (shared/rules/tables/publicdesk.ts); these handlers check the input and the moment.
 */
import { WartaError } from '../../../../shared/contract/errors';
import { OPEN_DESK_STATUSES, type DeskStatus } from '../../../../shared/publicdesk/model';
import type { HandlerGroup } from '../../rpc/handler-types';
import { dateKeyOf, deskCalendar } from './calendar';
import { listItems, OPEN_SQL } from './list';
import { readItem, readItemRow, numberOf, type ItemRow } from './rows';
import { boundOpd, deadlineDays, deskOnly, iso, step } from './steps';
import { ensureDefaultTerms } from './terms';


type Methods = 'publicdesk.list' | 'publicdesk.get' | 'publicdesk.receive' | 'publicdesk.verify' | 'publicdesk.reply' | 'publicdesk.close' | 'publicdesk.merge' | 'publicdesk.extend' | 'publicdesk.decide' | 'publicdesk.escalate';

function refuseState(r: ItemRow, allowed: readonly DeskStatus[], id: string, what: string): void {
  if (!allowed.includes(r.status as DeskStatus)) throw new WartaError('conflict', `${what} tidak dapat dilakukan: ${numberOf(r) || 'aduan ini'} berstatus ${r.status}.`, { id, status: r.status });
}

export const inboxHandlers: HandlerGroup<Methods> = {
  'publicdesk.list': (input, ctx) => {
    deskOnly(ctx);
    return listItems(ctx, input);
  },

  'publicdesk.get': (input, ctx) => {
    deskOnly(ctx);
    return readItem(ctx, input.id, deskCalendar(ctx));
  },

  'publicdesk.receive': (input, ctx, caller) => {
    deskOnly(ctx);
    // The same form sent again: one item, not two.
    if (ctx.db.prepare('SELECT 1 FROM publicdesk_items WHERE id = ?').get(input.id)) return readItem(ctx, input.id, deskCalendar(ctx));
    if (input.ticket) {
      const twin = ctx.db.prepare("SELECT * FROM publicdesk_items WHERE ticket = ? AND channel = 'lapor' AND deleted_at IS NULL").get(input.ticket) as ItemRow | undefined;
      if (twin) throw new WartaError('conflict', `Tiket SP4N-LAPOR! ${input.ticket} sudah tercatat sebagai ${numberOf(twin)}.`, { field: 'ticket', id: twin.id });
    }
    const named = !input.anonymous && (input.personName !== '' || input.personPhone !== '' || input.personEmail !== '' || input.personAddress !== '');
    if (named && !caller.can('media.personal'))
      throw new WartaError('forbidden', 'Data pribadi pelapor hanya dicatat oleh staf yang berwenang (izin media.personal).', { permission: 'media.personal' });
    const receivedMs = input.receivedMs ?? ctx.now();
    if (receivedMs > ctx.now() + 5 * 60_000) throw new WartaError('invalid_input', 'Waktu diterima tidak boleh di masa depan.', { field: 'receivedMs' });
    const cal = deskCalendar(ctx);
    const receivedDate = dateKeyOf(ctx, receivedMs);
    const year = Number(receivedDate.slice(0, 4));
    ctx.mutator.transaction(() => {
      ensureDefaultTerms(ctx);
      const max = (ctx.db.prepare('SELECT max(seq) FROM publicdesk_items WHERE year = ? AND kind = ?').pluck().get(year, input.kind) as number | null) ?? 0;
      ctx.mutator.write('publicdesk_items', input.id, {
        kind: input.kind,
        channel: input.channel,
        ticket: input.ticket || null,
        post_url: input.postUrl,
        year,
        seq: max + 1,
        anonymous: input.anonymous,
        ...(named ? { person_name: input.personName, person_phone: input.personPhone, person_email: input.personEmail, person_address: input.personAddress } : {}),
        consent: input.anonymous ? false : input.consent,
        body: input.body,
        category: input.category,
        location: input.location,
        priority: input.priority,
        status: 'received',
        received_at: new Date(receivedMs).toISOString(),
        received_date: receivedDate,
        due_date: cal.due(receivedDate, deadlineDays(ctx, input.kind)),
        extended: false,
        purpose: input.purpose,
        receive_by: input.receiveBy,
        copy_by: input.copyBy,
        created_at: iso(ctx),
      });
      step(ctx, caller, { itemId: input.id }, 'received', `${input.channel}${input.ticket ? ` ${input.ticket}` : ''}`);
    });
    return readItem(ctx, input.id, cal);
  },

  'publicdesk.verify': (input, ctx, caller) => {
    deskOnly(ctx);
    const r = readItemRow(ctx, input.id);
    refuseState(r, ['received'], r.id, 'Verifikasi');
    ctx.mutator.transaction(() => {
      ctx.mutator.update('publicdesk_items', r.id, { status: 'verified' });
      step(ctx, caller, { itemId: r.id }, 'verified');
    });
    return readItem(ctx, r.id, deskCalendar(ctx));
  },

  'publicdesk.reply': (input, ctx, caller) => {
    deskOnly(ctx);
    const r = readItemRow(ctx, input.id);
    if (r.status === 'received') throw new WartaError('conflict', 'Verifikasi aduan ini dulu sebelum menjawabnya di depan publik.', { id: r.id, status: r.status });
    refuseState(r, ['verified', 'disposed', 'answered'], r.id, 'Balasan publik');
    ctx.mutator.transaction(() => {
      ctx.mutator.update('publicdesk_items', r.id, { reply_text: input.text, reply_url: input.url, replied_at: iso(ctx), status: 'answered' });
      step(ctx, caller, { itemId: r.id }, 'replied', input.url);
    });
    return readItem(ctx, r.id, deskCalendar(ctx));
  },

  'publicdesk.close': (input, ctx, caller) => {
    deskOnly(ctx);
    const r = readItemRow(ctx, input.id);
    refuseState(r, OPEN_DESK_STATUSES, r.id, 'Penutupan');
    const closedMs = input.closedMs ?? ctx.now();
    if (r.received_at && closedMs < Date.parse(r.received_at))
      throw new WartaError('invalid_input', 'Tanggal selesai tidak boleh sebelum tanggal diterima.', { field: 'closedMs', receivedAt: r.received_at });
    if (closedMs > ctx.now() + 5 * 60_000) throw new WartaError('invalid_input', 'Tanggal selesai tidak boleh di masa depan.', { field: 'closedMs' });
    ctx.mutator.transaction(() => {
      // Parts still open when the desk closes the item are cancelled, each recorded.
      for (const p of ctx.db.prepare("SELECT id, opd_id FROM publicdesk_parts WHERE item_id = ? AND status IN ('open', 'extension_asked') AND deleted_at IS NULL").all(r.id) as { id: string; opd_id: string }[])
        ctx.mutator.update('publicdesk_parts', p.id, { status: 'cancelled' });
      ctx.mutator.update('publicdesk_items', r.id, { status: 'closed', outcome: input.outcome, closed_at: new Date(closedMs).toISOString() });
      step(ctx, caller, { itemId: r.id }, 'closed', [input.outcome, input.note].filter(Boolean).join(': '), { outcome: input.outcome });
    });
    return readItem(ctx, r.id, deskCalendar(ctx));
  },

  'publicdesk.merge': (input, ctx, caller) => {
    deskOnly(ctx);
    const dup = readItemRow(ctx, input.id);
    const into = readItemRow(ctx, input.intoId);
    refuseState(dup, OPEN_DESK_STATUSES, dup.id, 'Penggabungan');
    refuseState(into, OPEN_DESK_STATUSES, into.id, 'Penggabungan');
    ctx.mutator.transaction(() => {
      for (const p of ctx.db.prepare("SELECT id FROM publicdesk_parts WHERE item_id = ? AND status IN ('open', 'extension_asked') AND deleted_at IS NULL").all(dup.id) as { id: string }[])
        ctx.mutator.update('publicdesk_parts', p.id, { status: 'cancelled' });
      // Merged items of the duplicate follow it to the survivor, so no post link is lost.
      for (const m of ctx.db.prepare('SELECT id FROM publicdesk_items WHERE merged_into = ?').all(dup.id) as { id: string }[]) ctx.mutator.update('publicdesk_items', m.id, { merged_into: into.id });
      ctx.mutator.update('publicdesk_items', dup.id, { status: 'merged', merged_into: into.id });
      step(ctx, caller, { itemId: dup.id }, 'merged', numberOf(into));
      step(ctx, caller, { itemId: into.id }, 'merged', numberOf(dup));
    });
    return readItem(ctx, into.id, deskCalendar(ctx));
  },

  /** An information request's deadline extended once, by at most 7 working days, with the reason (UU 14/2008 pasal 22 ayat 8). */
  'publicdesk.extend': (input, ctx, caller) => {
    deskOnly(ctx);
    const r = readItemRow(ctx, input.id);
    if (r.kind !== 'info_request') throw new WartaError('invalid_input', 'Perpanjangan hanya untuk permohonan informasi publik.', { field: 'id' });
    if (r.extended) throw new WartaError('conflict', 'Jangka waktu permohonan ini sudah pernah diperpanjang; UU 14/2008 hanya membolehkan sekali.', { id: r.id });
    refuseState(r, ['received', 'verified', 'disposed'], r.id, 'Perpanjangan');
    const most = deadlineDays(ctx, 'info_request_extension');
    if (input.days > most) throw new WartaError('invalid_input', `Perpanjangan paling lama ${most} hari kerja.`, { field: 'days', max: most });
    const cal = deskCalendar(ctx);
    const due = cal.due(r.due_date ?? cal.today, input.days);
    ctx.mutator.transaction(() => {
      ctx.mutator.update('publicdesk_items', r.id, { due_date: due, extended: true });
      step(ctx, caller, { itemId: r.id }, 'extension_granted', `${input.days} hari kerja: ${input.reason}`, { dueDate: due });
    });
    return readItem(ctx, r.id, cal);
  },

  'publicdesk.decide': (input, ctx, caller) => {
    deskOnly(ctx);
    const r = readItemRow(ctx, input.id);
    if (r.kind !== 'info_request' && r.kind !== 'objection') throw new WartaError('invalid_input', 'Keputusan PPID hanya untuk permohonan informasi dan keberatan.', { field: 'id' });
    refuseState(r, OPEN_DESK_STATUSES, r.id, 'Keputusan');
    const decidedMs = input.decidedMs ?? ctx.now();
    if (r.received_at && decidedMs < Date.parse(r.received_at)) throw new WartaError('invalid_input', 'Tanggal dijawab tidak boleh sebelum tanggal diterima.', { field: 'decidedMs' });
    ctx.mutator.transaction(() => {
      ctx.mutator.update('publicdesk_items', r.id, { decision: input.decision, exemption_basis: input.exemptionBasis, decided_at: new Date(decidedMs).toISOString(), fee: input.fee });
      step(ctx, caller, { itemId: r.id }, 'decided', [input.decision, input.exemptionBasis].filter(Boolean).join(': '), { decision: input.decision });
    });
    return readItem(ctx, r.id, deskCalendar(ctx));
  },

  /** Marks what is past its deadline, once: the desk's board shows it and the head of the desk reads the audit log. */
  'publicdesk.escalate': (_input, ctx, caller) => {
    if (boundOpd(ctx)) return { items: 0, parts: 0 };
    const cal = deskCalendar(ctx);
    const items = ctx.db.prepare(`SELECT id, due_date FROM publicdesk_items WHERE deleted_at IS NULL AND status IN ${OPEN_SQL} AND due_date < ? AND escalated_at IS NULL`).all(cal.today) as { id: string; due_date: string }[];
    const parts = ctx.db.prepare("SELECT id, item_id, opd_id, due_date FROM publicdesk_parts WHERE deleted_at IS NULL AND status IN ('open', 'extension_asked') AND due_date < ? AND escalated_at IS NULL").all(cal.today) as {
      id: string;
      item_id: string;
      opd_id: string;
      due_date: string;
    }[];
    if (items.length === 0 && parts.length === 0) return { items: 0, parts: 0 };
    ctx.mutator.transaction(() => {
      for (const i of items) {
        ctx.mutator.update('publicdesk_items', i.id, { escalated_at: iso(ctx) });
        step(ctx, caller, { itemId: i.id }, 'escalated', `Lewat tenggat ${i.due_date}`);
      }
      for (const p of parts) {
        ctx.mutator.update('publicdesk_parts', p.id, { escalated_at: iso(ctx) });
        step(ctx, caller, { itemId: p.item_id, partId: p.id, opdId: p.opd_id }, 'escalated', `Lewat tenggat ${p.due_date}`);
      }
    });
    return { items: items.length, parts: parts.length };
  },
};
