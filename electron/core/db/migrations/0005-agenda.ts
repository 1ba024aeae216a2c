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
      CREATE INDEX agenda_events_single_start ON agenda_events (start_ms) WHERE deleted_at IS NULL AND rrule IS NULL;
      CREATE INDEX agenda_events_series ON agenda_events (start_ms, series_end_ms) WHERE deleted_at IS NULL AND rrule IS NOT NULL;
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
