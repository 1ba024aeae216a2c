import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0011 adds the tone of a proof of publication to a version-10 database, keeping its rows (tone not yet judged)', () => {
  dir = tempDir('m0011');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 10);
  db.prepare("INSERT INTO media_publication (id, outlet_id, product, published_on, url, _hlc) VALUES ('p', 'o', 'news', '2026-03-10', 'https://contoh.example/a', '{}')").run();
  expect(migrate(db, MIGRATIONS, 11)).toBe(11);
  expect(db.prepare('SELECT product, published_on, url, tone FROM media_publication').get()).toEqual({ product: 'news', published_on: '2026-03-10', url: 'https://contoh.example/a', tone: null });
  db.close();
});
