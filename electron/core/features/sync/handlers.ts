import { WartaError } from '../../../../shared/contract/errors';
import { ceilingOf, runAsSync } from '../../data/actor-scope';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { syncEngineOf } from '../../sync/engine';
import { issueHostCode, startHosting, stopHosting } from '../../sync/host';

type SyncMethod =
  | 'sync.status'
  | 'sync.configure'
  | 'sync.disconnect'
  | 'sync.now'
  | 'sync.confirmDeletes'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
  | 'sync.reviews'
  | 'sync.closeReview'
  | 'sync.host.start'
  | 'sync.host.stop'
  | 'sync.host.issueCode';

export const syncHandlers: HandlerGroup<SyncMethod> = {
  'sync.status': (_input, ctx) => syncEngineOf(ctx).status(),
  'sync.configure': async (input, ctx, caller) => {
    const status = withCeiling(ctx, await syncEngineOf(ctx).configure(input));
    ctx.audit.record(caller, { action: 'sync.configure', details: { serverUrl: input.serverUrl, workspace: input.workspace } });
    return status;
  },
  'sync.disconnect': (_input, ctx) => withCeiling(ctx, syncEngineOf(ctx).disconnect()),
  // A sync cycle's own writes carry the office's decisions; they are not the caller's (actor-scope.ts).
  'sync.now': async (_input, ctx) => {
    const engine = syncEngineOf(ctx);
    if (!engine.configured) throw new WartaError('conflict', 'Sinkronisasi belum diatur: isi alamat server dan kode pendaftaran di Pengaturan.');
    return runAsSync(() => engine.syncNow());
  },
  'sync.confirmDeletes': (input, ctx) => runAsSync(() => syncEngineOf(ctx).confirmDeletes(input.allow)),
  'sync.conflicts': (_input, ctx) => syncEngineOf(ctx).conflicts(),
  'sync.resolveConflict': (input, ctx, caller) => {
    syncEngineOf(ctx).resolveConflict(input.id, input.keep, caller);
    return { ok: true };
  },
  'sync.reviews': (_input, ctx) => syncEngineOf(ctx).reviews(),
  'sync.closeReview': (input, ctx) => {
    syncEngineOf(ctx).closeReview(input.id);
    return { ok: true };
  },
  'sync.host.start': async (input, ctx) => {
    const engine = syncEngineOf(ctx);
    await startHosting(ctx, engine, input);
    return withCeiling(ctx, engine.status());
  },
  'sync.host.stop': async (_input, ctx) => {
    const engine = syncEngineOf(ctx);
    await stopHosting(ctx, engine);
    return engine.status();
  },
  'sync.host.issueCode': (input, ctx) => issueHostCode(ctx, syncEngineOf(ctx), input.role),
};

/** The machine's enrolment changed: its role caps every local write from now on. */
function withCeiling<T extends { role: string | null }>(ctx: CoreContext, status: T): T {
  ctx.mutator.setCeiling(ceilingOf(status.role));
  return status;
}
