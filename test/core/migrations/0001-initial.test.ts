import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0001 creates the change log and office profile on an empty database', () => {
  dir = tempDir('m0001');
  const db = new Database(path.join(dir, 'x.sqlite'));
  expect(migrate(db, MIGRATIONS, 1)).toBe(1);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  expect(tables).toEqual(expect.arrayContaining(['change_log', 'local_meta', 'office_profile']));
  db.close();
});
