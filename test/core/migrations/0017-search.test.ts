import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { rebuildSearchIndexes } from '../../../electron/core/db/migrations/0017-search';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0017 indexes the public-desk items and requests already on disk (not the deleted ones) and keeps the index in step after', () => {
  dir = tempDir('m0017');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 16);
  db.prepare("INSERT INTO publicdesk_items (id, body, person_name, _hlc) VALUES ('a', 'Lampu jalan mati', 'Siti Aminah', '{}')").run();
  db.prepare("INSERT INTO publicdesk_items (id, body, deleted_at, _hlc) VALUES ('b', 'Lampu taman padam', '2026-01-01T00:00:00Z', '{}')").run();
  db.prepare("INSERT INTO requests (id, title, description, inviter, _hlc) VALUES ('r', 'Pencanangan Vaksinasi', NULL, 'Universitas Sukamaju', '{}')").run();

  expect(migrate(db, MIGRATIONS, 17)).toBe(17);
  const desk = (q: string) => db.prepare('SELECT i.id FROM publicdesk_items i WHERE i.rowid IN (SELECT rowid FROM publicdesk_fts WHERE publicdesk_fts MATCH ?) ORDER BY i.id').pluck().all(q);
  const requests = (q: string) => db.prepare('SELECT r.id FROM requests r WHERE r.rowid IN (SELECT rowid FROM requests_fts WHERE requests_fts MATCH ?)').pluck().all(q);
  expect(desk('"lampu"*')).toEqual(['a']);
  expect(desk('"siti"*')).toEqual(['a']);
  expect(requests('"univ"*')).toEqual(['r']);

  db.prepare("UPDATE publicdesk_items SET deleted_at = NULL WHERE id = 'b'").run();
  expect(desk('"lampu"*')).toEqual(['a', 'b']);
  db.prepare("UPDATE publicdesk_items SET body = 'Banjir' WHERE id = 'a'").run();
  expect(desk('"lampu"*')).toEqual(['b']);
  db.prepare("DELETE FROM requests WHERE id = 'r'").run();
  expect(requests('"univ"*')).toEqual([]);
  expect(db.prepare('SELECT count(*) FROM requests_fts').pluck().get()).toBe(0);

  // After a VACUUM (rowids may be renumbered) a rebuild puts the index back on the rows.
  db.exec('VACUUM');
  rebuildSearchIndexes(db);
  expect(desk('"banjir"*')).toEqual(['a']);
  expect(db.prepare('SELECT count(*) FROM publicdesk_fts').pluck().get()).toBe(2);
  db.close();
});
