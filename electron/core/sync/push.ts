/**
 * Push: the local changes after the pushed mark, in pages of whole log entries (one
 * transaction's stamps stay together), each page split so no request exceeds the server's
 * byte limit. The mark moves after each acknowledged page; a lost acknowledgement only causes
 * a replay, which the server recognises by HLC.
 *
 * Before a page goes out: a push that would delete more than the guard's share of the live
 * rows stops and asks (delete-guard.ts), or restores the rows when a person chose that; the
 * blobs the page names are uploaded first (blobs.ts).
 *
 * The server judges every change with the rulebook (shared/rules) and answers which it refused:
 * those are recorded where a person sees them, with the value kept, and their rows take the
 * office's state (refused.ts). A request holds whole log entries, so a status change and its
 * transition row reach the server together.
 */
import { MAX_CHANGES_PER_PUSH, MAX_PUSH_BYTES, type WireChange } from '../../../shared/sync/protocol';
import type { Change } from '../data/change';
import { materializeInSlices, readLogEntries, type LogEntry } from '../data/change-log';
import type { CoreContext } from '../rpc/handler-types';
import { timeSlicer, yieldToEventLoop } from '../time-slice';
import type { SyncClient } from './client';
import type { ConflictLog } from './conflicts';
import { exceedsGuard, liveRows, StopForDeletes, type DeleteDecision, type DeleteGuard } from './delete-guard';
import type { SyncState } from './local-tables';
import { applyRefusals } from './refused';
import type { UnpushedStamps } from './unpushed';

export interface PushContext {
  ctx: CoreContext;
  state: SyncState;
  client: SyncClient;
  conflicts: ConflictLog;
  unpushed: UnpushedStamps;
  guard: DeleteGuard;
  /** Changes per page at most (tests pass small pages); never above the protocol's limit. */
  pageChanges?: number;
  /** Uploads the blobs these changes name, before they are pushed. */
  uploadBlobsOf: (changes: readonly Change[]) => Promise<void>;
  /** After each acknowledged page. */
  onPage: () => void;
  /** Fields the server refused in this push (recorded in sync_refused). */
  onRefused?: (fields: number) => void;
}

/** Pushes every local change after the pushed mark. */
export async function pushAll(p: PushContext, decision: DeleteDecision): Promise<void> {
  const { ctx, state, client } = p;
  const pageSize = Math.min(p.pageChanges ?? 1000, MAX_CHANGES_PER_PUSH);
  let live = -1;
  let deletes = 0;
  for (;;) {
    const after = state.num('push_seq');
    const entries = readLogEntries(ctx.db, { afterSeq: after, origin: 'local', limit: 50 });
    if (entries.length === 0) return;
    // Whole log entries per push (one transaction's stamps), at most pageSize changes.
    const picked = [];
    let stamps = 0;
    for (const e of entries) {
      if (picked.length > 0 && stamps + e.changes.length > pageSize) break;
      picked.push(e);
      stamps += e.changes.length;
    }
    const lastSeq = (picked[picked.length - 1] as { seq: number }).seq;
    // In slices, as are the sizes below: other calls keep answering during a large push (issue 17).
    let changes = await materializeInSlices(ctx.db, picked.flatMap((e) => e.changes));
    const entryOf = entryIndex(picked);
    const pageDeletes = changes.filter((c) => c.fields.deleted_at !== undefined && c.fields.deleted_at !== null);
    if (pageDeletes.length > 0) {
      if (decision === 'restore') {
        ctx.mutator.transaction(() => {
          for (const c of pageDeletes) {
            ctx.mutator.write(c.table, c.rowId, { deleted_at: null });
            p.conflicts.addReview(c.table, c.rowId, 'restored_after_delete');
          }
        });
        changes = await materializeInSlices(ctx.db, picked.flatMap((e) => e.changes));
      } else if (decision === null) {
        if (live < 0) live = liveRows(ctx.db);
        if (exceedsGuard(p.guard, deletes + pageDeletes.length, live + deletes + pageDeletes.length))
          throw new StopForDeletes({ direction: 'push', count: deletes + pageDeletes.length, total: live + deletes + pageDeletes.length });
      }
      deletes += pageDeletes.length;
    }
    await p.uploadBlobsOf(changes);
    const sizes = new Map<Change, number>();
    const tick = timeSlicer();
    for (const c of changes) {
      sizes.set(c, changeBytes(c));
      await tick();
    }
    for (const part of splitByBytes(changes, MAX_PUSH_BYTES * 0.8, (c) => entryOf.get(c.hlc) ?? -1, (c) => sizes.get(c) ?? changeBytes(c))) {
      if (part.length === 0) continue;
      const result = await client.push(part as WireChange[]);
      const refused = result.refused ?? [];
      if (refused.length > 0) p.onRefused?.(applyRefusals(ctx.db, ctx.mutator, ctx.now(), part, refused));
    }
    state.set('push_seq', lastSeq);
    for (const e of picked) for (const c of e.changes) p.unpushed.delete(c[0]);
    p.onPage();
    await yieldToEventLoop();
  }
}

/** Which log entry (transaction) of the page each stamp belongs to. */
function entryIndex(entries: readonly LogEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const c of e.changes) out.set(c[0], i);
  });
  return out;
}

/** A change's size in a push body. */
const changeBytes = (c: Change) => Buffer.byteLength(JSON.stringify(c));

/**
 * Splits a page so that no push body exceeds the server's byte limit (with a margin). With
 * `entryOf`, a request starts only where a log entry (a transaction) starts, unless one entry
 * alone is larger than the limit: the server judges a transaction's changes together.
 */
export function splitByBytes(changes: readonly Change[], limit = MAX_PUSH_BYTES * 0.8, entryOf?: (c: Change) => number, sizeOf: (c: Change) => number = changeBytes): Change[][] {
  // Units that must travel together: one entry's changes, or each change alone.
  const units: { changes: Change[]; sizes: number[]; bytes: number }[] = [];
  let last: number | null = null;
  for (const c of changes) {
    const size = sizeOf(c);
    const entry = entryOf ? entryOf(c) : null;
    const unit = units[units.length - 1];
    if (unit && entry !== null && entry === last) {
      unit.changes.push(c);
      unit.sizes.push(size);
      unit.bytes += size;
    } else units.push({ changes: [c], sizes: [size], bytes: size });
    last = entry;
  }
  const parts: Change[][] = [[]];
  let bytes = 0;
  const add = (c: Change, size: number) => {
    const cur = parts[parts.length - 1] as Change[];
    if (cur.length > 0 && bytes + size > limit) {
      parts.push([c]);
      bytes = size;
    } else {
      cur.push(c);
      bytes += size;
    }
  };
  for (const unit of units) {
    // A unit that fits in a fresh request is never cut; an oversized one is split change by change.
    if (unit.bytes <= limit && bytes + unit.bytes > limit && (parts[parts.length - 1] as Change[]).length > 0) {
      parts.push([]);
      bytes = 0;
    }
    unit.changes.forEach((c, i) => add(c, unit.sizes[i] as number));
  }
  return parts;
}
