/**
 * Distribution of releases to the media: compose (preview, queue), the outbox and its
 * recipients, WhatsApp hand-over, records per release and per person, SMTP settings.
 * See outbox.ts for how each email goes out once.
 */
import { WartaError } from '../../../../shared/contract/errors';
import type { OutboxStatus, QueueResult } from '../../../../shared/contract/methods/distribution';
import type { MethodParsedInput } from '../../../../shared/contract/methods';
import { greetingFor, subjectFor, textWithGreeting } from '../../../../shared/distribution/message';
import type { ComposePreview, EmailStatus } from '../../../../shared/distribution/model';
import { embargoLine, isEmbargoed } from '../../../../shared/releases/embargo';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { Caller } from '../../caller';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { buildAttachments, releaseContent, releaseStatus, sendable } from './content';
import { outboxOf } from './outbox';
import { planRecipients } from './recipients';
import { distributionDetail, journalistRecords, listDistributions, recipientView, releaseRecords, type RecipientRowDb } from './records';
import { readSmtpSettings, settingsView, writeSmtpSettings } from './settings';
import { SmtpSession } from './smtp-session';

type ComposeInput = MethodParsedInput<'distribution.queue'>;

/** The release as it may be sent now, or a clear reason why not. */
function requireSendable(ctx: CoreContext, releaseId: string) {
  const state = releaseStatus(ctx, releaseId);
  if (!state) throw new WartaError('not_found', 'Siaran pers tidak ditemukan.', { releaseId });
  if (!sendable(state)) {
    throw new WartaError(
      'conflict',
      state.status === 'approved'
        ? 'Siaran pers ini disetujui tanpa embargo: terbitkan dulu, baru kirim ke media.'
        : 'Hanya siaran pers yang sudah terbit, atau disetujui dengan embargo, yang dapat dikirim ke media.',
      { status: state.status },
    );
  }
  const embargoed = isEmbargoed(state, ctx.now());
  const notice = embargoed && state.embargoAt ? embargoLine(state.embargoAt, (state.embargoZone as ZoneLabel | null) ?? 'WIB') : null;
  return { state, embargoed, notice };
}

async function attachmentsFor(ctx: CoreContext, input: ComposeInput) {
  if (!input.channels.email || !input.attachments.length) return [];
  const s = readSmtpSettings(ctx.db);
  return buildAttachments(ctx, input.releaseId, input.attachments, { paper: input.paper, photoMaxPx: s.photoMaxPx, limitBytes: s.attachmentLimitMb * 1_000_000 });
}

function noRecipients(excluded: number): WartaError {
  return new WartaError(
    'invalid_input',
    excluded
      ? `Tidak ada penerima yang dapat dikirimi: ${excluded} kontak dilewati (tanpa alamat, alamat tidak sah, atau minta tidak dikirimi).`
      : 'Belum ada penerima. Pilih daftar distribusi atau wartawan.',
    { field: 'recipients', excluded },
  );
}

function changeRecipients(
  ctx: CoreContext,
  ids: readonly string[],
  allowed: readonly EmailStatus[],
  values: (row: RecipientRowDb) => Record<string, string | number | null>,
): { changed: number } {
  const read = ctx.db.prepare(
    'SELECT r.*, d.sender_device FROM distribution_recipients r JOIN distributions d ON d.id = r.distribution_id WHERE r.id = ? AND r.deleted_at IS NULL',
  );
  return ctx.mutator.transaction(() => {
    let changed = 0;
    for (const id of ids) {
      const row = read.get(id) as (RecipientRowDb & { sender_device: string | null }) | undefined;
      if (!row) throw new WartaError('not_found', 'Penerima tidak ditemukan.', { id });
      if (row.sender_device !== ctx.info.deviceId) {
        throw new WartaError('conflict', 'Email pengiriman ini dikirim dari komputer lain; ubah statusnya di komputer itu.', { id });
      }
      if (!allowed.includes(row.email_status as EmailStatus)) continue;
      ctx.mutator.update('distribution_recipients', id, values(row));
      changed += 1;
    }
    return { changed };
  });
}

