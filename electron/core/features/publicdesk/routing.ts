/**
 * Routing (issue 14): the desk disposes a verified item to one or more OPDs; each OPD's
 * contributor device receives only its own part (the desk's summary, never the reporter's
 * personal data), answers it with text and photos or asks for more time with a reason; the desk
 * grants or refuses the extension. Every step is in the item's history and the audit log.
 */
import { WartaError } from '../../../../shared/contract/errors';
import { DESK_FILE_MAX_BYTES, FILES_PER_ITEM, OPEN_PART_STATUSES, type PartStatus } from '../../../../shared/publicdesk/model';
import type { Caller } from '../../caller';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { looksLike } from '../attachments/file-sniff';
import { addWorkingDays } from '../../../../shared/agenda/working-days';
import { deskCalendar } from './calendar';
import { numberOf, PART_SELECT, partOf, readItem, readItemRow, readPartRow, type PartRow } from './rows';
import { boundOpd, deadlineDays, deskOnly, iso, step } from './steps';

type Methods = 'publicdesk.dispose' | 'publicdesk.parts' | 'publicdesk.part.answer' | 'publicdesk.part.ask' | 'publicdesk.part.decide' | 'publicdesk.attach' | 'publicdesk.file';

/** A contributor's device names another OPD's part (it should not even hold one): refused and kept in the audit log. */
function ownPartOnly(ctx: CoreContext, caller: Caller, p: PartRow, what: string): void {
  const opd = boundOpd(ctx);
  if (!opd) throw new WartaError('forbidden', 'Jawaban disposisi dikirim dari perangkat kontributor OPD-nya.', { permission: 'publicdesk.answer' });
  if (p.opd_id === opd) return;
  ctx.audit.record(caller, { action: 'publicdesk.refused_other_opd', targetType: 'publicdesk_part', targetId: p.id, details: { what, deviceOpd: opd, partOpd: p.opd_id } });
  throw new WartaError('forbidden', 'Disposisi ini untuk OPD lain; perangkat ini hanya menjawab disposisi OPD-nya sendiri.', { id: p.id });
}

function openPart(p: PartRow): void {
  if (!OPEN_PART_STATUSES.includes(p.status as PartStatus)) throw new WartaError('conflict', 'Disposisi ini sudah dijawab atau ditutup.', { id: p.id, status: p.status });
}

