import type { DaySheet } from '../../../../shared/agenda/day-sheet';
import type { Letterhead } from '../paper/letterhead';
import { createPdf, drawLetterhead } from '../paper/pdf-document';
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
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * width);
  const pad = 3;
  const size = 8.5;
  const rowHeight = (cells: string[], bold: boolean) => Math.max(...cells.map((t, i) => text.measure([{ text: t || ' ', bold }], { width: widths[i]! - 2 * pad, size }))) + 2 * pad;
  const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
    const h = rowHeight(cells, bold);
    if (y + h > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    let x = left;
    cells.forEach((t, i) => {
      const w = widths[i]!;
      if (shade) doc.rect(x, y, w, h).fillAndStroke('#e8e8e8', '#000000').fillColor('#000000');
      else doc.rect(x, y, w, h).lineWidth(0.5).stroke();
      text.block([{ text: t, bold }], { x: x + pad, y: y + pad, width: w - 2 * pad, size });
      x += w;
    });
    y += h;
  };

  for (const day of sheet.days) {
    if (y + 60 > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    // A one-day sheet has its date under the title already.
    if (sheet.days.length > 1) y += text.block([{ text: day.heading, bold: true }], { x: left, y, width, size: 10.5 }) + 3;
    drawRow(columns.map((c) => c.title), true, true);
    if (day.rows.length === 0) drawRow(columns.map((_, i) => (i === 2 ? 'Tidak ada agenda.' : '')), false, false);
    for (const r of day.rows) drawRow(columns.map((c) => c.value(r)), false, false);
    y += 12;
  }
  return pdf.finish({ pageNumbers: true });
}
