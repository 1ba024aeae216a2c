import type { Migration } from './types';
import { REPLICATED_SYSTEM_COLUMNS } from './replicated-columns';

/**
 * Agenda: officials, coverage staff, events (series, single events and exceptions), holidays and
 * agenda settings. Events are indexed by start instant for month views and conflict checks; the
 * core bounds an event's length, so "starts before the window ends and after window start minus
 * the longest event" finds every overlap with one index range.
 */
export const m0005: Migration = {
  version: 5,
  name: 'agenda and calendar',
  up(db) {
    db.exec(`
      CREATE TABLE officials (
        id TEXT PRIMARY KEY,
        name TEXT,
        position TEXT,
        institution TEXT,
        precedence_rank INTEGER,
        is_leader INTEGER,
        active INTEGER,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE TABLE coverage_staff (
        id TEXT PRIMARY KEY,
        name TEXT,
        duties TEXT,
        phone TEXT,
        active INTEGER,
        account_id TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE TABLE agenda_events (
        id TEXT PRIMARY KEY,
        kind TEXT,
        title TEXT,
        start_ms INTEGER,
        end_ms INTEGER,
        all_day INTEGER,
        zone TEXT,
        place_name TEXT,
        place_address TEXT,
        place_lat REAL,
        place_lon REAL,
        uses_press_room INTEGER,
        organiser_opd_id TEXT,
        invitation_number TEXT,
        invitation_date TEXT,
        invitation_file_hash TEXT,
        invitation_file_name TEXT,
        invitation_file_mime TEXT,
        dress_code TEXT,
        leader_role TEXT,
        status TEXT,
        represented_by TEXT,
        postponed_to_ms INTEGER,
        leader_ids TEXT,
        companion_ids TEXT,
        companions_text TEXT,
        protocol_notes TEXT,
        press_open INTEGER,
        reporter_id TEXT,
        photographer_id TEXT,
        videographer_id TEXT,
        notes TEXT,
        rrule TEXT,
        series_end_ms INTEGER,
        series_id TEXT,
        original_start_ms INTEGER,
        ics_uid TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX agenda_events_series ON agenda_events (start_ms, series_end_ms) WHERE deleted_at IS NULL AND rrule IS NOT NULL;
      -- Local index of the spans of single events and exceptions (not replicated: rebuilt by the
      -- triggers from the rows, whoever wrote them). Minutes fit rtree_i32; an open end counts 24 h.
      CREATE VIRTUAL TABLE agenda_events_span USING rtree_i32(rid, start_min, end_min);
      CREATE TRIGGER agenda_events_span_insert AFTER INSERT ON agenda_events
        WHEN NEW.rrule IS NULL AND NEW.deleted_at IS NULL AND NEW.start_ms IS NOT NULL
      BEGIN
        INSERT INTO agenda_events_span VALUES (NEW.rowid, NEW.start_ms / 60000, (coalesce(NEW.end_ms, NEW.start_ms + 86400000) + 59999) / 60000);
      END;
      CREATE TRIGGER agenda_events_span_update AFTER UPDATE ON agenda_events
      BEGIN
        DELETE FROM agenda_events_span WHERE rid = OLD.rowid;
        INSERT INTO agenda_events_span SELECT NEW.rowid, NEW.start_ms / 60000, (coalesce(NEW.end_ms, NEW.start_ms + 86400000) + 59999) / 60000
          WHERE NEW.rrule IS NULL AND NEW.deleted_at IS NULL AND NEW.start_ms IS NOT NULL;
      END;
      CREATE TRIGGER agenda_events_span_delete AFTER DELETE ON agenda_events
      BEGIN
        DELETE FROM agenda_events_span WHERE rid = OLD.rowid;
      END;
      CREATE INDEX agenda_events_exceptions ON agenda_events (series_id, original_start_ms) WHERE series_id IS NOT NULL;
      CREATE INDEX agenda_events_uid ON agenda_events (ics_uid) WHERE ics_uid IS NOT NULL;
      CREATE TABLE agenda_holidays (
        id TEXT PRIMARY KEY,
        date TEXT,
        name TEXT,
        kind TEXT,
        source TEXT,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
      CREATE INDEX agenda_holidays_date ON agenda_holidays (date);
      CREATE TABLE agenda_settings (
        id TEXT PRIMARY KEY,
        travel_minutes INTEGER,
        open_end_minutes INTEGER,
        ${REPLICATED_SYSTEM_COLUMNS}
      );
    `);
  },
};
