import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0015 adds the public desk to a database of the version before, keeping its rows', () => {
  dir = tempDir('m0015');
  const db = new Database(path.join(dir, 'x.sqlite'));
  const before = Math.max(...MIGRATIONS.filter((m) => m.version < 15).map((m) => m.version));
  migrate(db, MIGRATIONS, before);
  db.prepare("INSERT INTO requests (id, opd_id, title, status, _hlc) VALUES ('q', 'opd-a', 'Pasar murah', 'submitted', '{}')").run();
  expect(migrate(db, MIGRATIONS, 15)).toBe(15);
  expect(db.prepare('SELECT title FROM requests').pluck().get()).toBe('Pasar murah');
  db.prepare("INSERT INTO publicdesk_items (id, kind, ticket, status, _hlc) VALUES ('i', 'complaint', 'LAPOR-1', 'received', '{}')").run();
  db.prepare("INSERT INTO publicdesk_parts (id, item_id, opd_id, status, _hlc) VALUES ('p', 'i', 'opd-a', 'open', '{}')").run();
  expect(db.prepare('SELECT count(*) FROM publicdesk_parts WHERE item_id = ?').pluck().get('i')).toBe(1);
  db.close();
});
