/**
 * The decision notice on the office's paper, as PDF (drawn on the PDF thread,
 * paper/pdf-renderers.ts) and as DOCX to edit before signing: letterhead, title and number,
 * the opening sentence, the fields as a two-column table, the closing, the PPID's signature block.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { PaperSize } from '../../../../shared/releases/model';
import { contentTwips, createDocx, docxLetterhead, HALF_POINTS } from '../paper/docx-document';
import type { Letterhead } from '../paper/letterhead';
import { createPdf, drawLetterhead } from '../paper/pdf-document';
import { PdfTable } from '../paper/pdf-table';
import type { DecisionNotice } from './notice';

export function renderNoticePdf(n: DecisionNotice, head: Letterhead, paper: PaperSize): Promise<Buffer> {
  const pdf = createPdf({ paper, margins: { top: 42, bottom: 56, left: 64, right: 56 }, title: `${n.title} ${n.number}` });
  const { doc, text, left, width } = pdf;
  const para = (s: string, o: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'justify'; x?: number; w?: number } = {}) =>
    text.paragraph([{ text: s, bold: o.bold }], { x: o.x ?? left, width: o.w ?? width, size: o.size ?? 11, align: o.align ?? 'left' });
  doc.y = drawLetterhead(pdf, head, { left, width, top: 42 }) + 16;
  para(n.title, { bold: true, size: 13, align: 'center' });
  para(`Nomor: ${n.number}`, { align: 'center' });
  doc.y += 12;
  para(n.intro, { align: 'justify' });
  doc.y += 8;
  // A form's table: labels and values, no header row.
  const table = new PdfTable(pdf, [{ title: '', weight: 1.3 }, { title: '', weight: 3 }], { x: left, width, size: 10.5, pad: 4 });
  for (const [label, value] of n.fields) table.row([label, value]);
  doc.y += 10;
  for (const c of n.closing) {
    para(c, { align: 'justify' });
    doc.y += 6;
  }
  if (doc.y > doc.page.height - 170) doc.addPage();
  doc.y += 16;
  const x = left + width * 0.5;
  const w = width * 0.5;
  para(n.placeDate, { x, w });
  para(n.signerTitle, { x, w, bold: true });
  doc.y += 56;
  para('(..............................)', { x, w });
  return pdf.finish({ pageNumbers: true });
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(value: string, pct: number, bold = false): TableCell {
  return new TableCell({
    width: { size: pct, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line },
    children: value.split('\n').map((l) => new Paragraph({ spacing: { before: 40, after: 40 }, children: [new TextRun({ text: l, bold, size: HALF_POINTS(10.5) })] })),
  });
}

export function renderNoticeDocx(n: DecisionNotice, head: Letterhead, paper: PaperSize): Promise<Buffer> {
  const margins = { top: 850, bottom: 1134, left: 1280, right: 1134 };
  const width = contentTwips({ paper, margins });
  const p = (s: string, o: { bold?: boolean; size?: number; center?: boolean; indent?: boolean; after?: number } = {}) =>
    new Paragraph({
      alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent: o.indent ? { left: Math.round(width / 2) } : undefined,
      spacing: { after: o.after ?? 0 },
      children: [new TextRun({ text: s, bold: o.bold, size: HALF_POINTS(o.size ?? 11) })],
    });
  const children: (Paragraph | Table)[] = [
    ...docxLetterhead(head, width),
    p(n.title, { bold: true, size: 13, center: true }),
    p(`Nomor: ${n.number}`, { center: true, after: 240 }),
    p(n.intro, { after: 160 }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: n.fields.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, 30), cell(value, 70)] })) }),
    p('', { after: 160 }),
    ...n.closing.map((c) => p(c, { after: 120 })),
    p('', { after: 240 }),
    p(n.placeDate, { indent: true }),
    p(n.signerTitle, { indent: true, bold: true, after: 1100 }),
    p('(..............................)', { indent: true }),
  ];
  return createDocx({ paper, margins, title: `${n.title} ${n.number}`, head, children, pageNumbers: true });
}
