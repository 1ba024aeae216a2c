import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0008 adds the outbox tables and the do-not-send / embargo-trusted flags to a version-7 database, keeping its journalists', () => {
  dir = tempDir('m0008');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 7);
  db.prepare("INSERT INTO media_journalist (id, name, email, _hlc) VALUES ('j', 'Rina Wulandari', 'rina@contoh.example', '{}')").run();

  expect(migrate(db, MIGRATIONS, 8)).toBe(8);
  expect(db.prepare('SELECT name, email, do_not_send, embargo_trusted FROM media_journalist').get()).toEqual({
    name: 'Rina Wulandari',
    email: 'rina@contoh.example',
    do_not_send: null,
    embargo_trusted: null,
  });
  for (const t of ['distributions', 'distribution_recipients', 'distribution_settings']) {
    expect((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) as { n: number }).n, t).toBe(1);
  }
  // The sender's work list is served by the partial index.
  const plan = db
    .prepare("EXPLAIN QUERY PLAN SELECT id FROM distribution_recipients WHERE email_status IN ('queued', 'waiting_embargo', 'retrying', 'sending') AND deleted_at IS NULL AND next_attempt_at <= '2026'")
    .all() as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' ')).toContain('distribution_recipients_pending');
  db.close();
});
