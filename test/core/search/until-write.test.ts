import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { keptUntilWrite } from '../../../electron/core/db/until-write';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('keeps a value read from the database until this or another connection writes, and nothing inside a transaction', () => {
  dir = tempDir('until-write');
  const file = path.join(dir, 'x.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v INTEGER)');
  let reads = 0;
  const count = () =>
    keptUntilWrite(db, 'count', () => {
      reads += 1;
      return db.prepare('SELECT count(*) FROM t').pluck().get() as number;
    });
  expect(count()).toBe(0);
  expect(count()).toBe(0);
  expect(reads).toBe(1);

  db.prepare('INSERT INTO t VALUES (1)').run();
  expect(count()).toBe(1);
  expect(reads).toBe(2);

  const other = new Database(file);
  other.prepare('INSERT INTO t VALUES (2)').run();
  expect(count()).toBe(2);
  other.close();

  // A rolled-back write leaves no value behind.
  expect(() =>
    db.transaction(() => {
      db.prepare('INSERT INTO t VALUES (3)').run();
      expect(count()).toBe(3);
      throw new Error('rollback');
    })(),
  ).toThrow('rollback');
  expect(count()).toBe(2);
  db.close();
});
