import type { Migration } from './types';

/**
 * Invitations for a leader (issue 13): who invites when it is not an OPD, the letter's number and
 * date, protocol staff's proposed disposition and the leader's office's decision, each with who
 * and when. Additive: older clients keep syncing and defer the fields until they upgrade. The
 * board lists the newest requests first: `requests_recent` lets it read the newest page from
 * the index instead of sorting every request (20,000 requests: from tens of ms to a few).
 */
export const m0013: Migration = {
  version: 13,
  name: 'invitations for a leader; the board newest first',
  up(db) {
    db.exec(`
      ALTER TABLE requests ADD COLUMN inviter TEXT;
      ALTER TABLE requests ADD COLUMN invitation_number TEXT;
      ALTER TABLE requests ADD COLUMN invitation_date TEXT;
      ALTER TABLE requests ADD COLUMN proposed_disposition TEXT;
      ALTER TABLE requests ADD COLUMN proposed_representative TEXT;
      ALTER TABLE requests ADD COLUMN proposed_note TEXT;
      ALTER TABLE requests ADD COLUMN proposed_by TEXT;
      ALTER TABLE requests ADD COLUMN proposed_at TEXT;
      ALTER TABLE requests ADD COLUMN disposition TEXT;
      ALTER TABLE requests ADD COLUMN representative TEXT;
      ALTER TABLE requests ADD COLUMN disposition_note TEXT;
      ALTER TABLE requests ADD COLUMN decided_by TEXT;
      ALTER TABLE requests ADD COLUMN decided_at TEXT;
      CREATE INDEX requests_recent ON requests (submitted_at, id) WHERE deleted_at IS NULL;
    `);
  },
};
