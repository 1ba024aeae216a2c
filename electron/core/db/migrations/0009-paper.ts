import type { Migration } from './types';

/**
 * Real paper and real calendars (issue 18), all additive so older clients keep syncing:
 * - office_profile: a letterhead line in a regional script, the office's dateline form and
 *   the end mark of a release;
 * - agenda_events: the contact of the leader's aide (ajudan/ADC/sespri) for the protocol
 *   sheet; further RRULEs of an imported series (an older client expands the first only);
 *   the TZID and VTIMEZONE an imported series came with, written back on export.
 */
export const m0009: Migration = {
  version: 9,
  name: 'paper: letterhead script line, dateline form, end mark; agenda aide contact, extra rules, original time zone',
  up(db) {
    db.exec(`
      ALTER TABLE office_profile ADD COLUMN script_line TEXT;
      ALTER TABLE office_profile ADD COLUMN dateline_form TEXT;
      ALTER TABLE office_profile ADD COLUMN end_mark TEXT;
      ALTER TABLE agenda_events ADD COLUMN aide_contact TEXT;
      ALTER TABLE agenda_events ADD COLUMN rrule_extra TEXT;
      ALTER TABLE agenda_events ADD COLUMN ics_tzid TEXT;
      ALTER TABLE agenda_events ADD COLUMN ics_vtimezone TEXT;
    `);
  },
};
