/**
 * Pull: pages after the stored cursor, each applied in one transaction with the cursor
 * (apply.ts). The next page is asked for before this one is applied, so the server prepares it
 * meanwhile; should a page fail, the stored cursor has not moved and the next cycle starts
 * from it. Pull runs before push, so that while a page is applied "not yet pushed" still means
 * "nobody else has seen it" (unpushed.ts).
 *
 * Guards: stamps too far ahead of this computer's clock are refused (HlcClock.receive names the
 * device); a pull that would delete more than the guard's share of the live rows stops and
 * asks (delete-guard.ts).
 */
import { MAX_PULL_BYTES } from '../../../shared/sync/protocol';
import type { CoreContext } from '../rpc/handler-types';
import { BatchSizer, yieldToEventLoop } from '../time-slice';
import type { PageApplier } from './apply';
import type { SyncClient } from './client';
import { exceedsGuard, liveRows, StopForDeletes, type DeleteDecision, type DeleteGuard } from './delete-guard';
import type { SyncState } from './local-tables';
import type { UnpushedStamps } from './unpushed';

/**
 * Bytes asked of the server per page: the server's limit. Pages of 192 kB were tried to shorten the
 * core thread's stalls during a large pull (`shell.ping_p99_under_load_ms`), but in the same full
 * bench the ping p99 did not improve (61 ms) while a fresh full pull fell to 0.13× a raw insert
 * (`sync.first_full.ratio_vs_raw`, ≥ 0.3; 0.35 with 2 MB pages), so the round trips cost more than
 * the parse they saved.
 */
export const PULL_PAGE_BYTES = MAX_PULL_BYTES;

/** At most this many changes per transaction (fewer when they are slow: time-slice.ts), with the event loop free in between. */
export const APPLY_CHUNK = 2000;

export interface PullContext {
  ctx: CoreContext;
  state: SyncState;
  client: SyncClient;
  applier: PageApplier;
  unpushed: UnpushedStamps;
  guard: DeleteGuard;
  /** Page size asked of the server (tests pass small pages). */
  pageBytes?: number;
  /** True when the engine was stopped and disconnected meanwhile: the pull ends quietly. */
  abandoned: () => boolean;
  /** After each page: changes applied so far and the total known so far. */
  onProgress: (progress: { done: number; total: number; finished: boolean }) => void;
}

/**
 * WAL pages (4 kB) a pull may gather before SQLite checkpoints them; SQLite's default of 1,000
 * stays for everything else. A pull's small transactions write the same index pages again and
 * again, so a 20,000-change first pull checkpointed five to eight times at the default, each time
 * copying pages into the database and syncing both files (traced: 13 syncs of the database file,
 * 4 with this). What a pull gathered is checkpointed once when it ends, so no save pays for it.
 */
export const PULL_WAL_PAGES = 8000;

/** Pulls and applies every page up to the server's head. */
export async function pullAll(p: PullContext, decision: DeleteDecision): Promise<void> {
  const db = p.ctx.db;
  const walPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.max(walPages, PULL_WAL_PAGES)}`);
  try {
    await pullPages(p, decision);
  } finally {
    // The core may have closed meanwhile (an abandoned pull): nothing left to restore.
    if (db.open) restoreCheckpoints(p, walPages);
  }
}

function restoreCheckpoints(p: PullContext, walPages: number): void {
  const db = p.ctx.db;
  db.pragma(`wal_autocheckpoint = ${walPages}`);
  // Not left to the next local save, which would wait for all of it. PASSIVE: never waits for
  // a reader; a failure here loses nothing (the pages stay in the WAL for a later checkpoint).
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    p.ctx.logger.warn('sync.pull.checkpoint_failed', { message: (err as Error).message });
  }
}

async function pullPages(p: PullContext, decision: DeleteDecision): Promise<void> {
  const { ctx, state, client, applier } = p;
  p.unpushed.refresh(ctx.db, state.num('push_seq'));
  const liveAtStart = liveRows(ctx.db);
  let deletes = 0;
  let done = 0;
  const bytes = p.pageBytes ?? PULL_PAGE_BYTES;
  let next = client.pull(state.num('pull_cursor'), bytes);
  // Floor 100, not 50: every transaction writes each index page its rows touch, so a transaction
  // of 50 writes about one WAL page per row (a transaction of thousands: one per eight rows). On a busy
  // machine batches shrink to the floor; 50 was tried for the ping under load and did not help it.
  const sizer = new BatchSizer(200, APPLY_CHUNK, 100);
  for (;;) {
    const page = await next;
    if (p.abandoned()) return;
    const more = page.more || page.cursor < page.head;
    // Ask for the next page before looking at this one: the server prepares it meanwhile. Should
    // this page fail (or stop for deletes), the stored cursor has not moved and the next cycle starts from it.
    if (more) {
      next = client.pull(page.cursor, bytes);
      next.catch(() => undefined);
    }
    const changes = page.changes.map((c) => c.change);
    const forget = page.forget ?? [];
    const pageDeletes = applier.countIncomingDeletes(changes);
    if (decision === null && exceedsGuard(p.guard, deletes + pageDeletes, liveAtStart))
      throw new StopForDeletes({ direction: 'pull', count: deletes + pageDeletes, total: liveAtStart });
    deletes += pageDeletes;
    // Transactions of about a slice each (at most APPLY_CHUNK changes), each moving the cursor to
    // its last change, with the event loop free in between: other calls never wait long behind a
    // big pull. A page whose every change was withheld from this role still moves the cursor past them.
    if (changes.length === 0 && forget.length === 0 && page.cursor <= state.num('pull_cursor')) return;
    for (let i = 0; i < Math.max(changes.length, 1); ) {
      const n = sizer.next;
      const last = i + n >= changes.length;
      const upTo = last ? page.cursor : (page.changes[i + n - 1] as { seq: number }).seq;
      const slice = changes.slice(i, i + n);
      sizer.run(slice.length, () => applier.applyPage(slice, upTo, decision === 'restore', last ? forget : []));
      i += n;
      if (!last) await yieldToEventLoop();
    }
    done += changes.length;
    p.onProgress({ done, total: done + Math.max(0, page.head - page.cursor), finished: !more });
    if (!more) return;
    // Let local work in between pages.
    await yieldToEventLoop();
  }
}