export const routingHandlers: HandlerGroup<Methods> = {
  'publicdesk.dispose': (input, ctx, caller) => {
    deskOnly(ctx);
    const r = readItemRow(ctx, input.id);
    if (r.status === 'received') throw new WartaError('conflict', 'Verifikasi aduan ini dulu sebelum mendisposisikannya.', { id: r.id, status: r.status });
    if (r.status !== 'verified' && r.status !== 'disposed') throw new WartaError('conflict', `Aduan berstatus ${r.status} tidak dapat didisposisikan lagi.`, { id: r.id, status: r.status });
    const opds = [...new Set(input.opdIds)];
    for (const id of opds) {
      const o = ctx.db.prepare('SELECT name, deleted_at FROM opd WHERE id = ?').get(id) as { name: string; deleted_at: string | null } | undefined;
      if (!o || o.deleted_at) throw new WartaError('not_found', `OPD ${o?.name ?? id} tidak ada lagi di daftar OPD; pilih OPD lain.`, { field: 'opdIds', opdId: id });
    }
    const cal = deskCalendar(ctx);
    const due = cal.due(cal.today, deadlineDays(ctx, 'opd_part'));
    ctx.mutator.transaction(() => {
      for (const opd of opds) {
        // Disposed twice to the same OPD while its part is open: one part.
        if (ctx.db.prepare("SELECT 1 FROM publicdesk_parts WHERE item_id = ? AND opd_id = ? AND status IN ('open', 'extension_asked') AND deleted_at IS NULL").get(r.id, opd)) continue;
        const partId = ctx.mutator.insert('publicdesk_parts', {
          item_id: r.id,
          opd_id: opd,
          number: numberOf(r),
          kind: r.kind,
          summary: input.summary,
          category: r.category,
          location: r.location,
          due_date: due,
          status: 'open',
          disposed_at: iso(ctx),
          disposed_by: caller.name,
        });
        step(ctx, caller, { itemId: r.id, partId, opdId: opd }, 'disposed', `Tenggat ${due}`, { opdId: opd });
      }
      ctx.mutator.update('publicdesk_items', r.id, { status: 'disposed' });
    });
    return readItem(ctx, r.id, cal);
  },

  'publicdesk.parts': (input, ctx) => {
    const opd = boundOpd(ctx);
    const cal = deskCalendar(ctx);
    const where = ['p.deleted_at IS NULL'];
    const args: unknown[] = [];
    if (opd) {
      where.push('p.opd_id = ?');
      args.push(opd);
    }
    if (input.status === 'open') where.push("p.status IN ('open', 'extension_asked')");
    if (input.status === 'answered') where.push("p.status = 'answered'");
    const rows = ctx.db.prepare(`${PART_SELECT} WHERE ${where.join(' AND ')} ORDER BY p.due_date, p.disposed_at LIMIT 500`).all(...args) as PartRow[];
    const name = opd ? ((ctx.db.prepare('SELECT name FROM opd WHERE id = ?').pluck().get(opd) as string | undefined) ?? '') : '';
    return { parts: rows.map((p) => partOf(ctx, p, cal)), boundOpd: opd ? { id: opd, name } : null };
  },

  'publicdesk.part.answer': (input, ctx, caller) => {
    const p = readPartRow(ctx, input.partId);
    ownPartOnly(ctx, caller, p, 'answer');
    openPart(p);
    ctx.mutator.transaction(() => {
      ctx.mutator.update('publicdesk_parts', p.id, { status: 'answered', answer: input.answer, answered_at: iso(ctx), answered_by: caller.name });
      step(ctx, caller, { itemId: p.item_id ?? '', partId: p.id, opdId: p.opd_id }, 'part_answered', input.answer.slice(0, 200));
    });
    return partOf(ctx, readPartRow(ctx, p.id), deskCalendar(ctx));
  },

  'publicdesk.part.ask': (input, ctx, caller) => {
    const p = readPartRow(ctx, input.partId);
    ownPartOnly(ctx, caller, p, 'ask');
    if (p.status !== 'open') throw new WartaError('conflict', p.status === 'extension_asked' ? 'Permintaan tambahan waktu sudah dikirim; tunggu keputusan Humas.' : 'Disposisi ini sudah dijawab atau ditutup.', { id: p.id });
    ctx.mutator.transaction(() => {
      ctx.mutator.update('publicdesk_parts', p.id, { status: 'extension_asked', extension_reason: input.reason, extension_days: input.days });
      step(ctx, caller, { itemId: p.item_id ?? '', partId: p.id, opdId: p.opd_id }, 'extension_asked', `${input.days} hari kerja: ${input.reason}`);
    });
    return partOf(ctx, readPartRow(ctx, p.id), deskCalendar(ctx));
  },

  'publicdesk.part.decide': (input, ctx, caller) => {
    deskOnly(ctx);
    const p = readPartRow(ctx, input.partId);
    if (p.status !== 'extension_asked') throw new WartaError('conflict', 'OPD tidak sedang meminta tambahan waktu untuk disposisi ini.', { id: p.id, status: p.status });
    const cal = deskCalendar(ctx);
    const due = input.grant ? addWorkingDays(p.due_date ?? cal.today, p.extension_days ?? 1, cal.offDays) : p.due_date;
    ctx.mutator.transaction(() => {
      ctx.mutator.update('publicdesk_parts', p.id, { status: 'open', due_date: due, escalated_at: input.grant ? null : p.escalated_at });
      step(ctx, caller, { itemId: p.item_id ?? '', partId: p.id, opdId: p.opd_id }, input.grant ? 'extension_granted' : 'extension_refused', [due, input.note].filter(Boolean).join(': '));
    });
    return partOf(ctx, readPartRow(ctx, p.id), cal);
  },

  'publicdesk.attach': (input, ctx, caller) => {
    let target: { item_id: string; part_id: string | null; opd_id: string | null; purpose: 'post' | 'answer' };
    if (input.partId) {
      const p = readPartRow(ctx, input.partId);
      if (boundOpd(ctx)) ownPartOnly(ctx, caller, p, 'attach');
      openPart(p);
      target = { item_id: p.item_id ?? '', part_id: p.id, opd_id: p.opd_id, purpose: 'answer' };
    } else {
      deskOnly(ctx);
      if (!caller.can('publicdesk.manage')) throw new WartaError('forbidden', 'Tangkapan layar unggahan dilampirkan oleh meja aduan Humas.', { permission: 'publicdesk.manage' });
      const r = readItemRow(ctx, input.itemId as string);
      target = { item_id: r.id, part_id: null, opd_id: null, purpose: 'post' };
    }
    const data = Buffer.from(input.base64, 'base64');
    if (data.length === 0) throw new WartaError('invalid_input', 'Berkas kosong.', { field: 'file' });
    if (data.length > DESK_FILE_MAX_BYTES) throw new WartaError('payload_too_large', 'Berkas lebih dari 10 MB; perkecil tangkapan layarnya.', { field: 'file', limit: DESK_FILE_MAX_BYTES });
    if (!looksLike(input.mime, data)) throw new WartaError('unsupported_file', `Isi berkas "${input.fileName}" bukan gambar PNG/JPEG atau PDF seperti namanya.`, { field: 'file' });
    const held = ctx.db.prepare('SELECT count(*) FROM publicdesk_files WHERE item_id = ? AND deleted_at IS NULL').pluck().get(target.item_id) as number;
    if (held >= FILES_PER_ITEM) throw new WartaError('invalid_input', `Satu aduan paling banyak ${FILES_PER_ITEM} berkas.`, { field: 'file' });
    const { hash } = ctx.blobs.put(data);
    const id = ctx.mutator.insert('publicdesk_files', { ...target, file_hash: hash, file_name: input.fileName, file_mime: input.mime, file_size: data.length, added_by: caller.name, added_at: iso(ctx) });
    return { id };
  },

  'publicdesk.file': (input, ctx) => {
    const f = ctx.db.prepare('SELECT file_hash, file_name, file_mime FROM publicdesk_files WHERE id = ? AND deleted_at IS NULL').get(input.id) as
      | { file_hash: string | null; file_name: string | null; file_mime: string | null }
      | undefined;
    if (!f || !f.file_hash) throw new WartaError('not_found', 'Berkas tidak ditemukan.', { id: input.id });
    if (!ctx.blobs.has(f.file_hash)) throw new WartaError('not_found', 'Berkas belum sampai di komputer ini; sinkronkan lalu coba lagi.', { id: input.id });
    return { fileName: f.file_name || 'berkas', mime: f.file_mime || 'application/octet-stream', base64: ctx.blobs.get(f.file_hash).toString('base64') };
  },
};
