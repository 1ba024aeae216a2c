import type { AttachmentInfo, DeliveryRecord, DistributionDetail, DistributionSummary, EmailStatus, RecipientView } from '../../../../shared/distribution/model';
import { greetingFor, whatsappLink } from '../../../../shared/distribution/message';
import { WartaError } from '../../../../shared/contract/errors';
import { isEmbargoed } from '../../../../shared/releases/embargo';
import type { Caller } from '../../caller';
import type { CoreContext } from '../../rpc/handler-types';
import { releaseStatus, releaseWhatsApp } from './content';

interface DistributionRowDb {
  id: string;
  release_id: string | null;
  release_title: string | null;
  channel_email: number | null;
  channel_whatsapp: number | null;
  greeting: string | null;
  attachments: string | null;
  created_by: string | null;
  sender_device: string | null;
  created_at: string | null;
  updated_at: string;
}

export interface RecipientRowDb {
  id: string;
  distribution_id: string | null;
  release_id: string | null;
  journalist_id: string | null;
  name: string | null;
  outlet_name: string | null;
  email: string | null;
  whatsapp: string | null;
  embargo_trusted: number | null;
  email_status: string | null;
  attempts: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
  whatsapp_handed_at: string | null;
  whatsapp_handed_by: string | null;
  created_at: string | null;
  updated_at: string;
  release_title?: string | null;
  greeting?: string | null;
}

function attachmentsOf(json: string | null): AttachmentInfo[] {
  try {
    const list = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(list) ? (list as AttachmentInfo[]) : [];
  } catch {
    return [];
  }
}

function summaryOf(ctx: CoreContext, d: DistributionRowDb): DistributionSummary {
  const counts = ctx.db
    .prepare("SELECT email_status AS s, count(*) AS n FROM distribution_recipients WHERE distribution_id = ? AND deleted_at IS NULL AND email_status IS NOT NULL GROUP BY email_status")
    .all(d.id) as { s: EmailStatus; n: number }[];
  const wa = ctx.db
    .prepare('SELECT count(*) AS total, count(whatsapp_handed_at) AS handed FROM distribution_recipients WHERE distribution_id = ? AND deleted_at IS NULL AND whatsapp IS NOT NULL')
    .get(d.id) as { total: number; handed: number };
  return {
    id: d.id,
    releaseId: d.release_id ?? '',
    releaseTitle: d.release_title ?? '',
    createdAt: d.created_at ?? d.updated_at,
    createdBy: d.created_by ?? '',
    channels: { email: d.channel_email === 1, whatsapp: d.channel_whatsapp === 1 },
    attachments: attachmentsOf(d.attachments),
    sendsHere: d.sender_device === ctx.info.deviceId,
    counts: Object.fromEntries(counts.map((c) => [c.s, c.n])),
    whatsappTotal: wa.total,
    whatsappHanded: wa.handed,
  };
}

function readDistribution(ctx: CoreContext, id: string): DistributionRowDb {
  const d = ctx.db.prepare('SELECT * FROM distributions WHERE id = ? AND deleted_at IS NULL').get(id) as DistributionRowDb | undefined;
  if (!d) throw new WartaError('not_found', 'Pengiriman tidak ditemukan.', { id });
  return d;
}

export function listDistributions(ctx: CoreContext, releaseId: string | undefined, limit: number): DistributionSummary[] {
  const rows = (
    releaseId
      ? ctx.db.prepare('SELECT * FROM distributions WHERE release_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?').all(releaseId, limit)
      : ctx.db.prepare('SELECT * FROM distributions WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?').all(limit)
  ) as DistributionRowDb[];
  return rows.map((d) => summaryOf(ctx, d));
}

/**
 * The WhatsApp text for one person, or null while the embargo holds for them. Addresses and
 * the link (it carries the number) are personal data: only for callers with media.personal.
 */
