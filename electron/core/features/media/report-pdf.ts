import SVGtoPDF from 'svg-to-pdfkit';
import { formatDateKey, formatPeriodKeys } from '../../../../shared/format/dates';
import { PRODUCTS } from '../../../../shared/media/vocabulary';
import type { ReportChart } from '../../../../shared/reports/model';
import { chartSvg } from '../reports/chart-svg';
import type { Letterhead } from '../paper/letterhead';
import { createPdf, drawLetterhead } from '../paper/pdf-document';
import { PdfTable } from '../paper/pdf-table';
import { PRODUCT_LABEL, type ReportContract } from './report';

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
/** Proofs listed per contract on paper; the XLSX has them all. */
const LINKS_ON_PAPER = 40;

/** The partner report on the letterhead: per outlet the contract, quota per product, what was delivered, and the proofs. */
export function renderReportPdf(data: ReportContract[], head: Letterhead, from: string, to: string): Promise<Buffer> {
  const period = formatPeriodKeys(from, to);
  const pdf = createPdf({ paper: 'A4', margins: { top: 42, bottom: 56, left: 48, right: 48 }, title: `Laporan Kerja Sama Media ${period}` });
  const { doc, text, left, width } = pdf;
  doc.y = drawLetterhead(pdf, head, { left, width, top: 42 }) + 12;
  const para = (s: string, o: { bold?: boolean; size?: number; align?: 'left' | 'center'; indent?: number; color?: string } = {}) =>
    text.paragraph([{ text: s, bold: o.bold }], { x: left + (o.indent ?? 0), width: width - (o.indent ?? 0), size: o.size ?? 10, align: o.align ?? 'left', color: o.color });
  para('LAPORAN KERJA SAMA MEDIA', { bold: true, size: 13, align: 'center' });
  para(`Periode ${period}`, { size: 11, align: 'center' });
  doc.y += 10;
  if (data.length === 0) para('Tidak ada kontrak yang berjalan pada periode ini.');
  else {
    // The partners' quota at a glance, drawn by the same chart definition as the performance report.
    const chart = quotaChart(data);
    const drawn = chartSvg(chart, Math.floor(width));
    para(chart.title, { bold: true, size: 9.5 });
    SVGtoPDF(doc, drawn.svg, left, doc.y, { width: drawn.width, height: drawn.height, assumePt: true, fontCallback: (_f, bold) => pdf.fonts.primary({ bold }) });
    doc.y += drawn.height + 8;
  }
  for (const c of data) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    para(c.outletName, { bold: true, size: 11 });
    para(`Kontrak ${c.number} · ${formatPeriodKeys(c.periodStart, c.periodEnd)} · ${rupiah(c.value)}`, { size: 9.5 });
    doc.y += 3;
    const table = new PdfTable(pdf, [
      { title: 'Produk', weight: 2.4 },
      { title: 'Kuota', weight: 1, align: 'right' },
      { title: 'Tayang pada periode', weight: 1.4, align: 'right' },
      { title: 'Tayang s.d. akhir periode', weight: 1.6, align: 'right' },
      { title: 'Kurang', weight: 1, align: 'right' },
    ], { x: left, width, size: 9, repeatHeader: true });
    table.header();
    for (const p of c.progress) table.row([PRODUCT_LABEL[p.product], String(p.quota), String(p.delivered), String(p.deliveredToDate), String(p.missing)]);
    doc.y += 4;
    for (const l of c.links.slice(0, LINKS_ON_PAPER)) {
      para(`${formatDateKey(l.date)} · ${PRODUCT_LABEL[l.product]} · ${l.where}${l.title ? ` (${l.title})` : ''}`, { size: 8.5, indent: 12, color: '#333333' });
    }
    if (c.links.length > LINKS_ON_PAPER) para(`… dan ${c.links.length - LINKS_ON_PAPER} bukti tayang lain (lihat berkas XLSX).`, { size: 8.5, indent: 12 });
    doc.y += 10;
  }
  return pdf.finish({ pageNumbers: true });
}

/** Quota against what was published up to the period's end, summed per product over the contracts. */
export function quotaChart(data: ReportContract[]): ReportChart {
  const products = PRODUCTS.filter((p) => data.some((c) => c.progress.some((x) => x.product === p)));
  const total = (p: string, k: 'quota' | 'deliveredToDate') => data.reduce((n, c) => n + c.progress.filter((x) => x.product === p).reduce((m, x) => m + x[k], 0), 0);
  return {
    id: 'partner_quota',
    title: 'Kuota dan tayang s.d. akhir periode, per produk',
    tableId: 'partnerships_quota',
    orientation: 'horizontal',
    categories: products.map((p) => PRODUCT_LABEL[p]),
    series: [
      { name: 'Kuota', values: products.map((p) => total(p, 'quota')) },
      { name: 'Tayang', values: products.map((p) => total(p, 'deliveredToDate')) },
    ],
  };
}
