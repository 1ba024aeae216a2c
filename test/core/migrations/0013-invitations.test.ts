import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('0013 adds the invitation and disposition fields to a version-12 database, keeping its requests (no disposition yet)', () => {
  dir = tempDir('m0013');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db, MIGRATIONS, 12);
  db.prepare("INSERT INTO requests (id, opd_id, kind, title, status, _hlc) VALUES ('r', 'o', 'publicity', 'Posyandu', 'submitted', '{}')").run();
  expect(migrate(db, MIGRATIONS, 13)).toBe(13);
  expect(db.prepare('SELECT title, status, inviter, invitation_number, proposed_disposition, disposition, representative, decided_at FROM requests').get()).toEqual({
    title: 'Posyandu',
    status: 'submitted',
    inviter: null,
    invitation_number: null,
    proposed_disposition: null,
    disposition: null,
    representative: null,
    decided_at: null,
  });
  db.close();
});
