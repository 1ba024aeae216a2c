import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

/**
 * The PR network (issue 13 items 3 and 4): the OPDs' PR contacts, and the network's meetings and
 * trainings with their waves, invitees, attendance and action items. (0013 is another branch's.)
 */
export const m0014: Migration = {
  version: 14,
  name: 'PR network',
  up(db) {
    db.exec(`
      CREATE TABLE network_contacts (
        id TEXT PRIMARY KEY,
        opd_id TEXT,
        name TEXT,
        position TEXT,
        phone TEXT,
        whatsapp TEXT,
        email TEXT,
        info_team INTEGER,
        decree_no TEXT,
        decree_date TEXT,
        consent TEXT,
        consent_at TEXT,
        notes TEXT,
        erased_at TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX network_contacts_opd ON network_contacts (opd_id, name) WHERE deleted_at IS NULL;
      CREATE TABLE network_meetings (
        id TEXT PRIMARY KEY,
        kind TEXT,
        title TEXT,
        place TEXT,
        description TEXT,
        minutes TEXT,
        minutes_at TEXT,
        created_by TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE TABLE network_waves (
        id TEXT PRIMARY KEY,
        meeting_id TEXT,
        label TEXT,
        date TEXT,
        start_time TEXT,
        end_time TEXT,
        place TEXT,
        seq INTEGER,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX network_waves_meeting ON network_waves (meeting_id, seq);
      CREATE TABLE network_invitees (
        id TEXT PRIMARY KEY,
        meeting_id TEXT,
        wave_id TEXT,
        contact_id TEXT,
        journalist_id TEXT,
        rsvp TEXT,
        rsvp_at TEXT,
        present INTEGER,
        present_at TEXT,
        marked_by TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX network_invitees_meeting ON network_invitees (meeting_id) WHERE deleted_at IS NULL;
      CREATE INDEX network_invitees_contact ON network_invitees (contact_id) WHERE contact_id IS NOT NULL;
      CREATE TABLE network_actions (
        id TEXT PRIMARY KEY,
        meeting_id TEXT,
        opd_id TEXT,
        text TEXT,
        due_date TEXT,
        status TEXT,
        done_at TEXT,
        done_note TEXT,
        done_by TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX network_actions_meeting ON network_actions (meeting_id) WHERE deleted_at IS NULL;
      CREATE INDEX network_actions_open ON network_actions (status, due_date) WHERE deleted_at IS NULL;
    `);
  },
};
