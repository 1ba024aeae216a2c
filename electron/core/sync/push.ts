/**
 * Push: the local changes after the pushed mark, in pages of whole log entries (one
 * transaction's stamps stay together), each page split so no request exceeds the server's
 * byte limit. The mark moves after each acknowledged page; a lost acknowledgement only causes
 * a replay, which the server recognises by HLC.
 *
 * Before a page goes out: a push that would delete more than the guard's share of the live
 * rows stops and asks (delete-guard.ts), or restores the rows when a person chose that; changes
 * this device's role may not write stay on this computer, counted in `held_back` and shown,
 * so they never block the others; the blobs the page names are uploaded first (blobs.ts).
 */
import { permissionsOf, type Role } from '../../../shared/contract/permissions';
import { MAX_CHANGES_PER_PUSH, MAX_PUSH_BYTES, type WireChange } from '../../../shared/sync/protocol';
import { writePermissionFor } from '../../../shared/sync/table-permissions';
import type { Change } from '../data/change';
import { materialize, readLogEntries } from '../data/change-log';
import type { CoreContext } from '../rpc/handler-types';
import type { SyncClient } from './client';
import type { ConflictLog } from './conflicts';
import { exceedsGuard, liveRows, StopForDeletes, type DeleteDecision, type DeleteGuard } from './delete-guard';
import type { SyncState } from './local-tables';
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
    let changes = materialize(ctx.db, picked.flatMap((e) => e.changes));
    const pageDeletes = changes.filter((c) => c.fields.deleted_at !== undefined && c.fields.deleted_at !== null);
    if (pageDeletes.length > 0) {
      if (decision === 'restore') {
        ctx.mutator.transaction(() => {
          for (const c of pageDeletes) {
            ctx.mutator.write(c.table, c.rowId, { deleted_at: null });
            p.conflicts.addReview(c.table, c.rowId, 'restored_after_delete');
          }
        });
        changes = materialize(ctx.db, picked.flatMap((e) => e.changes));
      } else if (decision === null) {
        if (live < 0) live = liveRows(ctx.db);
        if (exceedsGuard(p.guard, deletes + pageDeletes.length, live + deletes + pageDeletes.length))
          throw new StopForDeletes({ direction: 'push', count: deletes + pageDeletes.length, total: live + deletes + pageDeletes.length });
      }
      deletes += pageDeletes.length;
    }
    const { allowed, heldBack } = writableByRole(changes, (state.get('role') ?? 'guest') as Role);
    if (heldBack > 0) state.set('held_back', state.num('held_back') + heldBack);
    await p.uploadBlobsOf(allowed);
    for (const part of splitByBytes(allowed)) if (part.length > 0) await client.push(part as WireChange[]);
    state.set('push_seq', lastSeq);
    for (const e of picked) for (const c of e.changes) p.unpushed.delete(c[0]);
    p.onPage();
    await new Promise((r) => setImmediate(r));
  }
}

/**
 * The changes a device of `role` may push. The server refuses a whole push with a change the
 * role may not write; such changes stay on this computer (counted and shown) instead.
 */
export function writableByRole(changes: readonly Change[], role: Role): { allowed: Change[]; heldBack: number } {
  const perms = permissionsOf([role]);
  const allowed = changes.filter((c) => {
    const needed = writePermissionFor(c.table);
    return needed !== null && perms.has(needed);
  });
  return { allowed, heldBack: changes.length - allowed.length };
}

/** Splits a page so that no push body exceeds the server's byte limit (with a margin). */
export function splitByBytes(changes: readonly Change[], limit = MAX_PUSH_BYTES * 0.8): Change[][] {
  const parts: Change[][] = [[]];
  let bytes = 0;
  for (const c of changes) {
    const size = Buffer.byteLength(JSON.stringify(c));
    const cur = parts[parts.length - 1] as Change[];
    if (cur.length > 0 && bytes + size > limit) {
      parts.push([c]);
      bytes = size;
    } else {
      cur.push(c);
      bytes += size;
    }
  }
  return parts;
}
