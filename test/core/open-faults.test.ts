import Database from 'better-sqlite3-multiple-ciphers';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { removeDir, tempDir } from '../support/temp-dir';
import { openTestCore, SAMPLE_PROFILE } from '../support/core-fixture';

const dirs: string[] = [];
const fresh = (name: string) => {
  const d = tempDir(name);
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach(removeDir));

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const open = (dataDir: string) => createCore({ dataDir, logger: createMemoryLogger() });

describe('opening a workspace that is not what it should be', () => {
  it('refuses a file that is not SQLite and keeps it byte for byte', () => {
    const dir = fresh('notdb');
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, 'Laporan kegiatan humas — bukan basis data.\n'.repeat(200));
    const before = sha(file);
    expect(() => open(dir)).toThrow(expect.objectContaining({ code: 'db_not_sqlite', message: expect.stringMatching(/bukan basis data/) }));
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a truncated database and keeps it', async () => {
    const dir = fresh('trunc');
    const fx = openTestCore({}, dir);
    for (let i = 0; i < 300; i++) await fx.core.invoke('opd.save', { name: `Dinas ${i} ${'x'.repeat(150)}` });
    fx.core.close();
    const file = path.join(dir, DATABASE_FILE);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    const before = sha(file);
    expect(() => open(dir)).toThrow(expect.objectContaining({ code: 'db_corrupt' }));
    expect(sha(file)).toBe(before);
  });

  it('refuses a database written by a newer Warta and leaves it untouched', () => {
    const dir = fresh('newer');
    const file = path.join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.exec('CREATE TABLE future_thing (x)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = sha(file);
    expect(() => open(dir)).toThrow(
      expect.objectContaining({ code: 'db_newer_version', message: expect.stringMatching(/lebih baru.*tidak diubah/) }),
    );
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('says the data folder cannot be written when it sits under a file', () => {
    const dir = fresh('unwritable');
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    expect(() => open(path.join(blocker, 'Warta'))).toThrow(expect.objectContaining({ code: 'data_dir_unwritable' }));
  });

  it('opens a previously closed workspace with its data and settings', async () => {
    const dir = fresh('reopen');
    const first = openTestCore({}, dir);
    await first.core.invoke('office.save', SAMPLE_PROFILE);
    first.core.close();
    const again = open(dir);
    expect(await again.invoke('office.get')).toMatchObject({ institution: SAMPLE_PROFILE.institution, timeZone: 'WIB' });
    const db = again.context.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    again.close();
  });
});
