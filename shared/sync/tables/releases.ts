import type { TableSpec } from '../field-spec';
import { integer, json, text } from './field';

/**
 * Press releases (siaran pers). Design, so that offline devices merge without losing work:
 * - `releases` holds the structured fields, merged per field (last writer wins by HLC).
 * - The body is a Yjs document. Every edit is a Yjs update stored as its own row in the
 *   insert-only `release_body_updates`; merging is `Y.applyUpdate`, which is order-independent
 *   and idempotent, so two devices editing the same release offline both keep their typing.
 *   A local-only cache (migration 0004: `release_body_cache`) keeps the compacted state.
 * - Transitions, comments and versions are insert-only rows: nothing of the history can be
 *   overwritten by a later writer elsewhere.
 */
export const releasesTables = {
  releases: {
    fields: {
      status: text(16),
      number: text(160),
      number_year: integer,
      number_seq: integer,
      label: text(80),
      urgency: text(16),
      embargo_at: text(30),
      embargo_zone: text(8),
      title: text(300),
      subtitle: text(500),
      dateline_city: text(80),
      release_date: text(10),
      quotes: json(60_000),
      boilerplate: text(4000),
      source: text(200),
      writer: text(120),
      photographer: text(120),
      editor: text(120),
      contacts: json(8000),
      opd_id: text(36),
      tags: json(4000),
      event_id: text(64),
      event_end_at: text(30),
      info_category: text(16),
      approved_at: text(30),
      approved_by: text(120),
      published_at: text(30),
      published_by: text(120),
      /** The OPD's request this release came from (shared/requests), linked both ways. */
      request_id: text(36),
    },
  },
  release_body_updates: {
    fields: {
      release_id: text(36),
      // A Yjs update, base64. 5 MB of pasted text is refused before it gets here.
      update_b64: text(8_000_000),
    },
  },
  release_transitions: {
    fields: {
      release_id: text(36),
      from_status: text(16),
      to_status: text(16),
      actor: text(120),
      at: text(30),
      note: text(2000),
    },
  },
  release_comments: {
    fields: {
      release_id: text(36),
      author: text(120),
      body: text(4000),
      at: text(30),
    },
  },
  release_versions: {
    fields: {
      release_id: text(36),
      reason: text(40),
      label: text(200),
      author: text(120),
      at: text(30),
      // Full Yjs state of the body at that moment (base64) and the structured fields.
      state_b64: text(8_000_000),
      fields: json(200_000),
    },
  },
  release_settings: {
    fields: {
      target_minutes: integer,
    },
  },
} as const satisfies Record<string, TableSpec>;
