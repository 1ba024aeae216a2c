import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0006 adds the media tables to a version-5 database, keeps its data, and indexes outlets and people for search', () => {
  dir = tempDir('m0006');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 5);
  db.prepare("INSERT INTO opd (id, name, _hlc) VALUES ('o', 'Dinas Kominfo', '{}')").run();

  expect(migrate(db, MIGRATIONS, 6)).toBe(6);
  expect(db.prepare('SELECT name FROM opd').get()).toEqual({ name: 'Dinas Kominfo' });

  db.prepare("INSERT INTO media_outlet (id, name, region, _hlc) VALUES ('a', 'Harian Sukamaju Pos', 'Kota Sukamaju', '{}')").run();
  db.prepare("INSERT INTO media_journalist (id, outlet_id, name, beat, _hlc) VALUES ('j', 'a', 'Rina Wulandari', 'Ekonomi', '{}')").run();
  const hits = (q: string) =>
    (db.prepare('SELECT d.ref_id FROM media_fts f JOIN media_search_doc d ON d.docid = f.rowid WHERE media_fts MATCH ? ORDER BY d.ref_id').all(q) as { ref_id: string }[]).map((r) => r.ref_id);
  expect(hits('suka*')).toEqual(['a']);
  expect(hits('ekon*')).toEqual(['j']);

  // Renaming moves the index; a tombstone takes the row out of it.
  db.prepare("UPDATE media_outlet SET name = 'Warta Lembah' WHERE id = 'a'").run();
  expect(hits('harian*')).toEqual([]);
  expect(hits('lembah*')).toEqual(['a']);
  db.prepare("UPDATE media_journalist SET deleted_at = '2026-11-22T00:00:00Z' WHERE id = 'j'").run();
  expect(hits('rina*')).toEqual([]);
  expect((db.prepare("SELECT count(*) AS n FROM media_tri WHERE media_tri MATCH 'mbah'").get() as { n: number }).n).toBe(1);
  db.close();
});
