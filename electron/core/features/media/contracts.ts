import { WartaError } from '../../../../shared/contract/errors';
import { contractFor, contractProgress } from '../../../../shared/media/quota';
import type { ContractDetail } from '../../../../shared/media/types';
import type { Product } from '../../../../shared/media/vocabulary';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { sniffImage } from '../attachments/image-sniff';
import { guessFromLink } from './links';
import {
  CONTRACT_SELECT,
  PUBLICATION_SELECT,
  officeZone,
  readOutlet,
  todayIn,
  toContractSummary,
  toPublication,
  type ContractRowDb,
  type PublicationRowDb,
} from './rows';

export function readContract(ctx: CoreContext, id: string): ContractDetail {
  const row = ctx.db.prepare(`${CONTRACT_SELECT} WHERE c.id = ?`).get(id) as (ContractRowDb & { deleted_at: string | null }) | undefined;
  if (!row || row.deleted_at) throw new WartaError('not_found', 'Kontrak tidak ditemukan.', { id });
  const summary = toContractSummary(row, todayIn(ctx.now(), officeZone(ctx.db)));
  const quotas = ctx.db
    .prepare('SELECT product, quota FROM media_contract_quota WHERE contract_id = ? AND deleted_at IS NULL')
    .all(id) as { product: Product; quota: number }[];
  const publications = (ctx.db.prepare(`${PUBLICATION_SELECT} WHERE p.contract_id = ? AND p.deleted_at IS NULL ORDER BY p.published_on DESC, p.id`).all(id) as PublicationRowDb[]).map(toPublication);
  const progress = contractProgress({ id, periodStart: summary.periodStart, periodEnd: summary.periodEnd, quotas }, publications);
  return { ...summary, notes: row.notes ?? '', quotas, progress, publications };
}

interface ContractKey {
  id: string;
  outletId: string;
  periodStart: string;
  periodEnd: string;
  status: string;
}

function contractsOf(ctx: CoreContext, outletId: string): ContractKey[] {
  return ctx.db
    .prepare("SELECT id, outlet_id AS outletId, period_start AS periodStart, period_end AS periodEnd, coalesce(status, 'active') AS status FROM media_contract WHERE outlet_id = ? AND deleted_at IS NULL")
    .all(outletId) as ContractKey[];
}

/** What a scan may be: an image or a PDF, judged by its bytes. */
function sniffScan(data: Buffer): string | null {
  return sniffImage(data) ?? (data.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : null);
}

export const contractHandlers: HandlerGroup<
  | 'media.contracts.list'
  | 'media.contracts.get'
  | 'media.contracts.save'
  | 'media.contracts.delete'
  | 'media.publications.list'
  | 'media.publications.save'
  | 'media.publications.delete'
  | 'media.publications.fromLink'
  | 'media.publications.scan'
