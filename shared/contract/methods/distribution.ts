import { z } from 'zod';
import {
  ATTACHMENT_KINDS,
  DEFAULT_GREETING,
  smtpSettingsSchema,
  type ComposePreview,
  type DeliveryRecord,
  type DistributionDetail,
  type DistributionSummary,
  type RecipientView,
  type SmtpSettingsView,
} from '../../distribution/model';
import { unknownPlaceholders } from '../../distribution/message';
import { mutation, query } from '../define';
import { empty, idInput, uuid } from './common';

const composeInput = z
  .object({
    releaseId: uuid,
    listIds: z.array(uuid).max(200).default([]),
    journalistIds: z.array(uuid).max(20_000).default([]),
    outletIds: z.array(uuid).max(20_000).default([]),
    channels: z.object({ email: z.boolean(), whatsapp: z.boolean() }).strict(),
    greeting: z
      .string()
      .trim()
      .max(200, { message: 'Sapaan maksimal 200 karakter' })
      .default(DEFAULT_GREETING)
      .refine((g) => unknownPlaceholders(g).length === 0, { message: 'Sapaan hanya boleh memakai {nama} dan {media}' }),
    attachments: z.array(z.enum(ATTACHMENT_KINDS)).max(ATTACHMENT_KINDS.length).default([]),
    paper: z.enum(['A4', 'F4']).default('A4'),
  })
  .strict();

const previewInput = composeInput.extend({ withAttachments: z.boolean().default(false) }).strict();
const listInput = z.object({ releaseId: uuid.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict();
const releaseIdInput = z.object({ releaseId: uuid }).strict();
const journalistIdInput = z.object({ journalistId: uuid }).strict();
const passwordInput = z.object({ password: z.string().min(1, { message: 'Kata sandi kosong' }).max(500).nullable() }).strict();

const idsInput = z.object({ ids: z.array(uuid).min(1, { message: 'Pilih setidaknya satu penerima' }).max(5000) }).strict();

export interface QueueResult {
  id: string;
  emails: number;
  waitingEmbargo: number;
  whatsapp: number;
  excluded: number;
}

export interface OutboxStatus {
  /** The office's SMTP account is set (host and sender address). */
  configured: boolean;
  passwordSaved: boolean;
  /** Why nothing is going out right now, in the user's words (no connection, login refused …), or null. */
  problem: string | null;
  lastAttemptAt: string | null;
  /** Emails this machine still has to send, by state. */
  pending: number;
  retrying: number;
  waitingEmbargo: number;
  uncertain: number;
  nextAttemptAt: string | null;
}

export const distributionMethods = {
  'distribution.preview': query<typeof previewInput, ComposePreview>('distribution.send', previewInput),
  'distribution.queue': mutation<typeof composeInput, QueueResult>('distribution.send', composeInput),
  'distribution.list': query<typeof listInput, DistributionSummary[]>('media.read', listInput),
  'distribution.get': query<typeof idInput, DistributionDetail>('media.read', idInput),
  'distribution.records.release': query<typeof releaseIdInput, RecipientView[]>('media.read', releaseIdInput),
  'distribution.records.journalist': query<typeof journalistIdInput, DeliveryRecord[]>('media.read', journalistIdInput),
  'distribution.recipients.retry': mutation<typeof idsInput, { changed: number }>('distribution.send', idsInput),
  'distribution.recipients.markSent': mutation<typeof idsInput, { changed: number }>('distribution.send', idsInput),
  'distribution.recipients.cancel': mutation<typeof idsInput, { changed: number }>('distribution.send', idsInput),
  'distribution.whatsapp.handed': mutation<typeof idInput, RecipientView>('distribution.send', idInput),
  'distribution.outbox.status': query<typeof empty, OutboxStatus>('media.read', empty),
  'distribution.outbox.sendNow': mutation<typeof empty, OutboxStatus>('distribution.send', empty),
  'distribution.settings.get': query<typeof empty, SmtpSettingsView>('distribution.send', empty),
  'distribution.settings.save': mutation<typeof smtpSettingsSchema, SmtpSettingsView>('distribution.send', smtpSettingsSchema),
  'distribution.settings.password': mutation<typeof passwordInput, SmtpSettingsView>('distribution.send', passwordInput),
  'distribution.settings.test': mutation<typeof empty, { ok: true; message: string }>('distribution.send', empty),
};
