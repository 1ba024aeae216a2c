import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0002 adds the OPD table to a version-1 database and keeps its data', () => {
  dir = tempDir('m0002');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 1);
  db.prepare("INSERT INTO office_profile (id, institution, time_zone, _hlc) VALUES ('p', 'Pemkab Contoh', 'WITA', '{}')").run();
  db.prepare("INSERT INTO change_log (origin, first_hlc, last_hlc, count, changes) VALUES ('local', 'h', 'h', 1, '[]')").run();

  expect(migrate(db, MIGRATIONS, 2)).toBe(2);
  expect(db.prepare('SELECT institution, time_zone FROM office_profile').get()).toEqual({ institution: 'Pemkab Contoh', time_zone: 'WITA' });
  expect(db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 1 });
  db.prepare("INSERT INTO opd (id, name, _hlc) VALUES ('o', 'Dinas Kominfo', '{}')").run();
  expect(db.prepare('SELECT name FROM opd').get()).toEqual({ name: 'Dinas Kominfo' });
  db.close();
});
