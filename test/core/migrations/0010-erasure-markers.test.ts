import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0010 adds erasure markers to guest-book entries and recipients of a version-9 database, keeping their rows', () => {
  dir = tempDir('m0010');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 9);
  db.prepare("INSERT INTO guestbook_entries (id, name, outlet, _hlc) VALUES ('g', 'Andi Saputra', 'Harian Sukamaju', '{}')").run();
  db.prepare("INSERT INTO distribution_recipients (id, name, email, _hlc) VALUES ('r', 'Rina Wulandari', 'rina@contoh.example', '{}')").run();

  expect(migrate(db, MIGRATIONS, 10)).toBe(10);
  expect(db.prepare('SELECT name, outlet, erased_at FROM guestbook_entries').get()).toEqual({ name: 'Andi Saputra', outlet: 'Harian Sukamaju', erased_at: null });
  expect(db.prepare('SELECT name, email, erased_at FROM distribution_recipients').get()).toEqual({ name: 'Rina Wulandari', email: 'rina@contoh.example', erased_at: null });
  db.close();
});
