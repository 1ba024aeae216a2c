import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0009 adds the letterhead script line, dateline form, end mark and the agenda aide/extra-rule/zone columns to a version-8 database, keeping its rows', () => {
  dir = tempDir('m0009');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 8);
  db.prepare("INSERT INTO office_profile (id, institution, time_zone, _hlc) VALUES ('p', 'Pemkot Denpasar', 'WITA', '{}')").run();
  db.prepare("INSERT INTO agenda_events (id, title, start_ms, rrule, _hlc) VALUES ('e', 'Rapat', 1, 'FREQ=WEEKLY', '{}')").run();

  expect(migrate(db, MIGRATIONS, 9)).toBe(9);
  expect(db.prepare('SELECT institution, script_line, dateline_form, end_mark FROM office_profile').get()).toEqual({ institution: 'Pemkot Denpasar', script_line: null, dateline_form: null, end_mark: null });
  expect(db.prepare('SELECT title, rrule, aide_contact, rrule_extra, ics_tzid, ics_vtimezone FROM agenda_events').get()).toEqual({
    title: 'Rapat',
    rrule: 'FREQ=WEEKLY',
    aide_contact: null,
    rrule_extra: null,
    ics_tzid: null,
    ics_vtimezone: null,
  });
  db.close();
});
