import { AlignmentType, BorderStyle, Document, ImageRun, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DaySheet } from '../../../../shared/agenda/day-sheet';
import type { Letterhead } from './letterhead';

/** Paper in twips (portrait numbers; the section turns them to landscape). F4 is 215 × 330 mm. */
const PAPER_TWIP = { A4: { width: 11906, height: 16838 }, F4: { width: 12189, height: 18709 } } as const;
const HEADERS = ['No', 'Waktu', 'Acara', 'Tempat', 'Pakaian', 'Peran', 'Pendamping', 'Keterangan'];
const WEIGHTS = [4, 14, 24, 16, 9, 10, 15, 15];

function cell(text: string, width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: bold ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18, font: 'Arial' })] })],
  });
}

export async function renderDaySheetDocx(sheet: DaySheet, head: Letterhead, paper: 'A4' | 'F4'): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  if (head.emblem) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type: head.emblem.kind, data: head.emblem.data, transformation: { width: 56, height: 56 } })],
      }),
    );
  }
  for (const l of head.lines) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: l.text, bold: l.bold, size: l.size * 2, font: 'Arial' })] }));
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.DOUBLE, size: 6, color: '000000', space: 4 } },
      children: [new TextRun({ text: head.contact, size: 17, font: 'Arial' })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200 }, children: [new TextRun({ text: sheet.title, bold: true, size: 26, font: 'Arial' })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: sheet.leaderLine, size: 22, font: 'Arial' })] }),
  );
  for (const day of sheet.days) {
    children.push(new Paragraph({ spacing: { before: 160, after: 80 }, children: [new TextRun({ text: day.heading, bold: true, size: 21, font: 'Arial' })] }));
    const rows = [new TableRow({ tableHeader: true, children: HEADERS.map((h, i) => cell(h, WEIGHTS[i]!, true)) })];
    const body = day.rows.length === 0 ? [['', 'Tidak ada agenda.', '', '', '', '', '', '']] : day.rows.map((r) => [String(r.no), r.time, r.title, r.place, r.dressCode, r.role, r.companions, r.notes]);
    for (const b of body) rows.push(new TableRow({ children: b.map((t, i) => cell(t, WEIGHTS[i]!)) }));
    children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }));
  }
  const size = PAPER_TWIP[paper];
  const doc = new Document({
    creator: 'Warta',
    title: `${sheet.title} ${sheet.leaderLine}`,
    sections: [
      {
        properties: { page: { size: { width: size.width, height: size.height, orientation: PageOrientation.LANDSCAPE }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
