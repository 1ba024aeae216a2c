import type { TableSpec } from '../field-spec';
import { boolean, integer, text } from './field';

/**
 * The PR network (shared/network/model.ts). Contacts and action items carry `opd_id`: a
 * contributor's device receives only its own OPD's rows (shared/rules/tables/network.ts).
 * Invitees name a contact or a journalist by id and copy none of their personal data, so an
 * erasure of the person leaves nothing to scrub on the invitation.
 */
export const networkTables = {
  network_contacts: {
    fields: {
      opd_id: text(36),
      name: text(200),
      position: text(200),
      phone: text(40),
      whatsapp: text(40),
      email: text(160),
      info_team: boolean,
      decree_no: text(100),
      decree_date: text(10),
      consent: text(16),
      consent_at: text(30),
      notes: text(2000),
      erased_at: text(30),
    },
  },
  network_meetings: {
    fields: {
      kind: text(24),
      title: text(300),
      place: text(300),
      description: text(4000),
      minutes: text(60000),
      minutes_at: text(30),
      created_by: text(200),
    },
  },
  network_waves: {
    fields: {
      meeting_id: text(36),
      label: text(100),
      date: text(10),
      start_time: text(5),
      end_time: text(5),
      place: text(300),
      seq: integer,
    },
  },
  network_invitees: {
    fields: {
      meeting_id: text(36),
      wave_id: text(36),
      contact_id: text(36),
      journalist_id: text(36),
      rsvp: text(16),
      rsvp_at: text(30),
      present: boolean,
      present_at: text(30),
      marked_by: text(200),
    },
  },
  network_actions: {
    fields: {
      meeting_id: text(36),
      opd_id: text(36),
      text: text(2000),
      due_date: text(10),
      status: text(16),
      done_at: text(30),
      done_note: text(2000),
      done_by: text(200),
    },
  },
} as const satisfies Record<string, TableSpec>;
