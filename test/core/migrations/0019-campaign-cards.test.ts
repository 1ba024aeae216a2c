import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0019 gives planned posts a card column, keeping their rows', () => {
  dir = tempDir('m0019');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 18);
  db.prepare("INSERT INTO campaign_posts (id, title, date, _hlc) VALUES ('p', 'KTR', '2026-12-08', '{}')").run();
  expect(migrate(db, MIGRATIONS, 19)).toBe(19);
  expect(db.prepare("SELECT title, card FROM campaign_posts WHERE id = 'p'").get()).toEqual({ title: 'KTR', card: null });
  db.prepare("UPDATE campaign_posts SET card = ? WHERE id = 'p'").run(JSON.stringify({ template: 'figure', title: 'x', entries: [{ value: '1', label: '' }], source: '' }));
  expect(JSON.parse(db.prepare("SELECT card FROM campaign_posts WHERE id = 'p'").pluck().get() as string).template).toBe('figure');
  db.close();
});
