import type { DaySheet } from '../../../../shared/agenda/day-sheet';
import type { Letterhead } from '../paper/letterhead';
import { createPdf, drawLetterhead } from '../paper/pdf-document';
import { PdfTable } from '../paper/pdf-table';
import { sheetColumns } from './day-sheet-columns';

/** The protocol day sheet as PDF, landscape (the columns need the width), on the letterhead. */
export function renderDaySheetPdf(sheet: DaySheet, head: Letterhead, paper: 'A4' | 'F4'): Promise<Buffer> {
  const margin = 36;
  const pdf = createPdf({ paper, landscape: true, margins: { top: margin, bottom: 40, left: margin, right: margin }, title: `${sheet.title} ${sheet.leaderLine} ${sheet.period}` });
  const { doc, text, left, width } = pdf;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  let y = drawLetterhead(pdf, head, { left, width, top: margin, emblemSize: 54, sizes: { institution: 14, unit: 12, script: 13, contact: 8.5 } }) + 10;
  y += text.block([{ text: sheet.title, bold: true }], { x: left, y, width, size: 13, align: 'center' });
  y += text.block([{ text: sheet.leaderLine }], { x: left, y, width, size: 11, align: 'center' });
  y += text.block([{ text: sheet.period }], { x: left, y, width, size: 11, align: 'center' }) + 8;

  const columns = sheetColumns(sheet);
  doc.y = y;
  for (const day of sheet.days) {
    if (doc.y + 60 > bottom()) {
      doc.addPage();
      doc.y = doc.page.margins.top;
    }
    // A one-day sheet has its date under the title already.
    if (sheet.days.length > 1) doc.y += text.block([{ text: day.heading, bold: true }], { x: left, y: doc.y, width, size: 10.5 }) + 3;
    const table = new PdfTable(pdf, columns, { x: left, width, size: 8.5, repeatHeader: true });
    table.header();
    if (day.rows.length === 0) table.row(columns.map((_, i) => (i === 2 ? 'Tidak ada agenda.' : '')));
    for (const r of day.rows) table.row(columns.map((c) => c.value(r)));
    doc.y += 12;
  }
  return pdf.finish({ pageNumbers: true });
}
