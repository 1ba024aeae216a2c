import { WartaError } from '../../../../../shared/contract/errors';
import { normalizeName } from '../../../../../shared/media/dedupe';
import type { JournalistRecord, OutletRecord } from '../../../../../shared/media/records';
import type { ImportBatch } from '../../../../../shared/media/types';
import type { FieldValue, ReplicatedTable } from '../../../../../shared/sync/replicated-tables';
import type { Caller } from '../../../caller';
import type { CoreContext } from '../../../rpc/handler-types';
import { BatchSizer } from '../../../time-slice';
import { cancelledError, discardSession, discardSessionInSlices, readSession, takeCancel, yieldToOthers } from './session';

const COMMIT_CHUNK = 1000;
const PERSONAL = new Set(['phone', 'whatsapp', 'email', 'ukwNumber', 'pressCardNo']);

function outletValues(r: OutletRecord): Record<string, FieldValue> {
  return {
    name: r.name,
    kind: r.kind,
    legal_entity: r.legalEntity,
    press_council_status: r.pressCouncilStatus,
    press_council_cert_no: r.pressCouncilCertNo,
    press_council_cert_date: r.pressCouncilCertDate,
    editor_in_chief: r.editorInChief,
    person_in_charge: r.personInCharge,
    region: r.region,
    address: r.address,
    phone: r.phone,
    email: r.email,
    website: r.website,
    circulation: r.circulation,
    monthly_traffic: r.monthlyTraffic,
    broadcast_licence: r.broadcastLicence,
  };
}

function journalistValues(r: JournalistRecord, outletId: string | null): Record<string, FieldValue> {
  return {
    outlet_id: outletId,
    name: r.name,
    role: r.role,
    beat: r.beat,
    phone: r.phone,
    whatsapp: r.whatsapp,
    email: r.email,
    ukw_level: r.ukwLevel,
    ukw_number: r.ukwNumber,
    ukw_valid_until: r.ukwValidUntil,
    press_card_no: r.pressCardNo,
    data_source: r.dataSource,
    consent: r.consent,
  };
}

const withoutNulls = (v: Record<string, FieldValue>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined)) as Record<string, FieldValue>;

export function readBatch(ctx: CoreContext, id: string): ImportBatch {
  const r = ctx.db.prepare('SELECT * FROM media_import_batch WHERE id = ?').get(id) as Record<string, string | number | null> | undefined;
  if (!r) throw new WartaError('not_found', 'Riwayat impor tidak ditemukan.', { id });
  return {
    id,
    fileName: String(r.file_name ?? ''),
    kind: (r.kind as ImportBatch['kind']) ?? 'outlets',
    status: (r.status as ImportBatch['status']) ?? 'committed',
    rowCount: Number(r.row_count ?? 0),
    createdCount: Number(r.created_count ?? 0),
    mergedCount: Number(r.merged_count ?? 0),
    skippedCount: Number(r.skipped_count ?? 0),
    committedAt: (r.committed_at as string | null) ?? null,
    undoneAt: (r.undone_at as string | null) ?? null,
  };
}

/**
 * Writes a staged import in chunks of one transaction each, with progress events and a chance
 * to cancel between chunks. Every row it creates carries the batch id and every field a merge
 * overwrites is remembered, so a cancelled or failed import is undone whole, and so is a
 * finished one on request.
 */
