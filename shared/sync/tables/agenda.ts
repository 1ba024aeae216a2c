import type { TableSpec } from '../field-spec';
import { boolean, integer, json, real, text } from './field';

/**
 * Agenda tables. Times are UTC instants in ms (`start_ms`, `end_ms`; a null end is
 * "s.d. selesai") plus the zone the event was entered in (`zone`: WIB/WITA/WIT, or the IANA
 * name of an imported event outside Indonesia). A recurring series carries `rrule`; a moved or
 * cancelled occurrence is its own row with `series_id` + `original_start_ms`.
 */
export const agendaTables = {
  officials: {
    fields: {
      name: text(200),
      position: text(200),
      institution: text(200),
      precedence_rank: integer,
      is_leader: boolean,
      active: boolean,
    },
  },
  /**
   * The office's people who cover events (reporter, photographer, videographer). Kept here until
   * staff accounts exist (people issue); `account_id` links a row to an account then.
   */
  coverage_staff: {
    fields: {
      name: text(200),
      duties: json(200),
      phone: text(40),
      active: boolean,
      account_id: text(36),
    },
  },
  agenda_events: {
    fields: {
      kind: text(24),
      title: text(300),
      start_ms: integer,
      end_ms: integer,
      all_day: boolean,
      zone: text(40),
      place_name: text(300),
      place_address: text(500),
      place_lat: real,
      place_lon: real,
      uses_press_room: boolean,
      organiser_opd_id: text(36),
      invitation_number: text(120),
      invitation_date: text(10),
      invitation_file_hash: text(64),
      invitation_file_name: text(200),
      invitation_file_mime: text(100),
      dress_code: text(80),
      leader_role: text(40),
      status: text(24),
      represented_by: text(200),
      postponed_to_ms: integer,
      leader_ids: json(4000),
      companion_ids: json(4000),
      companions_text: text(1000),
      protocol_notes: text(4000),
      press_open: boolean,
      reporter_id: text(36),
      photographer_id: text(36),
      videographer_id: text(36),
      notes: text(4000),
      rrule: text(500),
      /** For a series: the end of its last occurrence, null when endless (range queries). */
      series_end_ms: integer,
      series_id: text(36),
      original_start_ms: integer,
      ics_uid: text(300),
      /** The leader's aide (ajudan/ADC/sespri) to call on the day: name and phone, printed on the protocol sheet. */
      aide_contact: text(300),
      /** Further RRULEs of an imported series (RFC 5545 allows several); the first is in `rrule`. */
      rrule_extra: json(2000),
      /** The TZID and VTIMEZONE an imported series came with, written back on export. */
      ics_tzid: text(200),
      ics_vtimezone: text(20000),
      /** The OPD's request this event came from (shared/requests), linked both ways. */
      request_id: text(36),
    },
  },
  agenda_holidays: {
    fields: {
      date: text(10),
      name: text(200),
      kind: text(20),
      source: text(300),
    },
  },
  agenda_settings: {
    fields: {
      travel_minutes: integer,
      open_end_minutes: integer,
    },
  },
} as const satisfies Record<string, TableSpec>;
