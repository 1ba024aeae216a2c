import PDFDocument from 'pdfkit';
import type { DaySheet } from '../../../../shared/agenda/day-sheet';
import type { Letterhead } from './letterhead';

/** Paper in points, landscape (eight columns need the width). F4 is 215 × 330 mm. */
export const PAPER_PT = { A4: [841.89, 595.28], F4: [935.43, 609.45] } as const;

const COLUMNS = [
  { key: 'no', title: 'No', weight: 0.4 },
  { key: 'time', title: 'Waktu', weight: 1.4 },
  { key: 'title', title: 'Acara', weight: 2.4 },
  { key: 'place', title: 'Tempat', weight: 1.6 },
  { key: 'dressCode', title: 'Pakaian', weight: 0.9 },
  { key: 'role', title: 'Peran', weight: 1.0 },
  { key: 'companions', title: 'Pendamping', weight: 1.5 },
  { key: 'notes', title: 'Keterangan', weight: 1.5 },
] as const;

export function renderDaySheetPdf(sheet: DaySheet, head: Letterhead, paper: 'A4' | 'F4'): Promise<Buffer> {
  const [width, height] = PAPER_PT[paper];
  const margin = 36;
  const doc = new PDFDocument({ size: [width, height], margin, info: { Title: `${sheet.title} ${sheet.leaderLine}`, Author: 'Warta' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Letterhead: emblem on the left, centred lines, a double rule below.
  const top = margin;
  if (head.emblem) doc.image(head.emblem.data, margin, top, { fit: [56, 56] });
  let y = top;
  for (const l of head.lines) {
    doc.font(l.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(l.size).text(l.text, margin + 64, y, { width: width - 2 * margin - 128, align: 'center' });
    y = doc.y;
  }
  if (head.contact) doc.font('Helvetica').fontSize(8.5).text(head.contact, margin + 64, y + 2, { width: width - 2 * margin - 128, align: 'center' });
  y = Math.max(doc.y, head.emblem ? top + 58 : 0) + 6;
  doc.moveTo(margin, y).lineTo(width - margin, y).lineWidth(2).stroke();
  doc.moveTo(margin, y + 3).lineTo(width - margin, y + 3).lineWidth(0.5).stroke();
  y += 14;
  doc.font('Helvetica-Bold').fontSize(13).text(sheet.title, margin, y, { width: width - 2 * margin, align: 'center' });
  doc.font('Helvetica').fontSize(11).text(sheet.leaderLine, { width: width - 2 * margin, align: 'center' });
  y = doc.y + 8;

  const total = COLUMNS.reduce((s, c) => s + c.weight, 0);
  const tableWidth = width - 2 * margin;
  const widths = COLUMNS.map((c) => (c.weight / total) * tableWidth);
  const pad = 3;
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    return Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
    const h = rowHeight(cells, bold);
    if (y + h > height - margin) {
      doc.addPage({ size: [width, height], margin });
      y = margin;
    }
    let x = margin;
    cells.forEach((t, i) => {
      const w = widths[i]!;
      if (shade) doc.rect(x, y, w, h).fillAndStroke('#e8e8e8', '#000000').fillColor('#000000');
      else doc.rect(x, y, w, h).lineWidth(0.5).stroke();
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).text(t, x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    y += h;
  };

  for (const day of sheet.days) {
    if (y + 60 > height - margin) {
      doc.addPage({ size: [width, height], margin });
      y = margin;
    }
    doc.font('Helvetica-Bold').fontSize(10.5).text(day.heading, margin, y);
    y = doc.y + 4;
    drawRow(COLUMNS.map((c) => c.title), true, true);
    if (day.rows.length === 0) drawRow(['', 'Tidak ada agenda.', '', '', '', '', '', ''], false, false);
    for (const r of day.rows) drawRow([String(r.no), r.time, r.title, r.place, r.dressCode, r.role, r.companions, r.notes], false, false);
    y += 12;
  }
  doc.end();
  return done;
}
