import ExcelJS from 'exceljs';
import { contractProgress, type ProductProgress } from '../../../../shared/media/quota';
import { escapeFormula } from '../../../../shared/media/formula';
import { formatPeriodKeys } from '../../../../shared/format/dates';
import type { ExportedFile } from '../../../../shared/media/types';
import type { Product } from '../../../../shared/media/vocabulary';
import type { CoreContext } from '../../rpc/handler-types';
import { loadLetterhead } from '../paper/letterhead';
import { renderPdfOffThread } from '../paper/pdf-thread';
import { PUBLICATION_SELECT, toPublication, type PublicationRowDb } from './rows';

export const PRODUCT_LABEL: Record<Product, string> = {
  news: 'Berita',
  advertorial: 'Advertorial',
  infotorial: 'Infotorial',
  photo_gallery: 'Galeri foto',
  psa: 'Iklan layanan masyarakat',
  live: 'Siaran langsung',
};

export interface ReportContract {
  outletName: string;
  number: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  progress: ProductProgress[];
  links: { date: string; product: Product; where: string; title: string }[];
}

/** Every contract overlapping [from, to], per outlet: quota, delivered in the period and to date, missing, and the proofs. */
export function reportData(ctx: CoreContext, from: string, to: string): ReportContract[] {
  const contracts = ctx.db
    .prepare(
      `SELECT c.id, c.number, c.period_start, c.period_end, c.value, o.name AS outlet_name FROM media_contract c LEFT JOIN media_outlet o ON o.id = c.outlet_id
       WHERE c.deleted_at IS NULL AND coalesce(c.status, 'active') NOT IN ('cancelled', 'draft') AND c.period_start <= ? AND c.period_end >= ?
       ORDER BY o.name COLLATE NOCASE, c.period_start`,
    )
    .all(to, from) as { id: string; number: string | null; period_start: string; period_end: string; value: number | null; outlet_name: string | null }[];
  const quotas = ctx.db.prepare('SELECT product, quota FROM media_contract_quota WHERE contract_id = ? AND deleted_at IS NULL');
  const pubs = ctx.db.prepare(`${PUBLICATION_SELECT} WHERE p.contract_id = ? AND p.deleted_at IS NULL AND p.published_on <= ? ORDER BY p.published_on`);
  return contracts.map((c) => {
    const publications = (pubs.all(c.id, to) as PublicationRowDb[]).map(toPublication);
    const progress = contractProgress(
      { id: c.id, periodStart: c.period_start, periodEnd: c.period_end, quotas: quotas.all(c.id) as { product: Product; quota: number }[] },
      publications,
      { from, to },
    );
    return {
      outletName: c.outlet_name ?? '',
      number: c.number ?? '',
      periodStart: c.period_start,
      periodEnd: c.period_end,
      value: c.value ?? 0,
      progress,
      links: publications
        .filter((p) => p.publishedOn >= from && p.publishedOn <= to)
        .map((p) => ({ date: p.publishedOn, product: p.product, where: p.url || p.page || (p.attachmentHash ? 'pindaian terlampir' : ''), title: p.title })),
    };
  });
}

export async function reportFile(ctx: CoreContext, from: string, to: string, format: 'pdf' | 'xlsx', office: string): Promise<ExportedFile> {
  const data = reportData(ctx, from, to);
  const fileName = `laporan-kerja-sama-media-${from}-${to}.${format}`;
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Warta';
    const ws = wb.addWorksheet('Rekap');
    ws.addRow([`Laporan Kerja Sama Media ${formatPeriodKeys(from, to)}`]).font = { bold: true, size: 13 };
    ws.addRow([office]);
    ws.addRow([]);
    ws.addRow(['Media', 'No. Kontrak', 'Periode', 'Nilai (Rp)', 'Produk', 'Kuota', 'Tayang periode ini', 'Tayang s.d. periode', 'Kurang']).font = { bold: true };
    for (const c of data) {
      for (const p of c.progress) {
        ws.addRow([escapeFormula(c.outletName), escapeFormula(c.number), formatPeriodKeys(c.periodStart, c.periodEnd), c.value, PRODUCT_LABEL[p.product], p.quota, p.delivered, p.deliveredToDate, p.missing]);
      }
    }
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 30 : 18));
    const links = wb.addWorksheet('Bukti Tayang');
    links.addRow(['Media', 'No. Kontrak', 'Tanggal', 'Produk', 'Judul', 'Tautan / Halaman']).font = { bold: true };
    // Real date cells shown in Indonesian (LCID 0421), so the sheet sorts and filters by date.
    for (const c of data) for (const l of c.links) links.addRow([escapeFormula(c.outletName), escapeFormula(c.number), new Date(`${l.date}T00:00:00Z`), PRODUCT_LABEL[l.product], escapeFormula(l.title), escapeFormula(l.where)]);
    links.columns.forEach((col) => (col.width = 26));
    links.getColumn(3).numFmt = '[$-421]d mmmm yyyy';
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return { fileName, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64'), rows: data.length };
  }

  const buf = await renderPdfOffThread('mediaReport', [data, await loadLetterhead(ctx), from, to]);
  return { fileName, mime: 'application/pdf', base64: buf.toString('base64'), rows: data.length };
}
