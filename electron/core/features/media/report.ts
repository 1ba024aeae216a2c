import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { contractProgress, type ProductProgress } from '../../../../shared/media/quota';
import { escapeFormula } from '../../../../shared/media/formula';
import type { ExportedFile } from '../../../../shared/media/types';
import type { Product } from '../../../../shared/media/vocabulary';
import type { CoreContext } from '../../rpc/handler-types';
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

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

export async function reportFile(ctx: CoreContext, from: string, to: string, format: 'pdf' | 'xlsx', office: string): Promise<ExportedFile> {
  const data = reportData(ctx, from, to);
  const fileName = `laporan-kerja-sama-media-${from}-${to}.${format}`;
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Warta';
    const ws = wb.addWorksheet('Rekap');
    ws.addRow([`Laporan Kerja Sama Media ${from} s.d. ${to}`]).font = { bold: true, size: 13 };
    ws.addRow([office]);
    ws.addRow([]);
    ws.addRow(['Media', 'No. Kontrak', 'Periode', 'Nilai (Rp)', 'Produk', 'Kuota', 'Tayang periode ini', 'Tayang s.d. periode', 'Kurang']).font = { bold: true };
    for (const c of data) {
      for (const p of c.progress) {
        ws.addRow([escapeFormula(c.outletName), escapeFormula(c.number), `${c.periodStart} s.d. ${c.periodEnd}`, c.value, PRODUCT_LABEL[p.product], p.quota, p.delivered, p.deliveredToDate, p.missing]);
      }
    }
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 30 : 18));
    const links = wb.addWorksheet('Bukti Tayang');
    links.addRow(['Media', 'No. Kontrak', 'Tanggal', 'Produk', 'Judul', 'Tautan / Halaman']).font = { bold: true };
    for (const c of data) for (const l of c.links) links.addRow([escapeFormula(c.outletName), escapeFormula(c.number), l.date, PRODUCT_LABEL[l.product], escapeFormula(l.title), escapeFormula(l.where)]);
    links.columns.forEach((col) => (col.width = 26));
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return { fileName, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64'), rows: data.length };
  }

  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Laporan Kerja Sama Media ${from} s.d. ${to}`, Creator: 'Warta' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica-Bold').fontSize(14).text('LAPORAN KERJA SAMA MEDIA', { align: 'center' });
  doc.font('Helvetica').fontSize(10).text(office, { align: 'center' });
  doc.text(`Periode ${from} s.d. ${to}`, { align: 'center' });
  doc.moveDown();
  if (data.length === 0) doc.text('Tidak ada kontrak yang berjalan pada periode ini.');
  for (const c of data) {
    if (doc.y > 700) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11).text(c.outletName);
    doc.font('Helvetica').fontSize(9).text(`Kontrak ${c.number} · ${c.periodStart} s.d. ${c.periodEnd} · ${rupiah(c.value)}`);
    const cols = [48, 210, 270, 350, 440];
    const y0 = doc.y + 4;
    doc.font('Helvetica-Bold');
    ['Produk', 'Kuota', 'Tayang periode', 'Tayang s.d. kini', 'Kurang'].forEach((h, i) => doc.text(h, cols[i] as number, y0, { width: 90, lineBreak: false }));
    doc.font('Helvetica');
    let y = y0 + 13;
    for (const p of c.progress) {
      [PRODUCT_LABEL[p.product], String(p.quota), String(p.delivered), String(p.deliveredToDate), String(p.missing)].forEach((v, i) => doc.text(v, cols[i] as number, y, { width: i === 0 ? 160 : 90, lineBreak: false }));
      y += 12;
    }
    doc.x = 48;
    doc.y = y + 2;
    if (c.links.length) {
      doc.fontSize(8).fillColor('#333333');
      for (const l of c.links.slice(0, 40)) {
        if (doc.y > 770) doc.addPage();
        doc.text(`${l.date}  ${PRODUCT_LABEL[l.product]}  ${l.where}${l.title ? `  (${l.title})` : ''}`, 60, doc.y, { width: 480 });
      }
      if (c.links.length > 40) doc.text(`… dan ${c.links.length - 40} bukti tayang lain (lihat berkas XLSX).`, 60);
      doc.fillColor('black');
    }
    doc.x = 48;
    doc.moveDown();
  }
  doc.end();
  await done;
  const buf = Buffer.concat(chunks);
  return { fileName, mime: 'application/pdf', base64: buf.toString('base64'), rows: data.length };
}