> = {
  'media.contracts.list': (input, ctx) => {
    const today = todayIn(ctx.now(), officeZone(ctx.db));
    const rows = ctx.db
      .prepare(`${CONTRACT_SELECT} WHERE c.deleted_at IS NULL ${input.outletId ? 'AND c.outlet_id = ?' : ''} ORDER BY c.period_start DESC, o.name COLLATE NOCASE`)
      .all(...(input.outletId ? [input.outletId] : [])) as ContractRowDb[];
    return rows.map((r) => toContractSummary(r, today)).filter((c) => input.state === 'any' || c.state === input.state);
  },
  'media.contracts.get': (input, ctx) => readContract(ctx, input.id),
  'media.contracts.save': (input, ctx) => {
    const outlet = readOutlet(ctx.db, input.outletId);
    if (outlet.deletedAt) throw new WartaError('not_found', 'Media untuk kontrak ini sudah dihapus.', { outletId: input.outletId });
    const m = ctx.mutator;
    return m.transaction(() => {
      const values = {
        outlet_id: input.outletId,
        number: input.number,
        title: input.title,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        value: input.value,
        status: input.status,
        notes: input.notes,
      };
      const id = input.id ?? m.insert('media_contract', values);
      if (input.id) m.update('media_contract', input.id, values);
      // One quota row per product: changed in place, removed when the product leaves the contract.
      const existing = ctx.db.prepare('SELECT id, product, quota FROM media_contract_quota WHERE contract_id = ? AND deleted_at IS NULL').all(id) as { id: string; product: string; quota: number }[];
      const wanted = new Map(input.quotas.filter((q) => q.quota > 0).map((q) => [q.product, q.quota]));
      for (const e of existing) {
        const q = wanted.get(e.product as Product);
        if (q === undefined) m.remove('media_contract_quota', e.id);
        else if (q !== e.quota) m.update('media_contract_quota', e.id, { quota: q });
        wanted.delete(e.product as Product);
      }
      for (const [product, quota] of wanted) m.insert('media_contract_quota', { contract_id: id, product, quota });
      // Publications of this outlet in the period without a contract now count against it.
      const loose = ctx.db
        .prepare('SELECT id FROM media_publication WHERE outlet_id = ? AND contract_id IS NULL AND deleted_at IS NULL AND published_on BETWEEN ? AND ?')
        .all(input.outletId, input.periodStart, input.periodEnd) as { id: string }[];
      if (input.status !== 'cancelled') for (const p of loose) m.update('media_publication', p.id, { contract_id: id });
      return readContract(ctx, id);
    });
  },
  'media.contracts.delete': (input, ctx) => {
    ctx.mutator.transaction(() => {
      ctx.mutator.remove('media_contract', input.id);
      for (const p of ctx.db.prepare('SELECT id FROM media_publication WHERE contract_id = ? AND deleted_at IS NULL').all(input.id) as { id: string }[]) {
        ctx.mutator.update('media_publication', p.id, { contract_id: null });
      }
    });
    return { deleted: true };
  },

  'media.publications.list': (input, ctx) => {
    const parts = ['p.deleted_at IS NULL'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      parts.push(sql);
      params.push(value);
    };
    if (input.outletId) add('p.outlet_id = ?', input.outletId);
    if (input.contractId) add('p.contract_id = ?', input.contractId);
    if (input.from) add('p.published_on >= ?', input.from);
    if (input.to) add('p.published_on <= ?', input.to);
    return (ctx.db.prepare(`${PUBLICATION_SELECT} WHERE ${parts.join(' AND ')} ORDER BY p.published_on DESC, p.id LIMIT ?`).all(...params, input.limit) as PublicationRowDb[]).map(toPublication);
  },
  'media.publications.save': (input, ctx) => {
    const outlet = readOutlet(ctx.db, input.outletId);
    if (outlet.deletedAt) throw new WartaError('not_found', 'Media ini sudah dihapus.', { outletId: input.outletId });
    let attachment: { hash: string; mime: string } | null = null;
    if (input.scan) {
      const data = Buffer.from(input.scan.base64, 'base64');
      if (data.length === 0) throw new WartaError('unsupported_file', 'Berkas pindaian kosong.');
      const mime = sniffScan(data);
      if (!mime) throw new WartaError('unsupported_file', 'Pindaian harus berupa gambar PNG, JPEG, WebP, atau PDF.');
      attachment = { hash: ctx.blobs.put(data).hash, mime };
    }
    const contract = contractFor(contractsOf(ctx, input.outletId), input.outletId, input.publishedOn);
    const values = {
      outlet_id: input.outletId,
      contract_id: contract?.id ?? null,
      product: input.product,
      release_id: input.releaseId || null,
      title: input.title,
      url: input.url,
      page: input.page,
      published_on: input.publishedOn,
      tone: input.tone,
      notes: input.notes,
      ...(attachment ? { attachment_hash: attachment.hash, attachment_mime: attachment.mime } : {}),
    };
    const m = ctx.mutator;
    const id = input.id ?? m.insert('media_publication', values);
    if (input.id) m.update('media_publication', input.id, values);
    return toPublication(ctx.db.prepare(`${PUBLICATION_SELECT} WHERE p.id = ?`).get(id) as PublicationRowDb);
  },
  'media.publications.delete': (input, ctx) => {
    ctx.mutator.remove('media_publication', input.id);
    return { deleted: true };
  },
  'media.publications.fromLink': (input, ctx) => {
    const outlets = ctx.db.prepare("SELECT id, name, website FROM media_outlet WHERE deleted_at IS NULL AND coalesce(website, '') <> ''").all() as { id: string; name: string; website: string }[];
    return guessFromLink(input.url, outlets);
  },
  'media.publications.scan': (input, ctx) => {
    if (!ctx.blobs.has(input.hash)) throw new WartaError('not_found', 'Berkas pindaian tidak ditemukan.', { hash: input.hash });
    const data = ctx.blobs.get(input.hash);
    const mime = sniffScan(data) ?? 'application/octet-stream';
    return { mime, dataUrl: `data:${mime};base64,${data.toString('base64')}` };
  },
};
