import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0003 adds the append-only audit log to a version-2 database and keeps its data', () => {
  dir = tempDir('m0003');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 2);
  db.prepare("INSERT INTO opd (id, name, _hlc) VALUES ('o', 'Dinas Sosial', '{}')").run();
  expect(migrate(db, MIGRATIONS, 3)).toBe(3);
  expect(db.prepare('SELECT name FROM opd').get()).toEqual({ name: 'Dinas Sosial' });
  db.prepare("INSERT INTO audit_log (seq, at, actor_name, action, details, prev_hash, hash) VALUES (1, 't', 'a', 'x', '{}', 'p', 'h')").run();
  expect(() => db.prepare('UPDATE audit_log SET action = ?').run('y')).toThrow(/append-only/);
  expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  db.close();
});
