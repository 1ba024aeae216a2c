import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0018 adds the desk head, reply templates and the reminders record, keeping the deadline settings', () => {
  dir = tempDir('m0018');
  const db = new Database(path.join(dir, 'x.sqlite'));
  const before = Math.max(...MIGRATIONS.filter((m) => m.version < 18).map((m) => m.version));
  migrate(db, MIGRATIONS, before);
  db.prepare("INSERT INTO publicdesk_settings (id, complaint_days, _hlc) VALUES ('s', 4, '{}')").run();
  expect(migrate(db, MIGRATIONS, 18)).toBe(18);
  expect(db.prepare('SELECT complaint_days, head_id FROM publicdesk_settings').get()).toEqual({ complaint_days: 4, head_id: null });
  db.prepare("INSERT INTO publicdesk_templates (id, name, body, _hlc) VALUES ('t', 'Terima kasih', 'Halo {nama}', '{}')").run();
  db.prepare("INSERT INTO publicdesk_reminders_sent (person, item_id, stage, due_date, sent_at) VALUES ('p', 'i', 'soon', '2026-12-29', '2026-12-28T02:00:00.000Z')").run();
  expect(() => db.prepare("INSERT INTO publicdesk_reminders_sent (person, item_id, stage, due_date, sent_at) VALUES ('p', 'i', 'soon', '2026-12-29', 'x')").run()).toThrow(/UNIQUE/);
  db.close();
});
