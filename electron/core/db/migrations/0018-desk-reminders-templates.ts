import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

/**
 * The public desk, continued (issue 14 items 3 and 5): the head of the desk on the settings row
 * (who hears of every late item), the office's reply templates (replicated), and this machine's
 * record of the deadline reminders it already raised (local: a restart must not repeat them).
 */
export const m0018: Migration = {
  version: 18,
  name: 'public desk reminders and reply templates',
  up(db) {
    db.exec(`
      ALTER TABLE publicdesk_settings ADD COLUMN head_id TEXT;
      CREATE TABLE publicdesk_templates (
        id TEXT PRIMARY KEY,
        name TEXT, body TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE TABLE publicdesk_reminders_sent (
        person TEXT NOT NULL,
        item_id TEXT NOT NULL,
        stage TEXT NOT NULL,
        due_date TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (person, item_id, stage, due_date)
      ) WITHOUT ROWID;
    `);
  },
};
