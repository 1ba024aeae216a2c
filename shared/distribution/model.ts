/**
 * Distribution (pengiriman siaran pers ke media): statuses, settings, limits and the shapes the
 * screens read. See README "Distribusi" for the design (outbox, once-only sending, embargo).
 */
import { z } from 'zod';

/**
 * A recipient's email status in the outbox:
 * - queued: waiting for its turn (or for the connection);
 * - waiting_embargo: not embargo-trusted, held until the embargo time passes;
 * - sending: handed to the SMTP server, the answer not yet recorded (a crash here is the one
 *   ambiguous moment; on restart it becomes `uncertain` and is never resent on its own);
 * - sent: the server accepted it;
 * - retrying: a temporary failure (no connection, timeout, 4xx); tried again later;
 * - refused: the server refused this recipient for good (5xx), with its reason;
 * - uncertain: the app stopped between handing over and recording; the officer decides;
 * - held: the release was withdrawn or un-approved before sending; nothing goes out;
 * - cancelled: the officer cancelled it.
 */
export const EMAIL_STATUSES = ['queued', 'waiting_embargo', 'sending', 'sent', 'retrying', 'refused', 'uncertain', 'held', 'cancelled'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** One send is for a regional office's media directory (a few hundred); more is a slip. */
export const MAX_RECIPIENTS = 3000;
export const DEFAULT_GREETING = 'Yth. {nama} — {media}';
/** Retries back off from 30 s to 15 min; after this many attempts the status stays `retrying` but slows. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 15 * 60_000;

export const ATTACHMENT_KINDS = ['pdf', 'docx', 'photos', 'zip'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const smtpSettingsSchema = z
  .object({
    host: z
      .string()
      .trim()
      .max(253)
      .regex(/^[A-Za-z0-9.-]*$/, { message: 'Nama server hanya boleh berisi huruf, angka, titik dan tanda hubung' })
      .default(''),
    port: z.number().int().min(1, { message: 'Port 1–65535' }).max(65535, { message: 'Port 1–65535' }).default(587),
    security: z.enum(SMTP_SECURITY).default('starttls'),
    user: z.string().trim().max(200).default(''),
    fromAddress: z.union([z.literal(''), z.string().trim().max(160).email({ message: 'Alamat pengirim tidak sah' })]).default(''),
    fromName: z.string().trim().max(120).default(''),
    replyTo: z.union([z.literal(''), z.string().trim().max(160).email({ message: 'Alamat balasan tidak sah' })]).default(''),
    /** Messages per minute; 0 = no limit. Providers often allow 20–100 a minute. */
    ratePerMinute: z.number().int().min(0).max(6000).default(30),
    /** Total attachments per message, in MB. Many mail servers refuse above 10–25 MB. */
    attachmentLimitMb: z.number().int().min(1).max(50).default(10),
    /** Longest side of attached photos, in pixels. */
    photoMaxPx: z.number().int().min(320).max(6000).default(1600),
  })
  .strict();
export type SmtpSettings = z.output<typeof smtpSettingsSchema>;

export interface SmtpSettingsView extends SmtpSettings {
  /** Whether this machine keeps a password for the account (the password itself never leaves the core). */
  passwordSaved: boolean;
  /** Where it is kept: the OS keychain (desktop) or a plainly marked file (browser mode). */
  passwordStorage: 'safe-storage' | 'insecure-file';
}

/** Why a resolved contact is not among the recipients. */
export const EXCLUSION_REASONS = ['do_not_send', 'no_address', 'invalid_email', 'invalid_whatsapp', 'not_mobile', 'duplicate'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface PlannedRecipient {
  journalistId: string | null;
  outletId: string | null;
  name: string;
  outletName: string;
  email: string | null;
  whatsapp: string | null;
  embargoTrusted: boolean;
}

export interface ExcludedContact {
  name: string;
  outletName: string;
  reason: ExclusionReason;
  detail: string;
}

export interface ComposePreview {
  recipients: PlannedRecipient[];
  excluded: ExcludedContact[];
  subject: string;
  /** Subject for embargo-trusted recipients before the embargo (null when there is no embargo). */
  embargoSubject: string | null;
  embargoAt: string | null;
  greetingSample: string;
  text: string;
  whatsappText: string;
  attachments: AttachmentInfo[];
  attachmentBytes: number;
  attachmentLimitBytes: number;
}

export interface AttachmentInfo {
  fileName: string;
  mime: string;
  bytes: number;
  hash: string;
  /** A photo shown inside the HTML body (`cid:` reference), or null. */
  cid: string | null;
  /** An export of the release (PDF, DOCX, ZIP): how to make it again. */
  kind?: AttachmentKind;
  paper?: 'A4' | 'F4';
  /** Made while the embargo ran, so it carries the EMBARGO line: a message sent after the embargo gets a fresh copy. */
  embargoed?: boolean;
}

export interface RecipientView {
  id: string;
  distributionId: string;
  releaseId: string;
  releaseTitle: string;
  journalistId: string | null;
  name: string;
  outletName: string;
  /** Shown only to callers with media.personal. */
  email: string | null;
  whatsapp: string | null;
  embargoTrusted: boolean;
  emailStatus: EmailStatus | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  whatsappLink: string | null;
  whatsappHandedAt: string | null;
  whatsappHandedBy: string | null;
  createdAt: string;
}

export interface DistributionSummary {
  id: string;
  releaseId: string;
  releaseTitle: string;
  createdAt: string;
  createdBy: string;
  channels: { email: boolean; whatsapp: boolean };
  attachments: AttachmentInfo[];
  /** This machine sends its emails; others show it read-only. */
  sendsHere: boolean;
  counts: Partial<Record<EmailStatus, number>>;
  whatsappTotal: number;
  whatsappHanded: number;
}

export interface DistributionDetail extends DistributionSummary {
  greeting: string;
  whatsappText: string;
  recipients: RecipientView[];
}

/** Delivery of releases to one person, newest first. */
export interface DeliveryRecord {
  recipientId: string;
  releaseId: string;
  releaseTitle: string;
  channel: 'email' | 'whatsapp';
  status: EmailStatus | 'handed';
  at: string | null;
}
