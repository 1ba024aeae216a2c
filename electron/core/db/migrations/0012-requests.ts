import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

/**
 * Requests from the agencies (issue 13): the request, its history (written once per step), and
 * the link back from the agenda event and the release a request became.
 */
export const m0012: Migration = {
  version: 12,
  name: 'OPD requests',
  up(db) {
    db.exec(`
      CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        opd_id TEXT,
        kind TEXT,
        channel TEXT,
        title TEXT,
        description TEXT,
        place TEXT,
        start_ms INTEGER,
        end_ms INTEGER,
        zone TEXT,
        attendees TEXT,
        contact_name TEXT,
        contact_phone TEXT,
        material TEXT,
        status TEXT,
        submitted_at TEXT,
        submitted_by TEXT,
        year INTEGER,
        seq INTEGER,
        assignee_id TEXT,
        due_ms INTEGER,
        answer TEXT,
        answered_at TEXT,
        agenda_event_id TEXT,
        release_id TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX requests_board ON requests (status, submitted_at) WHERE deleted_at IS NULL;
      CREATE INDEX requests_opd ON requests (opd_id, submitted_at) WHERE deleted_at IS NULL;
      CREATE INDEX requests_number ON requests (year, seq) WHERE seq IS NOT NULL;
      CREATE TABLE request_history (
        id TEXT PRIMARY KEY,
        request_id TEXT,
        opd_id TEXT,
        action TEXT,
        status TEXT,
        actor TEXT,
        at TEXT,
        note TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX request_history_request ON request_history (request_id, at);
      CREATE TABLE request_attachments (
        id TEXT PRIMARY KEY,
        request_id TEXT,
        opd_id TEXT,
        file_hash TEXT,
        file_name TEXT,
        file_mime TEXT,
        file_size INTEGER,
        added_by TEXT,
        added_at TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX request_attachments_request ON request_attachments (request_id);
      ALTER TABLE releases ADD COLUMN request_id TEXT;
      ALTER TABLE agenda_events ADD COLUMN request_id TEXT;
    `);
  },
};
