import { WartaError } from '../../../../shared/contract/errors';
import { canSeeField, projectionFor, type Projection } from '../../../../shared/rules/projection';
import { viewerOf, writePermissionsOf } from '../../../../shared/rules/rulebook';
import type { Row } from '../../../../shared/rules/types';
import { isReplicatedTable } from '../../../../shared/sync/replicated-tables';
import type { Caller } from '../../caller';
import { permissionsOfCaller, runAsSync } from '../../data/actor-scope';
import { decodeRow } from '../../../../shared/sync/row-codec';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { syncEngineOf } from '../../sync/engine';
import { dismissRefusal, listRefusals } from '../../sync/refused';
import { joinOffice } from './join';
import { issueHostCode, startHosting, stopHosting } from '../../sync/host';

type SyncMethod =
  | 'sync.status'
  | 'sync.configure'
  | 'sync.join'
  | 'sync.disconnect'
  | 'sync.now'
  | 'sync.confirmDeletes'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
  | 'sync.reviews'
  | 'sync.closeReview'
  | 'sync.refused'
  | 'sync.dismissRefused'
  | 'sync.host.start'
  | 'sync.host.stop'
  | 'sync.host.issueCode'
  | 'sync.devices';

export const syncHandlers: HandlerGroup<SyncMethod> = {
  'sync.status': (_input, ctx) => syncEngineOf(ctx).status(),
  'sync.configure': async (input, ctx, caller) => {
    const status = await syncEngineOf(ctx).configure(input);
    ctx.audit.record(caller, { action: 'sync.configure', details: { serverUrl: input.serverUrl, workspace: input.workspace } });
    return status;
  },
  'sync.join': (input, ctx, caller) => joinOffice(ctx, input, caller),
  'sync.disconnect': (_input, ctx) => syncEngineOf(ctx).disconnect(),
  'sync.devices': (_input, ctx) => syncEngineOf(ctx).deviceReport(),
  // A sync cycle's own writes carry the office's decisions; they are not the caller's (actor-scope.ts).
  'sync.now': async (_input, ctx) => {
    const engine = syncEngineOf(ctx);
    if (!engine.configured) throw new WartaError('conflict', 'Sinkronisasi belum diatur: isi alamat server dan kode pendaftaran di Pengaturan.');
    return runAsSync(() => engine.syncNow());
  },
  'sync.confirmDeletes': (input, ctx) => runAsSync(() => syncEngineOf(ctx).confirmDeletes(input.allow)),
  // Conflict and review records name rows and hold values: each is shown only to a caller who may
  // read that table, row and field (the rulebook's `read`), and acted on only by one who may write it.
  'sync.conflicts': (_input, ctx, caller) => {
    const see = sees(ctx, caller);
    return syncEngineOf(ctx).conflicts().filter((c) => see(c.table, c.rowId, c.field));
  },
  'sync.resolveConflict': (input, ctx, caller) => {
    const engine = syncEngineOf(ctx);
    const conflict = engine.conflicts().find((c) => c.id === input.id);
    if (!conflict || !sees(ctx, caller)(conflict.table, conflict.rowId, conflict.field)) throw new WartaError('not_found', 'Konflik tidak ditemukan atau sudah diselesaikan.');
    if (!writePermissionsOf(conflict.table).some((p) => caller.can(p))) throw new WartaError('forbidden', 'Anda tidak berhak mengubah data ini.', { table: conflict.table });
    // The chosen value is written as the caller's own change: the rules judge it like any edit.
    engine.resolveConflict(input.id, input.keep, caller);
    return { ok: true };
  },
  'sync.reviews': (_input, ctx, caller) => {
    const see = sees(ctx, caller);
    return syncEngineOf(ctx).reviews().filter((r) => see(r.table, r.rowId, null));
  },
  'sync.closeReview': (input, ctx, caller) => {
    const engine = syncEngineOf(ctx);
    const review = engine.reviews().find((r) => r.id === input.id);
    if (!review || !sees(ctx, caller)(review.table, review.rowId, null)) throw new WartaError('not_found', 'Catatan tinjauan tidak ditemukan.');
    if (!writePermissionsOf(review.table).some((p) => caller.can(p))) throw new WartaError('forbidden', 'Anda tidak berhak menindaklanjuti data ini.', { table: review.table });
    engine.closeReview(input.id);
    return { ok: true };
  },
  // What the office's server refused from this computer, with the value kept for the person to redo.
  'sync.refused': (_input, ctx, caller) => {
    const see = sees(ctx, caller);
    return listRefusals(ctx.db).filter((r) => see(r.table, r.rowId, r.field));
  },
  'sync.dismissRefused': (input, ctx, caller) => {
    const record = listRefusals(ctx.db).find((r) => r.id === input.id);
    const see = sees(ctx, caller);
    if (!record || !see(record.table, record.rowId, record.field))
      throw new WartaError('not_found', 'Catatan penolakan tidak ditemukan.');
    dismissRefusal(ctx.db, input.id, ctx.now());
    ctx.events.emit('sync.status', syncEngineOf(ctx).status());
    return { ok: true };
  },
  'sync.host.start': async (input, ctx) => {
    const engine = syncEngineOf(ctx);
    await startHosting(ctx, engine, input);
    return engine.status();
  },
  'sync.host.stop': async (_input, ctx) => {
    const engine = syncEngineOf(ctx);
    await stopHosting(ctx, engine);
    return engine.status();
  },
  'sync.host.issueCode': (input, ctx) => issueHostCode(ctx, syncEngineOf(ctx), input.role, input.opdId),
};


/** Whether the caller may see a record about (table, row, field): the table's read rule, its field groups and row predicate. */
function sees(ctx: CoreContext, caller: Caller): (table: string, rowId: string, field: string | null) => boolean {
  // A contributor's device sees as its OPD (it holds only that OPD's requests anyway).
  const projection: Projection = projectionFor(viewerOf(null, ctx.info.deviceId, permissionsOfCaller(caller), syncEngineOf(ctx).boundOpd));
  return (table, rowId, field) => {
    if (!isReplicatedTable(table)) return false;
    const view = projection.table(table);
    if (!view.readable || (field !== null && !canSeeField(projection, table, field))) return false;
    if (!view.rows) return true;
    const raw = ctx.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined;
    return raw !== undefined && view.rows(decodeRow(table, raw) as Row);
  };
}
