/**
 * The status the settings screen and the status bar show: what this run of the engine knows
 * (state, message, progress, hosting) plus what the database holds (changes not yet pushed,
 * open conflicts and reviews, a stopped mass delete).
 */
import type { SyncStatus } from '../../../shared/contract/methods/sync';
import { hlcMillis } from '../../../shared/sync/hlc';
import type { Db } from '../db/open-database';
import type { ConflictLog } from './conflicts';
import type { SyncState } from './local-tables';
import { countRefusals } from './refused';

/** What only the running engine knows. */
export interface LiveStatus {
  configured: boolean;
  state: SyncStatus['state'];
  message: string | null;
  progress: SyncStatus['progress'];
  nextRetryAt: number | null;
  hosting: SyncStatus['hosting'];
  hostingProblem: string | null;
}

export function readStatus(db: Db, state: SyncState, conflicts: ConflictLog, live: LiveStatus): SyncStatus {
  const pushed = state.num('push_seq');
  const pend = db.prepare("SELECT coalesce(sum(count), 0) AS n FROM change_log WHERE origin = 'local' AND seq > ?").get(pushed) as { n: number };
  const last = db.prepare("SELECT max(last_hlc) AS h FROM change_log WHERE origin = 'local'").get() as { h: string | null };
  const open = conflicts.openCounts();
  return {
    configured: live.configured,
    state: live.configured ? live.state : 'not_configured',
    message: live.configured ? live.message : null,
    progress: live.state === 'syncing' ? live.progress : null,
    pendingChanges: pend.n,
    lastChangeAt: last.h ? new Date(hlcMillis(last.h)).toISOString() : null,
    lastSyncAt: state.get('last_sync_at'),
    nextRetryAt: live.nextRetryAt ? new Date(live.nextRetryAt).toISOString() : null,
    serverUrl: state.get('server_url'),
    workspaceName: state.get('workspace_name'),
    role: state.get('role'),
    openConflicts: open.conflicts,
    openReviews: open.reviews,
    openRefusals: countRefusals(db),
    pendingDeletes: state.json('pending_deletes'),
    hosting: live.hosting,
    hostingProblem: live.hostingProblem,
  };
}
