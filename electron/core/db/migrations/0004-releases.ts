import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

/**
 * Press releases. Replicated tables follow the rules of shared/sync/replicated-tables.ts
 * (nullable business columns, no foreign keys). Three tables are local-only and rebuilt
 * from the replicated rows at any time:
 * - `release_body_cache`: the compacted Yjs state of each body plus what is derived from it
 *   (ProseMirror JSON, plain text, word count), and the highest local rowid of
 *   `release_body_updates` already merged into it; opening a release applies only newer rows.
 * - `release_fts`: the FTS5 index (title, subtitle, body, quotes, tags); `unicode61
 *   remove_diacritics 2` makes it case- and diacritic-insensitive, `prefix` speeds up prefix
 *   queries.
 * - `release_index_state`: the change-log position the cache and index have caught up to.
 */
export const m0004: Migration = {
  version: 4,
  name: 'press releases',
  up(db) {
    db.exec(`
      CREATE TABLE releases (
        id TEXT PRIMARY KEY,
        status TEXT,
        number TEXT,
        number_year INTEGER,
        number_seq INTEGER,
        label TEXT,
        urgency TEXT,
        embargo_at TEXT,
        embargo_zone TEXT,
        title TEXT,
        subtitle TEXT,
        dateline_city TEXT,
        release_date TEXT,
        quotes TEXT,
        boilerplate TEXT,
        source TEXT,
        writer TEXT,
        photographer TEXT,
        editor TEXT,
        contacts TEXT,
        opd_id TEXT,
        tags TEXT,
        event_id TEXT,
        event_end_at TEXT,
        info_category TEXT,
        approved_at TEXT,
        approved_by TEXT,
        published_at TEXT,
        published_by TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX releases_date ON releases (release_date DESC, id) WHERE deleted_at IS NULL;
      CREATE INDEX releases_status ON releases (status, release_date DESC) WHERE deleted_at IS NULL;
      CREATE INDEX releases_number ON releases (number_year, number_seq) WHERE number_seq IS NOT NULL;

      CREATE TABLE release_body_updates (
        id TEXT PRIMARY KEY,
        release_id TEXT,
        update_b64 TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX release_body_updates_release ON release_body_updates (release_id);

      CREATE TABLE release_transitions (
        id TEXT PRIMARY KEY,
        release_id TEXT,
        from_status TEXT,
        to_status TEXT,
        actor TEXT,
        at TEXT,
        note TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX release_transitions_release ON release_transitions (release_id, at);

      CREATE TABLE release_comments (
        id TEXT PRIMARY KEY,
        release_id TEXT,
        author TEXT,
        body TEXT,
        at TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX release_comments_release ON release_comments (release_id, at);

      CREATE TABLE release_versions (
        id TEXT PRIMARY KEY,
        release_id TEXT,
        reason TEXT,
        label TEXT,
        author TEXT,
        at TEXT,
        state_b64 TEXT,
        fields TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX release_versions_release ON release_versions (release_id, at);

      CREATE TABLE release_settings (
        id TEXT PRIMARY KEY,
        target_minutes INTEGER,
        ${REPLICATED_SYSTEM_COLUMNS}
      );

      CREATE TABLE release_body_cache (
        release_id TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        merged_rowid INTEGER NOT NULL,
        update_count INTEGER NOT NULL,
        doc_json TEXT NOT NULL,
        body_text TEXT NOT NULL,
        word_count INTEGER NOT NULL
      );

      CREATE VIRTUAL TABLE release_fts USING fts5(
        release_id UNINDEXED, title, subtitle, body, quotes, tags,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );

      CREATE TABLE release_index_state (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );
    `);
  },
};