export function outboxStatus(ctx: CoreContext): OutboxStatus {
  const s = readSmtpSettings(ctx.db);
  const counts = ctx.db
    .prepare(
      "SELECT r.email_status AS s, count(*) AS n, min(r.next_attempt_at) AS next FROM distribution_recipients r JOIN distributions d ON d.id = r.distribution_id WHERE d.sender_device = ? AND r.deleted_at IS NULL AND r.email_status IN ('queued', 'retrying', 'waiting_embargo', 'uncertain', 'sending') GROUP BY r.email_status",
    )
    .all(ctx.info.deviceId) as { s: EmailStatus; n: number; next: string | null }[];
  const n = (st: EmailStatus) => counts.find((c) => c.s === st)?.n ?? 0;
  const outbox = outboxOf(ctx);
  return {
    configured: Boolean(s.host && s.fromAddress),
    passwordSaved: ctx.smtpPassword.load() !== null,
    problem: outbox.problem,
    lastAttemptAt: outbox.lastAttemptAt,
    pending: n('queued') + n('sending'),
    retrying: n('retrying'),
    waitingEmbargo: n('waiting_embargo'),
    uncertain: n('uncertain'),
    nextAttemptAt: counts.find((c) => c.s === 'retrying')?.next ?? null,
  };
}

function isoNow(ctx: CoreContext): string {
  return new Date(ctx.now()).toISOString();
}

async function preview(ctx: CoreContext, input: MethodParsedInput<'distribution.preview'>): Promise<ComposePreview> {
  const { notice } = requireSendable(ctx, input.releaseId);
  const plan = planRecipients(ctx, input);
  const attachments = input.withAttachments ? await attachmentsFor(ctx, input) : [];
  const content = releaseContent(ctx, input.releaseId);
  const first = plan.recipients[0];
  const greetingSample = greetingFor(input.greeting, first ?? { name: 'Budi Santoso', outletName: 'Harian Contoh', journalistId: 'contoh' });
  return {
    recipients: plan.recipients,
    excluded: plan.excluded,
    subject: subjectFor(content.title, null),
    embargoSubject: notice ? subjectFor(content.title, notice) : null,
    embargoAt: notice ? content.embargoAt : null,
    greetingSample,
    text: textWithGreeting(greetingSample, notice, content.text),
    whatsappText: content.whatsapp,
    attachments,
    attachmentBytes: attachments.reduce((a, f) => a + f.bytes, 0),
    attachmentLimitBytes: readSmtpSettings(ctx.db).attachmentLimitMb * 1_000_000,
  };
}

async function queue(ctx: CoreContext, input: ComposeInput, caller: Caller): Promise<QueueResult> {
  const { embargoed } = requireSendable(ctx, input.releaseId);
  const plan = planRecipients(ctx, input);
  if (!plan.recipients.length) throw noRecipients(plan.excluded.length);
  const attachments = await attachmentsFor(ctx, input);
  const content = releaseContent(ctx, input.releaseId);
  const result: QueueResult = { id: '', emails: 0, waitingEmbargo: 0, whatsapp: 0, excluded: plan.excluded.length };
  // One transaction: the whole distribution is queued, or nothing is (a crash or an error leaves no half list).
  ctx.mutator.transaction(() => {
    result.id = ctx.mutator.insert('distributions', {
      release_id: input.releaseId,
      release_title: content.title,
      channel_email: input.channels.email,
      channel_whatsapp: input.channels.whatsapp,
      greeting: input.greeting,
      attachments: attachments as unknown as Record<string, unknown>[],
      list_ids: [...input.listIds],
      created_by: caller.name,
      sender_device: ctx.info.deviceId,
    });
    for (const r of plan.recipients) {
      const waits = embargoed && !r.embargoTrusted;
      const status: EmailStatus | null = r.email ? (waits ? 'waiting_embargo' : 'queued') : null;
      if (status === 'queued') result.emails += 1;
      if (status === 'waiting_embargo') result.waitingEmbargo += 1;
      if (r.whatsapp) result.whatsapp += 1;
      ctx.mutator.insert('distribution_recipients', {
        distribution_id: result.id,
        release_id: input.releaseId,
        journalist_id: r.journalistId,
        outlet_id: r.outletId,
        name: r.name,
        outlet_name: r.outletName,
        email: r.email,
        whatsapp: r.whatsapp,
        embargo_trusted: r.embargoTrusted,
        email_status: status,
        attempts: 0,
      });
    }
    ctx.audit.record(caller, {
      action: 'distribution.queued',
      targetType: 'release',
      targetId: input.releaseId,
      details: { distributionId: result.id, recipients: plan.recipients.length, excluded: plan.excluded.length, embargoed },
    });
  });
  return result;
}

