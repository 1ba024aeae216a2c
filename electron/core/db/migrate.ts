import { WartaError } from '../../../shared/contract/errors';
import type { Db } from './open-database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export function newerVersionError(found: number, latest = LATEST_SCHEMA_VERSION): WartaError {
  return new WartaError(
    'db_newer_version',
    `Basis data ini dibuat oleh Warta versi yang lebih baru (skema ${found}, versi ini hanya mengenal sampai ${latest}). Perbarui Warta; berkas tidak diubah.`,
    { found, latest },
  );
}

/** Brings the database up to `target`, one transaction per migration. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, target = LATEST_SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > target) throw newerVersionError(current, target);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
