import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0005 adds the agenda tables to a version-4 database and keeps its data', () => {
  dir = tempDir('m0005');
  const db = new Database(path.join(dir, 'x.sqlite'));
  const before = MIGRATIONS.filter((m) => m.version < 5);
  migrate(db, before, before[before.length - 1]?.version ?? 0);
  db.prepare("INSERT INTO opd (id, name, _hlc) VALUES ('o', 'Dinas Kominfo', '{}')").run();

  expect(migrate(db, MIGRATIONS, 5)).toBe(5);
  expect(db.prepare('SELECT name FROM opd').get()).toEqual({ name: 'Dinas Kominfo' });
  db.prepare("INSERT INTO officials (id, name, position, precedence_rank, _hlc) VALUES ('w', 'Ir. Contoh', 'Wali Kota', 1, '{}')").run();
  db.prepare(
    "INSERT INTO agenda_events (id, title, start_ms, end_ms, zone, organiser_opd_id, leader_ids, _hlc) VALUES ('e', 'Rapat', 1000, 2000, 'WIB', 'o', '[\"w\"]', '{}')",
  ).run();
  expect(db.prepare('SELECT title, zone FROM agenda_events').get()).toEqual({ title: 'Rapat', zone: 'WIB' });
  // The span index follows the rows: in on insert, moved on update, out when tombstoned or recurring.
  const span = () => db.prepare('SELECT start_min, end_min FROM agenda_events_span').all();
  expect(span()).toEqual([{ start_min: 0, end_min: 1 }]);
  db.prepare("UPDATE agenda_events SET start_ms = 600000, end_ms = NULL WHERE id = 'e'").run();
  expect(span()).toEqual([{ start_min: 10, end_min: 10 + 24 * 60 }]);
  db.prepare("UPDATE agenda_events SET deleted_at = 'x' WHERE id = 'e'").run();
  expect(span()).toEqual([]);
  db.prepare("INSERT INTO agenda_events (id, start_ms, end_ms, rrule, _hlc) VALUES ('s', 0, 60000, 'FREQ=DAILY', '{}')").run();
  expect(span()).toEqual([]);
  db.close();
});
