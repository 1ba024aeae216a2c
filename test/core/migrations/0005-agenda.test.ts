import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0005 adds the agenda tables to a version-4 database and keeps its data', () => {
  dir = tempDir('m0005');
  const db = new Database(path.join(dir, 'x.sqlite'));
  const before = MIGRATIONS.filter((m) => m.version < 5);
  migrate(db, before, before[before.length - 1]?.version ?? 0);
  db.prepare("INSERT INTO opd (id, name, _hlc) VALUES ('o', 'Dinas Kominfo', '{}')").run();

  expect(migrate(db, MIGRATIONS, 5)).toBe(5);
  expect(db.prepare('SELECT name FROM opd').get()).toEqual({ name: 'Dinas Kominfo' });
  db.prepare("INSERT INTO officials (id, name, position, precedence_rank, _hlc) VALUES ('w', 'Ir. Contoh', 'Wali Kota', 1, '{}')").run();
  db.prepare(
    "INSERT INTO agenda_events (id, title, start_ms, end_ms, zone, organiser_opd_id, leader_ids, _hlc) VALUES ('e', 'Rapat', 1000, 2000, 'WIB', 'o', '[\"w\"]', '{}')",
  ).run();
  expect(db.prepare('SELECT title, zone FROM agenda_events').get()).toEqual({ title: 'Rapat', zone: 'WIB' });
  const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM agenda_events WHERE deleted_at IS NULL AND rrule IS NULL AND start_ms >= 0 AND start_ms < 10').all() as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' ')).toContain('agenda_events_single_start');
  db.close();
});