function viewOf(ctx: CoreContext, caller: Caller, r: RecipientRowDb, wa: { text: string | null; embargoed: boolean } | null): RecipientView {
  const personal = caller.can('media.personal');
  const trusted = r.embargo_trusted === 1;
  let link: string | null = null;
  if (personal && wa?.text && r.whatsapp && (!wa.embargoed || trusted)) {
    const greeting = greetingFor(r.greeting ?? '', { name: r.name ?? '', outletName: r.outlet_name ?? '', journalistId: r.journalist_id });
    link = whatsappLink(r.whatsapp, `${greeting}\n\n${wa.text}`);
  }
  return {
    id: r.id,
    distributionId: r.distribution_id ?? '',
    releaseId: r.release_id ?? '',
    releaseTitle: r.release_title ?? '',
    journalistId: r.journalist_id,
    name: r.name ?? '',
    outletName: r.outlet_name ?? '',
    email: personal ? r.email : null,
    whatsapp: personal && r.whatsapp ? `+${r.whatsapp}` : null,
    embargoTrusted: trusted,
    emailStatus: (r.email_status as EmailStatus | null) ?? null,
    attempts: r.attempts ?? 0,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    sentAt: r.sent_at,
    whatsappLink: link,
    whatsappHandedAt: r.whatsapp_handed_at,
    whatsappHandedBy: r.whatsapp_handed_by,
    createdAt: r.created_at ?? r.updated_at,
  };
}

/** The WhatsApp text of a release now (null when it may not go out), memoised per call. */
function whatsappState(ctx: CoreContext, releaseId: string): { text: string | null; embargoed: boolean } {
  const s = releaseStatus(ctx, releaseId);
  if (!s || !(s.status === 'published' || s.status === 'approved')) return { text: null, embargoed: false };
  return { text: releaseWhatsApp(ctx, releaseId), embargoed: isEmbargoed(s, ctx.now()) };
}

const RECIPIENT_SELECT = `SELECT r.*, d.release_title, d.greeting FROM distribution_recipients r JOIN distributions d ON d.id = r.distribution_id`;

export function distributionDetail(ctx: CoreContext, caller: Caller, id: string): DistributionDetail {
  const d = readDistribution(ctx, id);
  const wa = d.channel_whatsapp === 1 && d.release_id ? whatsappState(ctx, d.release_id) : null;
  const rows = ctx.db.prepare(`${RECIPIENT_SELECT} WHERE r.distribution_id = ? AND r.deleted_at IS NULL ORDER BY r.outlet_name COLLATE NOCASE, r.name COLLATE NOCASE`).all(id) as RecipientRowDb[];
  return {
    ...summaryOf(ctx, d),
    greeting: d.greeting ?? '',
    whatsappText: wa?.text ?? '',
    recipients: rows.map((r) => viewOf(ctx, caller, r, wa)),
  };
}

export function recipientView(ctx: CoreContext, caller: Caller, id: string): RecipientView {
  const r = ctx.db.prepare(`${RECIPIENT_SELECT} WHERE r.id = ? AND r.deleted_at IS NULL`).get(id) as RecipientRowDb | undefined;
  if (!r) throw new WartaError('not_found', 'Penerima tidak ditemukan.', { id });
  return viewOf(ctx, caller, r, r.whatsapp && r.release_id ? whatsappState(ctx, r.release_id) : null);
}

/** Who got this release, when and by which channel (every distribution of it). */
export function releaseRecords(ctx: CoreContext, caller: Caller, releaseId: string): RecipientView[] {
  const rows = ctx.db
    .prepare(`${RECIPIENT_SELECT} WHERE r.release_id = ? AND r.deleted_at IS NULL ORDER BY r.outlet_name COLLATE NOCASE, r.name COLLATE NOCASE, r.created_at`)
    .all(releaseId) as RecipientRowDb[];
  const wa = rows.some((r) => r.whatsapp) ? whatsappState(ctx, releaseId) : null;
  return rows.map((r) => viewOf(ctx, caller, r, wa));
}

/** What one person received, newest first: one line per channel. */
export function journalistRecords(ctx: CoreContext, journalistId: string): DeliveryRecord[] {
  const rows = ctx.db
    .prepare(`${RECIPIENT_SELECT} WHERE r.journalist_id = ? AND r.deleted_at IS NULL ORDER BY coalesce(r.sent_at, r.whatsapp_handed_at, r.created_at) DESC`)
    .all(journalistId) as RecipientRowDb[];
  const out: DeliveryRecord[] = [];
  for (const r of rows) {
    const base = { recipientId: r.id, releaseId: r.release_id ?? '', releaseTitle: r.release_title ?? '' };
    if (r.email_status) out.push({ ...base, channel: 'email', status: r.email_status as EmailStatus, at: r.sent_at ?? r.updated_at });
    if (r.whatsapp_handed_at) out.push({ ...base, channel: 'whatsapp', status: 'handed', at: r.whatsapp_handed_at });
  }
  return out;
}
