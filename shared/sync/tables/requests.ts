import type { TableSpec } from '../field-spec';
import { integer, text } from './field';

/**
 * Requests from the agencies (shared/requests/model.ts). Both tables carry `opd_id`: a
 * contributor's device receives only its own OPD's rows (shared/rules/tables/requests.ts), and
 * a history row must be judged and projected without its request at hand.
 */
export const requestsTables = {
  requests: {
    fields: {
      opd_id: text(36),
      kind: text(24),
      channel: text(16),
      title: text(300),
      description: text(8000),
      place: text(300),
      start_ms: integer,
      end_ms: integer,
      zone: text(8),
      attendees: text(2000),
      contact_name: text(200),
      contact_phone: text(40),
      /** Material for publication: the OPD's finished text. */
      material: text(60000),
      status: text(16),
      submitted_at: text(30),
      submitted_by: text(200),
      /** Numbered per year by the desk when it first takes the request up. */
      year: integer,
      seq: integer,
      assignee_id: text(36),
      due_ms: integer,
      /** The desk's latest word to the OPD: the reason of a refusal, the question, the note of acceptance. */
      answer: text(4000),
      answered_at: text(30),
      agenda_event_id: text(36),
      release_id: text(36),
      /** An invitation for a leader: who invites (an outside party; an OPD's is its OPD), the letter's number and date. */
      inviter: text(300),
      invitation_number: text(100),
      invitation_date: text(10),
      /** Protocol staff's proposed disposition (office devices only). */
      proposed_disposition: text(16),
      proposed_representative: text(200),
      proposed_note: text(2000),
      proposed_by: text(200),
      proposed_at: text(30),
      /** The leader's office's decision; it reaches the inviter's device. */
      disposition: text(16),
      representative: text(200),
      disposition_note: text(2000),
      decided_by: text(200),
      decided_at: text(30),
    },
  },
  /** Photos, documents and the scanned letter of a request: the file travels by hash (`file_hash`). */
  request_attachments: {
    fields: {
      request_id: text(36),
      opd_id: text(36),
      file_hash: text(64),
      file_name: text(200),
      file_mime: text(100),
      file_size: integer,
      added_by: text(200),
      added_at: text(30),
    },
  },
  request_history: {
    fields: {
      request_id: text(36),
      opd_id: text(36),
      action: text(16),
      status: text(16),
      actor: text(200),
      at: text(30),
      note: text(4000),
    },
  },
} as const satisfies Record<string, TableSpec>;
