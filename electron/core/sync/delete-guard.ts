/**
 * The mass-delete guard: a pull or push that would delete more than a set share of the live
 * rows stops and asks a person (sync.confirmDeletes: go on, or restore the rows).
 */
import { REPLICATED_TABLES } from '../../../shared/sync/replicated-tables';
import type { Db } from '../db/open-database';

export interface DeleteGuard {
  /** Share of the live rows (0..1) a single sync may delete before it asks. */
  share: number;
  /** Fewer deletes than this never ask. */
  minimum: number;
}

export const DEFAULT_DELETE_GUARD: DeleteGuard = { share: 0.3, minimum: 20 };

/** What a person decided after a stop: deletes go through, deleted rows are restored, or nothing yet. */
export type DeleteDecision = 'allow' | 'restore' | null;

export interface DeleteStop {
  direction: 'pull' | 'push';
  count: number;
  total: number;
}

/** Thrown by pull or push when the guard trips; the cycle turns it into `needs_confirmation`. */
export class StopForDeletes extends Error {
  constructor(readonly info: DeleteStop) {
    super('mass delete');
  }
}

export function exceedsGuard(guard: DeleteGuard, deletes: number, total: number): boolean {
  return deletes >= guard.minimum && total > 0 && deletes / total > guard.share;
}

/** Rows not deleted, over every replicated table. */
export function liveRows(db: Db): number {
  let n = 0;
  for (const table of Object.keys(REPLICATED_TABLES)) n += (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
  return n;
}

/** The question the settings screen shows, in the person's words. */
export function deleteStopMessage({ direction, count, total }: DeleteStop): string {
  return direction === 'pull'
    ? `Sinkronisasi berhenti: data dari server akan menghapus ${count} dari ${total} data di komputer ini. Periksa lalu pilih lanjutkan atau pulihkan.`
    : `Sinkronisasi berhenti: komputer ini akan mengirim penghapusan ${count} dari ${total} data. Periksa lalu pilih lanjutkan atau pulihkan.`;
}
