import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0016 adds campaigns and planned posts to a database of the previous version, keeping its rows', () => {
  dir = tempDir('m0016');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 15);
  db.prepare("INSERT INTO releases (id, title, _hlc) VALUES ('r', 'Peluncuran Bus Listrik', '{}')").run();

  expect(migrate(db, MIGRATIONS, 16)).toBe(16);
  expect(db.prepare('SELECT title FROM releases').pluck().get()).toBe('Peluncuran Bus Listrik');
  db.prepare("INSERT INTO campaigns (id, name, recurrence, weekdays, _hlc) VALUES ('c', 'Selasa Tanpa Rokok', 'weekly', '[2]', '{}')").run();
  db.prepare("INSERT INTO campaign_posts (id, title, campaign_id, release_id, date, _hlc) VALUES ('p', 'KTR', 'c', 'r', '2026-12-08', '{}')").run();
  expect(db.prepare("SELECT count(*) FROM campaign_posts WHERE date = '2026-12-08'").pluck().get()).toBe(1);
  db.close();
});
