import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

export const m0008: Migration = {
  version: 8,
  name: 'distribution: outbox, recipients, SMTP settings; do-not-send and embargo-trusted people',
  up(db) {
    db.exec(`
      ALTER TABLE media_journalist ADD COLUMN do_not_send INTEGER;
      ALTER TABLE media_journalist ADD COLUMN embargo_trusted INTEGER;

      CREATE TABLE distributions (
        id TEXT PRIMARY KEY,
        release_id TEXT,
        release_title TEXT,
        channel_email INTEGER,
        channel_whatsapp INTEGER,
        greeting TEXT,
        attachments TEXT,
        list_ids TEXT,
        created_by TEXT,
        sender_device TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX distributions_release ON distributions (release_id);

      CREATE TABLE distribution_recipients (
        id TEXT PRIMARY KEY,
        distribution_id TEXT,
        release_id TEXT,
        journalist_id TEXT,
        outlet_id TEXT,
        name TEXT,
        outlet_name TEXT,
        email TEXT,
        whatsapp TEXT,
        embargo_trusted INTEGER,
        email_status TEXT,
        attempts INTEGER,
        last_error TEXT,
        next_attempt_at TEXT,
        sent_at TEXT,
        message_id TEXT,
        whatsapp_handed_at TEXT,
        whatsapp_handed_by TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX distribution_recipients_distribution ON distribution_recipients (distribution_id);
      CREATE INDEX distribution_recipients_release ON distribution_recipients (release_id);
      CREATE INDEX distribution_recipients_journalist ON distribution_recipients (journalist_id) WHERE journalist_id IS NOT NULL;
      -- The sender's work list: only rows still to be sent are in this index.
      CREATE INDEX distribution_recipients_pending ON distribution_recipients (next_attempt_at)
        WHERE email_status IN ('queued', 'waiting_embargo', 'retrying', 'sending') AND deleted_at IS NULL;

      CREATE TABLE distribution_settings (
        id TEXT PRIMARY KEY,
        smtp_host TEXT,
        smtp_port INTEGER,
        smtp_security TEXT,
        smtp_user TEXT,
        from_address TEXT,
        from_name TEXT,
        reply_to TEXT,
        rate_per_minute INTEGER,
        attachment_limit_mb INTEGER,
        photo_max_px INTEGER,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
    `);
  },
};
