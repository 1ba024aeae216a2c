import crypto from 'node:crypto';
import { WartaError } from '../../../../../shared/contract/errors';
import type { ImportBatch, ImportPreset } from '../../../../../shared/media/types';
import { fold } from '../../../../../shared/media/vocabulary';
import type { CoreContext, HandlerGroup } from '../../../rpc/handler-types';
import { commitSession, readBatch, undoBatch } from './commit';
import { analyzeSession, decide, discardSession, openSession, readRows, readSession, requestCancel } from './session';
import { UploadStore } from './uploads';

const uploadStores = new WeakMap<CoreContext, UploadStore>();
function uploads(ctx: CoreContext): UploadStore {
  let u = uploadStores.get(ctx);
  if (!u) uploadStores.set(ctx, (u = new UploadStore()));
  return u;
}

const toPreset = (r: { id: string; name: string | null; kind: string | null; mapping: string | null }): ImportPreset => ({
  id: r.id,
  name: r.name ?? '',
  kind: r.kind === 'journalists' ? 'journalists' : 'outlets',
  mapping: JSON.parse(r.mapping ?? '{}') as Record<string, string>,
});

export const importHandlers: HandlerGroup<
  | 'media.import.upload'
  | 'media.import.open'
  | 'media.import.analyze'
  | 'media.import.rows'
  | 'media.import.decide'
  | 'media.import.commit'
  | 'media.import.cancel'
  | 'media.import.discard'
  | 'media.import.undo'
  | 'media.import.batches'
  | 'media.import.presets'
  | 'media.import.savePreset'
  | 'media.import.deletePreset'
> = {
  'media.import.upload': (input, ctx) => {
    const uploadId = input.uploadId ?? crypto.randomUUID();
    return { uploadId, bytes: uploads(ctx).append(uploadId, input.base64, ctx.now()) };
  },
  'media.import.open': async (input, ctx) => {
    const bytes = uploads(ctx).take(input.uploadId);
    let presetMapping: Record<string, string> | undefined;
    if (input.presetId) {
      const row = ctx.db.prepare('SELECT * FROM media_import_preset WHERE id = ? AND deleted_at IS NULL').get(input.presetId) as Parameters<typeof toPreset>[0] | undefined;
      if (!row) throw new WartaError('not_found', 'Preset pemetaan kolom tidak ditemukan.', { presetId: input.presetId });
      presetMapping = toPreset(row).mapping;
    }
    // The upload id doubles as the session id (and the progress job id the renderer listens for).
    return openSession(ctx, { sessionId: input.uploadId, fileName: input.fileName, kind: input.kind, bytes, presetMapping });
  },
  'media.import.analyze': (input, ctx) => analyzeSession(ctx, input.sessionId, input.mapping, input.keepPlaceholders),
  'media.import.rows': (input, ctx) => readRows(ctx, input.sessionId, input.view, input.offset, input.limit),
  'media.import.decide': (input, ctx) => decide(ctx, input.sessionId, input.rows, input.decision),
  'media.import.commit': (input, ctx, caller) => commitSession(ctx, caller, input.sessionId),
  'media.import.cancel': (input, ctx) => {
    requestCancel(ctx, input.sessionId);
    return { cancelled: true };
  },
  'media.import.discard': (input, ctx) => {
    const s = readSession(ctx, input.sessionId);
    if (s.status === 'committing') throw new WartaError('conflict', 'Impor sedang berjalan; batalkan dulu.');
    discardSession(ctx, input.sessionId);
    return { discarded: true };
  },
  'media.import.undo': (input, ctx) => undoBatch(ctx, input.batchId),
  'media.import.batches': (_input, ctx): ImportBatch[] =>
    (ctx.db.prepare("SELECT id FROM media_import_batch WHERE deleted_at IS NULL AND status <> 'committing' ORDER BY created_at DESC LIMIT 50").all() as { id: string }[]).map((r) => readBatch(ctx, r.id)),
  'media.import.presets': (_input, ctx) =>
    (ctx.db.prepare('SELECT * FROM media_import_preset WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as Parameters<typeof toPreset>[0][]).map(toPreset),
  'media.import.savePreset': (input, ctx) => {
    const mapping = Object.fromEntries(Object.entries(input.mapping).map(([h, f]) => [fold(h), f]));
    const values = { name: input.name, kind: input.kind, mapping };
    const id = input.id ?? ctx.mutator.insert('media_import_preset', values);
    if (input.id) ctx.mutator.update('media_import_preset', input.id, values);
    return toPreset(ctx.db.prepare('SELECT * FROM media_import_preset WHERE id = ?').get(id) as Parameters<typeof toPreset>[0]);
  },
  'media.import.deletePreset': (input, ctx) => {
    ctx.mutator.remove('media_import_preset', input.id);
    return { deleted: true };
  },
};
