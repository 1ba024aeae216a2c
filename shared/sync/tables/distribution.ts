import type { TableSpec } from '../field-spec';
import { boolean, integer, json, text } from './field';

/**
 * Distribution of releases to the media. A distribution is composed once; each recipient is
 * its own row, so the status of every person travels (and merges per field) on its own. Only
 * the device named in `sender_device` sends its emails: a distribution synced to another
 * machine is shown there, never sent twice. The SMTP password is not here: it stays in the
 * sending machine's keychain.
 */
export const distributionTables = {
  distributions: {
    fields: {
      release_id: text(36),
      release_title: text(300),
      channel_email: boolean,
      channel_whatsapp: boolean,
      greeting: text(200),
      // [{fileName, mime, bytes, hash}]: files in the sender's blob store.
      attachments: json(8000),
      list_ids: json(40_000),
      created_by: text(120),
      sender_device: text(16),
    },
  },
  distribution_recipients: {
    fields: {
      distribution_id: text(36),
      release_id: text(36),
      journalist_id: text(36),
      outlet_id: text(36),
      name: text(160),
      outlet_name: text(200),
      email: text(160),
      whatsapp: text(40),
      embargo_trusted: boolean,
      email_status: text(20),
      attempts: integer,
      last_error: text(500),
      next_attempt_at: text(30),
      sent_at: text(30),
      message_id: text(200),
      whatsapp_handed_at: text(30),
      whatsapp_handed_by: text(120),
      // Migration 0010: set when the journalist was erased on request.
      erased_at: text(30),
    },
  },
  distribution_settings: {
    fields: {
      smtp_host: text(253),
      smtp_port: integer,
      smtp_security: text(10),
      smtp_user: text(200),
      from_address: text(160),
      from_name: text(120),
      reply_to: text(160),
      rate_per_minute: integer,
      attachment_limit_mb: integer,
      photo_max_px: integer,
    },
  },
} as const satisfies Record<string, TableSpec>;
