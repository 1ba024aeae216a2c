import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0012 adds requests, their history, and the link back from events and releases of a version-11 database, keeping their rows', () => {
  dir = tempDir('m0012');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 11);
  db.prepare("INSERT INTO releases (id, title, _hlc) VALUES ('r', 'Pembukaan Pasar Murah', '{}')").run();
  db.prepare("INSERT INTO agenda_events (id, title, _hlc) VALUES ('e', 'Pasar Murah', '{}')").run();

  expect(migrate(db, MIGRATIONS, 12)).toBe(12);
  expect(db.prepare('SELECT title, request_id FROM releases').get()).toEqual({ title: 'Pembukaan Pasar Murah', request_id: null });
  expect(db.prepare('SELECT title, request_id FROM agenda_events').get()).toEqual({ title: 'Pasar Murah', request_id: null });
  db.prepare("INSERT INTO requests (id, opd_id, title, status, _hlc) VALUES ('q', 'opd-a', 'Pasar murah', 'submitted', '{}')").run();
  db.prepare("INSERT INTO request_history (id, request_id, opd_id, action, _hlc) VALUES ('h', 'q', 'opd-a', 'submitted', '{}')").run();
  expect(db.prepare('SELECT count(*) FROM request_history WHERE request_id = ?').pluck().get('q')).toBe(1);
  db.close();
});
