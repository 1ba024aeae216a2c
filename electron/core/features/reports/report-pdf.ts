/**
 * The report on the office's paper: letterhead, title, period and snapshot, then per section its
 * sentences, its charts (vectors: the SVG drawn into the PDF with the embedded fonts) and its
 * tables, then the signature block. Page numbers at the foot.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import { formatDateTime, formatLongDate } from '../../../../shared/format/dates';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { Report, ReportTable } from '../../../../shared/reports/model';
import type { Letterhead } from '../paper/letterhead';
import { createPdf, drawLetterhead, type PdfPaper } from '../paper/pdf-document';
import { PdfTable } from '../paper/pdf-table';
import { chartSvg } from './chart-svg';

export const cellText = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? v.toLocaleString('id-ID') : v);

function table(pdf: PdfPaper, t: ReportTable): void {
  const { doc, text, left, width } = pdf;
  if (doc.y > doc.page.height - 140) doc.addPage();
  text.paragraph([{ text: t.title, bold: true }], { x: left, width, size: 10 });
  doc.y += 2;
  const tbl = new PdfTable(pdf, t.columns.map((c, i) => ({ title: c.title, weight: i === 0 ? 3 : c.kind === 'text' ? 2 : 1.2, align: c.kind === 'text' ? 'left' : 'right' })), { x: left, width, size: 9, repeatHeader: true });
  tbl.header();
  if (t.rows.length === 0) tbl.row(t.columns.map((_, i) => (i === 0 ? 'Tidak ada data.' : '')));
  for (const r of t.rows) tbl.row(r.map(cellText));
  if (t.note) text.paragraph([{ text: t.note }], { x: left, width, size: 8, color: '#333333' });
  doc.y += 8;
}

export function renderReportPdf(report: Report, head: Letterhead, zone: ZoneLabel, signer: string): Promise<Buffer> {
  const pdf = createPdf({ paper: 'A4', margins: { top: 42, bottom: 56, left: 56, right: 48 }, title: report.title });
  const { doc, text, left, width, fonts } = pdf;
  const para = (s: string, o: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right' } = {}) =>
    text.paragraph([{ text: s, bold: o.bold }], { x: left, width, size: o.size ?? 10, align: o.align ?? 'left' });
  doc.y = drawLetterhead(pdf, head, { left, width, top: 42 }) + 12;
  para(report.title.toUpperCase(), { bold: true, size: 13, align: 'center' });
  para(`Periode ${report.periodTitle}`, { size: 11, align: 'center' });
  para(`Data per ${formatDateTime(report.asOfMs, zone)} (${report.snapshot})`, { size: 8.5, align: 'center' });
  doc.y += 10;
  if (report.empty) para('Tidak ada data pada periode ini: belum ada rilis, bukti tayang, kontrak, pengiriman, maupun agenda yang tercatat.', { bold: true });
  report.sections.forEach((section, i) => {
    if (doc.y > doc.page.height - 180) doc.addPage();
    para(`${String.fromCharCode(65 + i)}. ${section.title}`, { bold: true, size: 11.5 });
    doc.y += 2;
    for (const s of section.summary) para(s);
    doc.y += 6;
    for (const chart of section.charts) {
      // Drawn at the text width, one SVG pixel to one point: no scaling, the labels keep their size.
      const drawn = chartSvg(chart, Math.floor(width));
      const h = drawn.height;
      if (doc.y + h + 20 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      para(chart.title, { bold: true, size: 9.5 });
      SVGtoPDF(doc, drawn.svg, left, doc.y, { width: drawn.width, height: h, assumePt: true, fontCallback: (_f, bold) => fonts.primary({ bold }) });
      doc.y += h + 8;
    }
    for (const t of section.tables) table(pdf, t);
  });
  // Signature block: the head of office signs what the report says.
  if (doc.y > doc.page.height - 170) doc.addPage();
  doc.y += 16;
  const x = left + width * 0.55;
  const w = width * 0.45;
  const line = (s: string, bold = false) => text.paragraph([{ text: s, bold }], { x, width: w, size: 10.5 });
  line(`${report.office.city || ''}, ${formatLongDate(report.asOfMs, zone)}`);
  line(report.office.unit ? `Kepala ${report.office.unit}` : 'Kepala Bagian', true);
  doc.y += 52;
  line(signer || '(..............................)', true);
  return pdf.finish({ pageNumbers: true });
}
