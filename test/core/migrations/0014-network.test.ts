import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0014 adds the PR network (contacts, meetings, waves, invitees, action items) to a database of the version before, keeping its rows', () => {
  dir = tempDir('m0014');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 12);
  db.prepare("INSERT INTO requests (id, opd_id, title, _hlc) VALUES ('q', 'opd-a', 'Pasar murah', '{}')").run();
  expect(migrate(db, MIGRATIONS, 14)).toBe(14);
  expect(db.prepare('SELECT title FROM requests').pluck().get()).toBe('Pasar murah');
  db.prepare("INSERT INTO network_contacts (id, opd_id, name, info_team, _hlc) VALUES ('c', 'opd-a', 'Rina', 1, '{}')").run();
  db.prepare("INSERT INTO network_meetings (id, kind, title, _hlc) VALUES ('m', 'workshop', 'Pelatihan', '{}')").run();
  db.prepare("INSERT INTO network_waves (id, meeting_id, date, _hlc) VALUES ('w', 'm', '2027-01-10', '{}')").run();
  db.prepare("INSERT INTO network_invitees (id, meeting_id, wave_id, contact_id, present, _hlc) VALUES ('i', 'm', 'w', 'c', 1, '{}')").run();
  db.prepare("INSERT INTO network_actions (id, meeting_id, opd_id, text, status, _hlc) VALUES ('a', 'm', 'opd-a', 'Kirim data', 'open', '{}')").run();
  expect(db.prepare('SELECT count(*) FROM network_invitees WHERE meeting_id = ? AND present = 1').pluck().get('m')).toBe(1);
  db.close();
});
