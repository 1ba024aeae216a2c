import type { TableSpec } from '../field-spec';
import { boolean, integer, text } from './field';

/**
 * The public desk (shared/publicdesk/model.ts). Items stay on the office's devices; parts,
 * their history and their files carry `opd_id` so a contributor's device receives only its own
 * OPD's and a history row is judged and projected without its item at hand.
 */
export const publicdeskTables = {
  publicdesk_items: {
    fields: {
      kind: text(16),
      channel: text(16),
      /** SP4N-LAPOR! ticket number; one item per ticket. */
      ticket: text(60),
      post_url: text(2000),
      year: integer,
      seq: integer,
      anonymous: boolean,
      person_name: text(200),
      person_phone: text(40),
      person_email: text(200),
      person_address: text(500),
      consent: boolean,
      body: text(8000),
      category: text(100),
      location: text(200),
      priority: text(8),
      status: text(12),
      received_at: text(30),
      /** The receiving day in the office's zone (YYYY-MM-DD): deadlines count from it. */
      received_date: text(10),
      due_date: text(10),
      extended: boolean,
      assignee_id: text(36),
      reply_text: text(4000),
      reply_url: text(2000),
      replied_at: text(30),
      merged_into: text(36),
      outcome: text(16),
      closed_at: text(30),
      escalated_at: text(30),
      /** PPID register: the purpose of the request, how it is received, how a copy reaches the requester. */
      purpose: text(2000),
      receive_by: text(10),
      copy_by: text(10),
      decision: text(10),
      /** The exemption's legal basis of a partial or refused decision (UU 14/2008 pasal 17). */
      exemption_basis: text(2000),
      decided_at: text(30),
      /** Copying fee in rupiah, if any. */
      fee: integer,
    },
  },
  publicdesk_parts: {
    fields: {
      item_id: text(36),
      opd_id: text(36),
      number: text(24),
      kind: text(16),
      /** The desk's words to the OPD: the complaint without the reporter's personal data. */
      summary: text(8000),
      category: text(100),
      location: text(200),
      due_date: text(10),
      status: text(16),
      answer: text(4000),
      answered_at: text(30),
      answered_by: text(200),
      extension_reason: text(1000),
      extension_days: integer,
      disposed_at: text(30),
      disposed_by: text(200),
      escalated_at: text(30),
    },
  },
  publicdesk_history: {
    fields: {
      item_id: text(36),
      part_id: text(36),
      opd_id: text(36),
      action: text(20),
      actor: text(200),
      at: text(30),
      note: text(4000),
    },
  },
  /** Screenshots of the original post (the desk's) and the OPD's photos (its part's); files travel by hash. */
  publicdesk_files: {
    fields: {
      item_id: text(36),
      part_id: text(36),
      opd_id: text(36),
      purpose: text(8),
      file_hash: text(64),
      file_name: text(200),
      file_mime: text(100),
      file_size: integer,
      added_by: text(200),
      added_at: text(30),
    },
  },
  /** Deadlines in working days per kind (one row, DESK_SETTINGS_ID); empty fields take the defaults. */
  publicdesk_settings: {
    fields: {
      complaint_days: integer,
      question_days: integer,
      opd_part_days: integer,
      info_request_days: integer,
      info_extension_days: integer,
      objection_days: integer,
      /** The head of the desk (a staff account): reminded of every late item. */
      head_id: text(36),
    },
  },
  /** The office's reply templates: a name and a text with placeholders ({nama}, {nomor}, …). */
  publicdesk_templates: {
    fields: {
      name: text(100),
      body: text(4000),
    },
  },
  /** The editable lists: categories and locations (kecamatan/kelurahan). */
  publicdesk_terms: {
    fields: {
      kind: text(10),
      label: text(200),
    },
  },
} as const satisfies Record<string, TableSpec>;
