import type { TableSpec } from '../field-spec';
import { boolean, integer, json, real, text } from './field';

/**
 * The media-partner directory (Kerja Sama Media): outlets, their journalists, partnership
 * contracts with a quota per product, publications counted against them (bukti tayang),
 * distribution lists, import batches and mapping presets. Links between rows are plain id
 * text (no foreign keys): a peer's row may arrive before the row it points to.
 */
export const mediaTables = {
  media_outlet: {
    fields: {
      name: text(200),
      kind: text(20),
      legal_entity: text(200),
      address: text(400),
      region: text(120),
      latitude: real,
      longitude: real,
      website: text(300),
      social: text(500),
      phone: text(40),
      email: text(160),
      editor_in_chief: text(160),
      person_in_charge: text(160),
      press_council_status: text(30),
      press_council_cert_no: text(80),
      press_council_cert_date: text(10),
      circulation: integer,
      monthly_traffic: integer,
      broadcast_licence: text(120),
      notes: text(2000),
      import_batch_id: text(36),
    },
  },
  media_journalist: {
    fields: {
      outlet_id: text(36),
      name: text(160),
      beat: text(160),
      role: text(80),
      phone: text(40),
      whatsapp: text(40),
      email: text(160),
      ukw_level: text(10),
      ukw_number: text(60),
      ukw_valid_until: text(10),
      press_card_no: text(60),
      data_source: text(200),
      consent: text(20),
      consent_at: text(30),
      erased_at: text(30),
      notes: text(2000),
      import_batch_id: text(36),
      // Distribution (migration 0008): never send to this person; may receive before an embargo.
      do_not_send: boolean,
      embargo_trusted: boolean,
    },
  },
  media_contract: {
    fields: {
      outlet_id: text(36),
      number: text(120),
      title: text(300),
      period_start: text(10),
      period_end: text(10),
      value: integer,
      status: text(20),
      notes: text(2000),
    },
  },
  media_contract_quota: {
    fields: {
      contract_id: text(36),
      product: text(30),
      quota: integer,
    },
  },
  media_publication: {
    fields: {
      outlet_id: text(36),
      contract_id: text(36),
      product: text(30),
      release_id: text(36),
      title: text(300),
      url: text(1000),
      page: text(60),
      published_on: text(10),
      tone: text(10),
      attachment_hash: text(64),
      attachment_mime: text(60),
      notes: text(2000),
    },
  },
  media_list: {
    fields: {
      name: text(160),
      kind: text(10),
      filter: json(4000),
      description: text(500),
    },
  },
  media_list_member: {
    fields: {
      list_id: text(36),
      outlet_id: text(36),
      journalist_id: text(36),
    },
  },
  media_import_batch: {
    fields: {
      file_name: text(260),
      kind: text(20),
      status: text(20),
      row_count: integer,
      created_count: integer,
      merged_count: integer,
      skipped_count: integer,
      committed_at: text(30),
      undone_at: text(30),
    },
  },
  media_import_preset: {
    fields: {
      name: text(120),
      kind: text(20),
      mapping: json(8000),
    },
  },
} as const satisfies Record<string, TableSpec>;
