import Database from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations';
import { REPLICATED_TABLES, SYSTEM_FIELDS } from '../../../shared/sync/replicated-tables';
import { removeDir, tempDir } from '../../support/temp-dir';

let dir = '';
afterEach(() => removeDir(dir));

it('migrations are numbered 1..N without gaps', () => {
  expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
});

it('every declared replicated field has a nullable column, with the sync columns, and no foreign keys', () => {
  dir = tempDir('guard');
  const db = new Database(path.join(dir, 'x.sqlite'));
  migrate(db);
  for (const [table, spec] of Object.entries(REPLICATED_TABLES)) {
    const cols = db.pragma(`table_info(${table})`) as { name: string; notnull: number; pk: number }[];
    const byName = new Map(cols.map((c) => [c.name, c]));
    for (const field of [...Object.keys(spec.fields), ...Object.keys(SYSTEM_FIELDS), 'updated_at']) {
      expect(byName.get(field), `${table}.${field}`).toBeDefined();
      expect(byName.get(field)?.notnull, `${table}.${field} must be nullable`).toBe(0);
    }
    expect(byName.get('id')?.pk).toBe(1);
    expect(byName.has('_hlc')).toBe(true);
    expect(db.pragma(`foreign_key_list(${table})`)).toEqual([]);
  }
  db.close();
});