export async function commitSession(ctx: CoreContext, caller: Caller, sessionId: string): Promise<ImportBatch> {
  const s = readSession(ctx, sessionId);
  if (s.status !== 'staged') throw new WartaError('conflict', 'Impor ini sudah dijalankan atau dibatalkan; mulai impor baru.', { status: s.status });
  const mapping = s.parsedMapping;
  if (!mapping.includes('name')) throw new WartaError('invalid_input', 'Kolom nama belum dipetakan; pilih kolom yang berisi nama.', { reason: 'missing_name' });
  const personal = s.kind === 'journalists' && mapping.some((f) => f && PERSONAL.has(f));
  if (personal && !caller.can('media.personal')) {
    throw new WartaError('forbidden', 'Berkas ini memuat data pribadi wartawan (nomor HP, email, nomor UKW atau kartu pers); Anda tidak berwenang mengimpornya.', { permission: 'media.personal' });
  }
  ctx.db.prepare("UPDATE media_import_session SET status = 'committing' WHERE id = ?").run(sessionId);
  takeCancel(ctx, sessionId);
  const m = ctx.mutator;
  const nowIso = new Date(ctx.now()).toISOString();
  const total = (ctx.db.prepare('SELECT count(*) AS n FROM media_import_row WHERE session_id = ?').get(sessionId) as { n: number }).n;
  const batchId = m.insert('media_import_batch', { file_name: s.file_name, kind: s.kind, status: 'committing', row_count: total, created_count: 0, merged_count: 0, skipped_count: 0 });
  ctx.db.prepare('UPDATE media_import_session SET batch_id = ? WHERE id = ?').run(batchId, sessionId);
  const progress = (done: number, finished = false, label = 'Mengimpor') => ctx.events.emit('progress', { jobId: sessionId, label, done, total, finished });

  // Outlets by normalised name, for linking journalists; those this import creates join it.
  const outletByName = new Map<string, string>();
  if (s.kind === 'journalists') {
    for (const o of ctx.db.prepare('SELECT id, name FROM media_outlet WHERE deleted_at IS NULL ORDER BY created_at').iterate() as IterableIterator<{ id: string; name: string | null }>) {
      const k = normalizeName(o.name ?? '');
      if (k && !outletByName.has(k)) outletByName.set(k, o.id);
    }
  }
  const touch = ctx.db.prepare('INSERT OR IGNORE INTO media_import_touch (batch_id, tbl, row_id, action, previous) VALUES (?, ?, ?, ?, ?)');
  const select = ctx.db.prepare('SELECT row_no, record, dup_kind, dup_of, decision FROM media_import_row WHERE session_id = ? AND row_no > ? ORDER BY row_no LIMIT ?');
  let created = 0;
  let merged = 0;
  let skipped = 0;
  let done = 0;
  let last = -1;
  const source = `Impor berkas ${s.file_name}`.slice(0, 200);

  // Transactions of about a slice each (time-slice.ts), at most COMMIT_CHUNK rows.
  const sizer = new BatchSizer(50, COMMIT_CHUNK, 25);
  try {
    for (;;) {
      const rows = select.all(sessionId, last, sizer.next) as { row_no: number; record: string | null; dup_kind: string | null; dup_of: string | null; decision: string | null }[];
      if (rows.length === 0) break;
      sizer.run(rows.length, () => m.transaction(() => {
        for (const row of rows) {
          last = row.row_no;
          done += 1;
          if (!row.record || row.decision === 'skip' || (row.dup_kind === 'file' && row.decision !== 'create')) {
            skipped += 1;
            continue;
          }
          const table: ReplicatedTable = s.kind === 'outlets' ? 'media_outlet' : 'media_journalist';
          let values: Record<string, FieldValue>;
          if (s.kind === 'outlets') values = outletValues(JSON.parse(row.record) as OutletRecord);
          else {
            const r = JSON.parse(row.record) as JournalistRecord;
            let outletId: string | null = null;
            if (r.outletName) {
              const key = normalizeName(r.outletName);
              outletId = outletByName.get(key) ?? null;
              if (!outletId) {
                outletId = m.insert('media_outlet', { name: r.outletName, kind: r.outletKind, press_council_status: 'none', import_batch_id: batchId });
                outletByName.set(key, outletId);
              }
            }
            values = journalistValues({ ...r, dataSource: r.dataSource ?? source }, outletId);
          }
          if (row.dup_kind === 'db' && row.decision === 'merge' && row.dup_of) {
            const current = ctx.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(row.dup_of) as Record<string, unknown> | undefined;
            if (!current || current.deleted_at) {
              skipped += 1;
              continue;
            }
            const changes = Object.fromEntries(Object.entries(withoutNulls(values)).filter(([k, v]) => current[k] !== v && !(k === 'outlet_id' && current[k]))) as Record<string, FieldValue>;
            if (Object.keys(changes).length === 0) {
              skipped += 1;
              continue;
            }
            const previous = Object.fromEntries(Object.keys(changes).map((k) => [k, (current[k] ?? null) as FieldValue]));
            touch.run(batchId, table, row.dup_of, 'merge', JSON.stringify(previous));
            m.update(table, row.dup_of, changes);
            merged += 1;
          } else {
            values.import_batch_id = batchId;
            if (s.kind === 'journalists') {
              values.consent = values.consent ?? 'unknown';
              if (values.consent !== 'unknown') values.consent_at = nowIso;
            }
            m.insert(table, withoutNulls(values));
            created += 1;
          }
        }
      }));
      progress(done);
      await yieldToOthers();
      if (takeCancel(ctx, sessionId)) throw cancelledError();
    }
    m.transaction(() => {
      m.update('media_import_batch', batchId, { status: 'committed', created_count: created, merged_count: merged, skipped_count: skipped, committed_at: new Date(ctx.now()).toISOString() });
      if (personal) ctx.audit.record(caller, { action: 'media.personal.import', targetType: 'media_import_batch', targetId: batchId, details: { rows: created + merged, file: s.file_name } });
    });
    await discardSessionInSlices(ctx, sessionId);
    progress(total, true, 'Selesai');
    return readBatch(ctx, batchId);
  } catch (err) {
    // Cancelled or failed half-way: take back every chunk already written, then say why.
    undoBatch(ctx, batchId, 'cancelled');
    discardSession(ctx, sessionId);
    progress(done, true, 'Dibatalkan');
    throw err;
  }
}

