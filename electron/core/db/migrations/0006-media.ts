import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

/** Search text of a row, the same in the insert and update triggers. */
const OUTLET_TEXT = `coalesce(new.name, ''), trim(coalesce(new.region, '') || ' ' || coalesce(new.editor_in_chief, '') || ' ' || coalesce(new.legal_entity, ''))`;
const PERSON_TEXT = `coalesce(new.name, ''), trim(coalesce(new.beat, '') || ' ' || coalesce(new.role, ''))`;

/** Keeps the local search index in step with a replicated table, whoever wrote the row (us or sync). */
function searchTriggers(table: string, kind: string, text: string, columns: string): string {
  const doc = `(SELECT docid FROM media_search_doc WHERE ref_id = new.id)`;
  const add = `
    INSERT INTO media_fts (rowid, name, extra) SELECT ${doc}, ${text} WHERE new.deleted_at IS NULL;
    INSERT INTO media_tri (rowid, name) SELECT ${doc}, coalesce(new.name, '') WHERE new.deleted_at IS NULL;`;
  return `
    CREATE TRIGGER ${table}_search_ai AFTER INSERT ON ${table} BEGIN
      INSERT OR IGNORE INTO media_search_doc (ref_id, kind) VALUES (new.id, '${kind}');
      ${add}
    END;
    CREATE TRIGGER ${table}_search_au AFTER UPDATE OF ${columns} ON ${table} BEGIN
      DELETE FROM media_fts WHERE rowid = (SELECT docid FROM media_search_doc WHERE ref_id = old.id);
      DELETE FROM media_tri WHERE rowid = (SELECT docid FROM media_search_doc WHERE ref_id = old.id);
      ${add}
    END;`;
}

export const m0006: Migration = {
  version: 6,
  name: 'media-partner directory: outlets, journalists, contracts, publications, lists, imports, search',
  up(db) {
    db.exec(`
      CREATE TABLE media_outlet (
        id TEXT PRIMARY KEY,
        name TEXT, kind TEXT, legal_entity TEXT, address TEXT, region TEXT, latitude REAL, longitude REAL,
        website TEXT, social TEXT, phone TEXT, email TEXT, editor_in_chief TEXT, person_in_charge TEXT,
        press_council_status TEXT, press_council_cert_no TEXT, press_council_cert_date TEXT,
        circulation INTEGER, monthly_traffic INTEGER, broadcast_licence TEXT, notes TEXT, import_batch_id TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX media_outlet_name ON media_outlet (name COLLATE NOCASE) WHERE deleted_at IS NULL;
      CREATE INDEX media_outlet_batch ON media_outlet (import_batch_id) WHERE import_batch_id IS NOT NULL;

      CREATE TABLE media_journalist (
        id TEXT PRIMARY KEY,
        outlet_id TEXT, name TEXT, beat TEXT, role TEXT, phone TEXT, whatsapp TEXT, email TEXT,
        ukw_level TEXT, ukw_number TEXT, ukw_valid_until TEXT, press_card_no TEXT,
        data_source TEXT, consent TEXT, consent_at TEXT, erased_at TEXT, notes TEXT, import_batch_id TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX media_journalist_outlet ON media_journalist (outlet_id) WHERE deleted_at IS NULL;
      CREATE INDEX media_journalist_batch ON media_journalist (import_batch_id) WHERE import_batch_id IS NOT NULL;

      CREATE TABLE media_contract (
        id TEXT PRIMARY KEY,
        outlet_id TEXT, number TEXT, title TEXT, period_start TEXT, period_end TEXT, value INTEGER, status TEXT, notes TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX media_contract_outlet ON media_contract (outlet_id, period_start) WHERE deleted_at IS NULL;

      CREATE TABLE media_contract_quota (
        id TEXT PRIMARY KEY,
        contract_id TEXT, product TEXT, quota INTEGER,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX media_contract_quota_contract ON media_contract_quota (contract_id) WHERE deleted_at IS NULL;

      CREATE TABLE media_publication (
        id TEXT PRIMARY KEY,
        outlet_id TEXT, contract_id TEXT, product TEXT, release_id TEXT, title TEXT, url TEXT, page TEXT,
        published_on TEXT, attachment_hash TEXT, attachment_mime TEXT, notes TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX media_publication_contract ON media_publication (contract_id, published_on) WHERE deleted_at IS NULL;
      CREATE INDEX media_publication_outlet ON media_publication (outlet_id, published_on) WHERE deleted_at IS NULL;
      CREATE INDEX media_publication_release ON media_publication (release_id) WHERE release_id IS NOT NULL;

      CREATE TABLE media_list (
        id TEXT PRIMARY KEY,
        name TEXT, kind TEXT, filter TEXT, description TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE TABLE media_list_member (
        id TEXT PRIMARY KEY,
        list_id TEXT, outlet_id TEXT, journalist_id TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX media_list_member_list ON media_list_member (list_id) WHERE deleted_at IS NULL;

      CREATE TABLE media_import_batch (
        id TEXT PRIMARY KEY,
        file_name TEXT, kind TEXT, status TEXT, row_count INTEGER, created_count INTEGER, merged_count INTEGER,
        skipped_count INTEGER, committed_at TEXT, undone_at TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE TABLE media_import_preset (
        id TEXT PRIMARY KEY,
        name TEXT, kind TEXT, mapping TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );

      -- Local only: the search index over outlets and people, kept by triggers. Prefix search
      -- (unicode61, diacritics folded) and a trigram table for typo tolerance share doc ids.
      CREATE TABLE media_search_doc (
        docid INTEGER PRIMARY KEY,
        ref_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE media_fts USING fts5 (name, extra, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      CREATE VIRTUAL TABLE media_tri USING fts5 (name, tokenize = 'trigram');
      ${searchTriggers('media_outlet', 'outlet', OUTLET_TEXT, 'name, region, editor_in_chief, legal_entity, deleted_at')}
      ${searchTriggers('media_journalist', 'journalist', PERSON_TEXT, 'name, beat, role, deleted_at')}

      -- Local only: an import is staged here (every row, parsed and checked) before anything is
      -- written to the replicated tables, and its writes are remembered so it can be undone whole.
      CREATE TABLE media_import_session (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        info TEXT NOT NULL,
        mapping TEXT,
        status TEXT NOT NULL,
        batch_id TEXT
      );
      CREATE TABLE media_import_row (
        session_id TEXT NOT NULL,
        row_no INTEGER NOT NULL,
        cells TEXT NOT NULL,
        record TEXT,
        issues TEXT,
        dup_kind TEXT,
        dup_of TEXT,
        decision TEXT,
        PRIMARY KEY (session_id, row_no)
      ) WITHOUT ROWID;
      CREATE TABLE media_import_touch (
        batch_id TEXT NOT NULL,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        action TEXT NOT NULL,
        previous TEXT,
        PRIMARY KEY (batch_id, tbl, row_id)
      ) WITHOUT ROWID;
    `);
  },
};
