import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DaySheet } from '../../../../shared/agenda/day-sheet';
import { contentTwips, createDocx, docxLetterhead, HALF_POINTS } from '../paper/docx-document';
import type { Letterhead } from '../paper/letterhead';
import { sheetColumns } from './day-sheet-columns';

function cell(text: string, widthPct: number, bold = false): TableCell {
  return new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    shading: bold ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: HALF_POINTS(9) })] })],
  });
}

/** The protocol day sheet as DOCX, landscape, on the letterhead. */
export async function renderDaySheetDocx(sheet: DaySheet, head: Letterhead, paper: 'A4' | 'F4'): Promise<Buffer> {
  const margins = { top: 720, bottom: 720, left: 720, right: 720 };
  const width = contentTwips({ paper, landscape: true, margins });
  const columns = sheetColumns(sheet);
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const pct = columns.map((c) => Math.round((c.weight / total) * 100));
  const children: (Paragraph | Table)[] = [
    ...docxLetterhead(head, width, { institution: 14, unit: 12, script: 13, contact: 8.5, emblem: 48 }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: sheet.title, bold: true, size: HALF_POINTS(13) })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: sheet.leaderLine, size: HALF_POINTS(11) })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: sheet.period, size: HALF_POINTS(11) })] }),
  ];
  for (const day of sheet.days) {
    // A one-day sheet has its date under the title already.
    if (sheet.days.length > 1) children.push(new Paragraph({ spacing: { before: 160, after: 80 }, children: [new TextRun({ text: day.heading, bold: true, size: HALF_POINTS(10.5) })] }));
    const rows = [new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c.title, pct[i]!, true)) })];
    const body = day.rows.length === 0 ? [columns.map((_, i) => (i === 2 ? 'Tidak ada agenda.' : ''))] : day.rows.map((r) => columns.map((c) => c.value(r)));
    for (const b of body) rows.push(new TableRow({ children: b.map((t, i) => cell(t, pct[i]!)) }));
    children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }));
  }
  return createDocx({ paper, landscape: true, margins, title: `${sheet.title} ${sheet.leaderLine} ${sheet.period}`, head, children, pageNumbers: true });
}
