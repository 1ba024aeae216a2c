import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0004 adds the release tables and FTS index to a version-3 database and keeps its data', () => {
  dir = tempDir('m0004');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 3);
  db.prepare("INSERT INTO opd (id, name, _hlc) VALUES ('o', 'Dinas Kominfo', '{}')").run();
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'releases'").get()).toBeUndefined();

  expect(migrate(db, MIGRATIONS, 4)).toBe(4);
  expect(db.prepare('SELECT name FROM opd').get()).toEqual({ name: 'Dinas Kominfo' });
  db.prepare("INSERT INTO releases (id, title, status, _hlc) VALUES ('r', 'Wali Kota Resmikan Pasar', 'draft', '{}')").run();
  expect(db.prepare('SELECT title, status FROM releases').get()).toEqual({ title: 'Wali Kota Resmikan Pasar', status: 'draft' });
  // The FTS index folds case and diacritics and answers prefixes.
  db.prepare("INSERT INTO release_fts (release_id, title, subtitle, body, quotes, tags) VALUES ('r', 'Peresmian Pasar Ciamis', '', 'Kafé rakyat dibuka', '', '')").run();
  expect(db.prepare("SELECT release_id FROM release_fts WHERE release_fts MATCH 'kafe'").all()).toEqual([{ release_id: 'r' }]);
  expect(db.prepare("SELECT release_id FROM release_fts WHERE release_fts MATCH 'peres*'").all()).toEqual([{ release_id: 'r' }]);
  for (const t of ['release_body_updates', 'release_transitions', 'release_comments', 'release_versions', 'release_settings', 'release_body_cache', 'release_index_state']) {
    expect(db.prepare('SELECT name FROM sqlite_master WHERE name = ?').get(t), t).toEqual({ name: t });
  }
  db.close();
});