/** Tombstones the rows an import created and puts back the fields its merges overwrote. */
export function undoBatch(ctx: CoreContext, batchId: string, status: 'undone' | 'cancelled' = 'undone'): ImportBatch {
  const batch = readBatch(ctx, batchId);
  if (batch.status === 'undone' || batch.status === 'cancelled') throw new WartaError('conflict', 'Impor ini sudah dibatalkan sebelumnya.', { batchId });
  const m = ctx.mutator;
  const touches = ctx.db.prepare('SELECT tbl, row_id, previous FROM media_import_touch WHERE batch_id = ?').all(batchId) as { tbl: ReplicatedTable; row_id: string; previous: string }[];
  if (batch.mergedCount > 0 && touches.length === 0 && status === 'undone') {
    throw new WartaError('conflict', 'Impor ini dilakukan di komputer lain; penggabungannya hanya dapat dibatalkan di komputer itu.', { batchId });
  }
  m.transaction(() => {
    for (const table of ['media_journalist', 'media_outlet'] as const) {
      const ids = ctx.db.prepare(`SELECT id FROM ${table} WHERE import_batch_id = ? AND deleted_at IS NULL`).all(batchId) as { id: string }[];
      for (const { id } of ids) m.remove(table, id);
    }
    for (const t of touches) {
      const alive = ctx.db.prepare(`SELECT 1 FROM ${t.tbl} WHERE id = ? AND deleted_at IS NULL`).get(t.row_id);
      if (alive) m.update(t.tbl, t.row_id, JSON.parse(t.previous) as Record<string, FieldValue>);
    }
    m.update('media_import_batch', batchId, { status, undone_at: new Date(ctx.now()).toISOString() });
  });
  ctx.db.prepare('DELETE FROM media_import_touch WHERE batch_id = ?').run(batchId);
  return readBatch(ctx, batchId);
}