export const distributionHandlers: HandlerGroup<
  | 'distribution.preview'
  | 'distribution.queue'
  | 'distribution.list'
  | 'distribution.get'
  | 'distribution.records.release'
  | 'distribution.records.journalist'
  | 'distribution.recipients.retry'
  | 'distribution.recipients.markSent'
  | 'distribution.recipients.cancel'
  | 'distribution.whatsapp.handed'
  | 'distribution.outbox.status'
  | 'distribution.outbox.sendNow'
  | 'distribution.settings.get'
  | 'distribution.settings.save'
  | 'distribution.settings.password'
  | 'distribution.settings.test'
> = {
  'distribution.preview': (input, ctx) => preview(ctx, input),
  'distribution.queue': (input, ctx, caller) => queue(ctx, input, caller),
  'distribution.list': (input, ctx) => listDistributions(ctx, input.releaseId, input.limit),
  'distribution.get': (input, ctx, caller) => distributionDetail(ctx, caller, input.id),
  'distribution.records.release': (input, ctx, caller) => releaseRecords(ctx, caller, input.releaseId),
  'distribution.records.journalist': (input, ctx) => journalistRecords(ctx, input.journalistId),

  'distribution.recipients.retry': (input, ctx) =>
    changeRecipients(ctx, input.ids, ['refused', 'uncertain', 'retrying', 'held', 'cancelled'], () => ({
      email_status: 'queued',
      next_attempt_at: null,
      last_error: null,
    })),
  'distribution.recipients.markSent': (input, ctx, caller) =>
    changeRecipients(ctx, input.ids, ['uncertain'], () => ({
      email_status: 'sent',
      sent_at: isoNow(ctx),
      last_error: `Ditandai terkirim oleh ${caller.name}.`,
    })),
  'distribution.recipients.cancel': (input, ctx, caller) =>
    changeRecipients(ctx, input.ids, ['queued', 'waiting_embargo', 'retrying', 'uncertain', 'held'], () => ({
      email_status: 'cancelled',
      next_attempt_at: null,
      last_error: `Dibatalkan oleh ${caller.name}.`,
    })),

  'distribution.whatsapp.handed': (input, ctx, caller) => {
    const view = recipientView(ctx, caller, input.id);
    if (!view.whatsappLink) {
      throw new WartaError('conflict', 'Pesan WhatsApp untuk penerima ini belum boleh dikirim (embargo, siaran pers ditarik, atau tanpa nomor).', { id: input.id });
    }
    ctx.mutator.update('distribution_recipients', input.id, { whatsapp_handed_at: isoNow(ctx), whatsapp_handed_by: caller.name });
    return recipientView(ctx, caller, input.id);
  },

  'distribution.outbox.status': (_input, ctx) => outboxStatus(ctx),
  'distribution.outbox.sendNow': (_input, ctx) => {
    outboxOf(ctx).sendNow();
    return outboxStatus(ctx);
  },

  'distribution.settings.get': (_input, ctx) => settingsView(ctx),
  'distribution.settings.save': (input, ctx) => {
    writeSmtpSettings(ctx, input);
    return settingsView(ctx);
  },
  'distribution.settings.password': (input, ctx, caller) => {
    ctx.smtpPassword.save(input.password);
    ctx.audit.record(caller, { action: input.password ? 'distribution.smtp_password.set' : 'distribution.smtp_password.clear', targetType: 'device', targetId: ctx.info.deviceId, details: {} });
    return settingsView(ctx);
  },
  'distribution.settings.test': async (_input, ctx) => {
    const s = readSmtpSettings(ctx.db);
    if (!s.host) throw new WartaError('invalid_input', 'Isi nama server SMTP dulu.', { field: 'host' });
    const opened = await SmtpSession.open({ ...s, password: ctx.smtpPassword.load() });
    if (!(opened instanceof SmtpSession)) throw new WartaError('unreachable', opened.reason, { kind: opened.kind });
    opened.close();
    return { ok: true as const, message: `Tersambung ke ${s.host}:${s.port}${s.user ? ` dan masuk sebagai ${s.user}` : ''}.` };
  },
};
