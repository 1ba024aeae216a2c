/**
 * What this device holds follows its role's read rules (shared/rules/projection.ts), also for
 * rows it received before those rules, or before its role changed: fields its role may not read
 * (journalists' phone numbers on a data-staff device) are emptied, and rows a row predicate no
 * longer admits (accounts that may not unlock a press-room computer) are removed. Nothing is
 * logged: the office keeps its values; this device only stops holding them. Runs after a push
 * (so its own refused changes were recorded first) whenever the role or the read rules changed,
 * then secure_delete and a WAL checkpoint take the old bytes off the disk.
 */
import type { Role } from '../../../shared/contract/permissions';
import { projectionFor } from '../../../shared/rules/projection';
import { RULEBOOK, viewerOf } from '../../../shared/rules/rulebook';
import type { Row } from '../../../shared/rules/types';
import { decodeRow } from '../../../shared/sync/row-codec';
import type { ReplicatedTable } from '../../../shared/sync/replicated-tables';
import { decodeClocks, encodeClocks } from '../data/field-clocks';
import type { Mutator } from '../data/mutator';
import type { Db } from '../db/open-database';
import type { SyncState } from './local-tables';

/** What the read rules say, as a string: a change of any of them runs the scrub again. */
export const READ_RULES_SIGNATURE = JSON.stringify(
  Object.entries(RULEBOOK).map(([t, r]) => [t, r.read.permission, (r.read.groups ?? []).map((g) => g.fields), r.read.rows ? 'rows' : '']),
);

export function scrubToProjection(db: Db, mutator: Mutator, state: SyncState, deviceId: string): { fields: number; rows: number } {
  const role = state.get('role') as Role | null;
  const opdId = state.get('opd_id');
  const mark = `${role ?? ''}|${opdId ?? ''}|${READ_RULES_SIGNATURE}`;
  if (role === null || state.get('projection_scrubbed') === mark) return { fields: 0, rows: 0 };
  const projection = projectionFor(viewerOf(role, deviceId, undefined, opdId));
  let fields = 0;
  let rows = 0;
  db.pragma('secure_delete = ON');
  try {
    mutator.transaction(() => {
      for (const table of Object.keys(RULEBOOK) as ReplicatedTable[]) {
        const view = projection.table(table);
        // Tables the role may not read at all stay: a device keeps what it wrote itself (a
        // press-room computer's guest-book entries); the server never sends it others.
        if (!view.readable || (!view.hidden && !view.rows)) continue;
        const hidden = [...(view.hidden ?? [])];
        const where = hidden.length > 0 && !view.rows ? `WHERE ${hidden.map((f) => `${f} IS NOT NULL`).join(' OR ')}` : '';
        for (const raw of db.prepare(`SELECT * FROM ${table} ${where}`).all() as (Record<string, unknown> & { id: string; _hlc: string })[]) {
          if (view.rows && !view.rows(decodeRow(table, raw) as Row)) {
            if (mutator.forget(table, raw.id)) rows += 1;
            continue;
          }
          const held = hidden.filter((f) => raw[f] !== null && raw[f] !== undefined);
          if (held.length === 0) continue;
          const clocks = decodeClocks(raw._hlc);
          for (const f of held) clocks.delete(f);
          db.prepare(`UPDATE ${table} SET ${held.map((f) => `${f} = NULL`).join(', ')}, _hlc = ? WHERE id = ?`).run(encodeClocks(clocks), raw.id);
          fields += held.length;
        }
      }
      state.set('projection_scrubbed', mark);
    });
    if (fields + rows > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma('secure_delete = FAST');
  }
  return { fields, rows };
}
