import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

/**
 * The public desk (issue 14): items, the OPDs' parts, their history (written once per step),
 * files, the deadline settings, and the editable lists of categories and locations.
 */
export const m0015: Migration = {
  version: 15,
  name: 'public desk',
  up(db) {
    db.exec(`
      CREATE TABLE publicdesk_items (
        id TEXT PRIMARY KEY,
        kind TEXT, channel TEXT, ticket TEXT, post_url TEXT, year INTEGER, seq INTEGER,
        anonymous INTEGER, person_name TEXT, person_phone TEXT, person_email TEXT, person_address TEXT, consent INTEGER,
        body TEXT, category TEXT, location TEXT, priority TEXT, status TEXT,
        received_at TEXT, received_date TEXT, due_date TEXT, extended INTEGER, assignee_id TEXT,
        reply_text TEXT, reply_url TEXT, replied_at TEXT, merged_into TEXT, outcome TEXT, closed_at TEXT, escalated_at TEXT,
        purpose TEXT, receive_by TEXT, copy_by TEXT, decision TEXT, exemption_basis TEXT, decided_at TEXT, fee INTEGER,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX publicdesk_items_inbox ON publicdesk_items (received_at) WHERE deleted_at IS NULL;
      CREATE INDEX publicdesk_items_due ON publicdesk_items (status, due_date) WHERE deleted_at IS NULL;
      CREATE INDEX publicdesk_items_number ON publicdesk_items (year, kind, seq) WHERE seq IS NOT NULL;
      CREATE INDEX publicdesk_items_ticket ON publicdesk_items (ticket) WHERE ticket IS NOT NULL AND ticket <> '';
      CREATE TABLE publicdesk_parts (
        id TEXT PRIMARY KEY,
        item_id TEXT, opd_id TEXT, number TEXT, kind TEXT, summary TEXT, category TEXT, location TEXT, due_date TEXT,
        status TEXT, answer TEXT, answered_at TEXT, answered_by TEXT, extension_reason TEXT, extension_days INTEGER,
        disposed_at TEXT, disposed_by TEXT, escalated_at TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX publicdesk_parts_item ON publicdesk_parts (item_id);
      CREATE INDEX publicdesk_parts_opd ON publicdesk_parts (opd_id, status, due_date);
      CREATE TABLE publicdesk_history (
        id TEXT PRIMARY KEY,
        item_id TEXT, part_id TEXT, opd_id TEXT, action TEXT, actor TEXT, at TEXT, note TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX publicdesk_history_item ON publicdesk_history (item_id, at);
      CREATE TABLE publicdesk_files (
        id TEXT PRIMARY KEY,
        item_id TEXT, part_id TEXT, opd_id TEXT, purpose TEXT, file_hash TEXT, file_name TEXT, file_mime TEXT, file_size INTEGER, added_by TEXT, added_at TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX publicdesk_files_item ON publicdesk_files (item_id);
      CREATE TABLE publicdesk_settings (
        id TEXT PRIMARY KEY,
        complaint_days INTEGER, question_days INTEGER, opd_part_days INTEGER, info_request_days INTEGER, info_extension_days INTEGER, objection_days INTEGER,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE TABLE publicdesk_terms (
        id TEXT PRIMARY KEY,
        kind TEXT, label TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
    `);
  },
};
