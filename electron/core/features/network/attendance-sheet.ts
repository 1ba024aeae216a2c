/**
 * The attendance list (*daftar hadir*) of one wave of a meeting, on the office letterhead, as PDF
 * and DOCX: the paper people sign at the door. Names come from the invitation list; whoever was
 * already marked present in the app is shown as such. Built on the paper code the releases,
 * day sheets and reports print with (features/paper).
 */
import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatDateKey } from '../../../../shared/format/dates';
import type { Invitee, MeetingDetail, Wave } from '../../../../shared/network/model';
import { contentTwips, createDocx, docxLetterhead, HALF_POINTS } from '../paper/docx-document';
import type { Letterhead } from '../paper/letterhead';
import { createPdf, drawLetterhead } from '../paper/pdf-document';
import { PdfTable, type TableColumn } from '../paper/pdf-table';

export interface AttendanceSheet {
  title: string;
  meetingTitle: string;
  lines: string[];
  rows: string[][];
}

const COLUMNS: TableColumn[] = [
  { title: 'No', weight: 0.7, align: 'right' },
  { title: 'Nama', weight: 3 },
  { title: 'Jabatan', weight: 2.4 },
  { title: 'Instansi / Media', weight: 2.6 },
  { title: 'Kehadiran', weight: 1.6 },
  { title: 'Tanda tangan', weight: 2.2 },
];

/** The sheet's words: one wave's invitees, sorted by name. */
export function attendanceSheetOf(meeting: MeetingDetail, wave: Wave, invitees: readonly Invitee[]): AttendanceSheet {
  const lines = [`Hari/tanggal: ${formatDateKey(wave.date)}`];
  if (wave.startTime) lines.push(`Waktu: ${wave.startTime}${wave.endTime ? `–${wave.endTime}` : ''}`);
  const place = wave.place || meeting.place;
  if (place) lines.push(`Tempat: ${place}`);
  if (meeting.waveList.length > 1) lines.unshift(wave.label);
  return {
    title: 'DAFTAR HADIR',
    meetingTitle: meeting.title,
    lines,
    rows: invitees.map((i, n) => [`${n + 1}.`, i.name, i.position, i.organisation, i.present ? 'Hadir' : '', '']),
  };
}

export function renderAttendancePdf(sheet: AttendanceSheet, head: Letterhead, paper: 'A4' | 'F4'): Promise<Buffer> {
  const margin = 42;
  const pdf = createPdf({ paper, margins: { top: margin, bottom: 48, left: margin, right: margin }, title: `${sheet.title} ${sheet.meetingTitle}` });
  const { doc, text, left, width } = pdf;
  let y = drawLetterhead(pdf, head, { left, width, top: margin, emblemSize: 54, sizes: { institution: 14, unit: 12, script: 13, contact: 8.5 } }) + 10;
  y += text.block([{ text: sheet.title, bold: true }], { x: left, y, width, size: 13, align: 'center' });
  y += text.block([{ text: sheet.meetingTitle, bold: true }], { x: left, y, width, size: 11, align: 'center' }) + 6;
  for (const line of sheet.lines) y += text.block([{ text: line }], { x: left, y, width, size: 10 });
  doc.y = y + 8;
  // Taller rows than a report's: a signature needs the room.
  const table = new PdfTable(pdf, COLUMNS, { x: left, width, size: 9, pad: 7, repeatHeader: true });
  table.header();
  if (sheet.rows.length === 0) table.row(COLUMNS.map((_, i) => (i === 1 ? 'Belum ada undangan.' : '')));
  for (const r of sheet.rows) table.row(r);
  return pdf.finish({ pageNumbers: true });
}

function cell(text: string, pct: number, header = false): TableCell {
  return new TableCell({
    width: { size: pct, type: WidthType.PERCENTAGE },
    shading: header ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
    children: [new Paragraph({ spacing: { before: 80, after: 80 }, children: [new TextRun({ text, bold: header, size: HALF_POINTS(9.5) })] })],
  });
}

export function renderAttendanceDocx(sheet: AttendanceSheet, head: Letterhead, paper: 'A4' | 'F4'): Promise<Buffer> {
  const margins = { top: 850, bottom: 850, left: 850, right: 850 };
  const width = contentTwips({ paper, margins });
  const total = COLUMNS.reduce((s, c) => s + c.weight, 0);
  const pct = COLUMNS.map((c) => Math.round((c.weight / total) * 100));
  const rows = [new TableRow({ tableHeader: true, children: COLUMNS.map((c, i) => cell(c.title, pct[i]!, true)) })];
  const body = sheet.rows.length === 0 ? [COLUMNS.map((_, i) => (i === 1 ? 'Belum ada undangan.' : ''))] : sheet.rows;
  for (const r of body) rows.push(new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, pct[i]!)) }));
  const children: (Paragraph | Table)[] = [
    ...docxLetterhead(head, width, { institution: 14, unit: 12, script: 13, contact: 8.5, emblem: 48 }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: sheet.title, bold: true, size: HALF_POINTS(13) })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: sheet.meetingTitle, bold: true, size: HALF_POINTS(11) })] }),
    ...sheet.lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, size: HALF_POINTS(10) })] })),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
  ];
  return createDocx({ paper, margins, title: `${sheet.title} ${sheet.meetingTitle}`, head, children, pageNumbers: true });
}
