import { smtpSettingsSchema, type SmtpSettings, type SmtpSettingsView } from '../../../../shared/distribution/model';
import type { Db } from '../../db/open-database';
import type { CoreContext } from '../../rpc/handler-types';

/** Fixed id: two machines that each set the SMTP account merge into one row. */
export const DISTRIBUTION_SETTINGS_ID = '00000000-0000-7000-8000-000000000008';

interface SettingsRow {
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_security: string | null;
  smtp_user: string | null;
  from_address: string | null;
  from_name: string | null;
  reply_to: string | null;
  rate_per_minute: number | null;
  attachment_limit_mb: number | null;
  photo_max_px: number | null;
}

/** The office's SMTP account and sending limits; defaults where nothing is set yet. */
export function readSmtpSettings(db: Db): SmtpSettings {
  const row = db.prepare('SELECT * FROM distribution_settings WHERE id = ? AND deleted_at IS NULL').get(DISTRIBUTION_SETTINGS_ID) as SettingsRow | undefined;
  // Parsing through the schema fills the defaults and drops anything a peer sent out of range.
  const parsed = smtpSettingsSchema.safeParse({
    ...(row?.smtp_host != null && { host: row.smtp_host }),
    ...(row?.smtp_port != null && { port: row.smtp_port }),
    ...(row?.smtp_security != null && { security: row.smtp_security }),
    ...(row?.smtp_user != null && { user: row.smtp_user }),
    ...(row?.from_address != null && { fromAddress: row.from_address }),
    ...(row?.from_name != null && { fromName: row.from_name }),
    ...(row?.reply_to != null && { replyTo: row.reply_to }),
    ...(row?.rate_per_minute != null && { ratePerMinute: row.rate_per_minute }),
    ...(row?.attachment_limit_mb != null && { attachmentLimitMb: row.attachment_limit_mb }),
    ...(row?.photo_max_px != null && { photoMaxPx: row.photo_max_px }),
  });
  return parsed.success ? parsed.data : smtpSettingsSchema.parse({});
}

export function writeSmtpSettings(ctx: CoreContext, s: SmtpSettings): void {
  ctx.mutator.write('distribution_settings', DISTRIBUTION_SETTINGS_ID, {
    smtp_host: s.host,
    smtp_port: s.port,
    smtp_security: s.security,
    smtp_user: s.user,
    from_address: s.fromAddress,
    from_name: s.fromName,
    reply_to: s.replyTo,
    rate_per_minute: s.ratePerMinute,
    attachment_limit_mb: s.attachmentLimitMb,
    photo_max_px: s.photoMaxPx,
  });
}

export function settingsView(ctx: CoreContext): SmtpSettingsView {
  return { ...readSmtpSettings(ctx.db), passwordSaved: ctx.smtpPassword.load() !== null, passwordStorage: ctx.smtpPassword.kind };
}
