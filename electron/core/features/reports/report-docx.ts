/**
 * The report as DOCX (government documents travel as Word files): the same sections as the PDF,
 * charts as PNG images at print resolution (the SVG rasterised by sharp at 3×), tables as Word tables.
 */
import { AlignmentType, ImageRun, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import sharp from 'sharp';
import { formatDateTime, formatLongDate } from '../../../../shared/format/dates';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { Report, ReportTable } from '../../../../shared/reports/model';
import { contentTwips, createDocx, docxLetterhead, HALF_POINTS } from '../paper/docx-document';
import type { Letterhead } from '../paper/letterhead';
import { chartSvg } from './chart-svg';
import { cellText } from './report-pdf';

const p = (text: string, o: { bold?: boolean; size?: number; center?: boolean; after?: number; indentLeft?: number } = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: o.after ?? 80 },
    indent: o.indentLeft ? { left: o.indentLeft } : undefined,
    children: [new TextRun({ text, bold: o.bold, size: HALF_POINTS(o.size ?? 11) })],
  });

function cell(text: string, right: boolean, header = false): TableCell {
  return new TableCell({
    shading: header ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
    children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header, size: HALF_POINTS(9.5) })] })],
  });
}

function table(t: ReportTable): (Paragraph | Table)[] {
  const right = t.columns.map((c) => c.kind !== 'text');
  const rows = [new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c.title, right[i]!, true)) })];
  const body = t.rows.length === 0 ? [t.columns.map((_, i) => (i === 0 ? 'Tidak ada data.' : ''))] : t.rows.map((r) => r.map(cellText));
  for (const r of body) rows.push(new TableRow({ children: r.map((v, i) => cell(v, right[i]!)) }));
  const out: (Paragraph | Table)[] = [p(t.title, { bold: true, size: 10.5 }), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })];
  if (t.note) out.push(p(t.note, { size: 8.5 }));
  out.push(p('', { after: 120 }));
  return out;
}

export async function renderReportDocx(report: Report, head: Letterhead, zone: ZoneLabel, signer: string): Promise<Buffer> {
  const margins = { top: 850, bottom: 850, left: 1134, right: 964 };
  const width = contentTwips({ paper: 'A4', margins });
  const children: (Paragraph | Table)[] = [
    ...docxLetterhead(head, width),
    p(report.title.toUpperCase(), { bold: true, size: 13, center: true, after: 40 }),
    p(`Periode ${report.periodTitle}`, { center: true, after: 40 }),
    p(`Data per ${formatDateTime(report.asOfMs, zone)} (${report.snapshot})`, { size: 8.5, center: true, after: 200 }),
  ];
  if (report.empty) children.push(p('Tidak ada data pada periode ini: belum ada rilis, bukti tayang, kontrak, pengiriman, maupun agenda yang tercatat.', { bold: true }));
  for (const [i, section] of report.sections.entries()) {
    children.push(p(`${String.fromCharCode(65 + i)}. ${section.title}`, { bold: true, size: 12, after: 60 }));
    for (const s of section.summary) children.push(p(s));
    for (const chart of section.charts) {
      const drawn = chartSvg(chart);
      const png = await sharp(Buffer.from(drawn.svg), { density: 216 }).png().toBuffer();
      // Shown at 420 pt wide (the text width), the 3× raster prints at about 200 dpi.
      const w = 560;
      children.push(p(chart.title, { bold: true, size: 10 }));
      children.push(new Paragraph({ spacing: { after: 120 }, children: [new ImageRun({ type: 'png', data: png, transformation: { width: w, height: Math.round((drawn.height / drawn.width) * w) }, altText: { name: chart.title, description: chart.title, title: chart.title } })] }));
    }
    for (const t of section.tables) children.push(...table(t));
  }
  const signIndent = Math.round(width * 0.55);
  children.push(
    p('', { after: 240 }),
    p(`${report.office.city || ''}, ${formatLongDate(report.asOfMs, zone)}`, { indentLeft: signIndent }),
    p(report.office.unit ? `Kepala ${report.office.unit}` : 'Kepala Bagian', { bold: true, indentLeft: signIndent, after: 900 }),
    p(signer || '(..............................)', { bold: true, indentLeft: signIndent }),
  );
  return createDocx({ paper: 'A4', margins, title: report.title, head, children, pageNumbers: true });
}
