/**
 * A PPID register on the office's paper, landscape (thirteen columns need the width): the
 * letterhead, the register's title and year, the ruled table with its header on every page,
 * page numbers at the foot. Drawn on the PDF thread (paper/pdf-renderers.ts).
 */
import type { PaperSize } from '../../../../shared/releases/model';
import type { Letterhead } from '../paper/letterhead';
import { createPdf, drawLetterhead } from '../paper/pdf-document';
import { PdfTable } from '../paper/pdf-table';
import type { DeskRegister, RegisterCell, RegisterColumn } from './register';

/** 18-12-2026: the short form fits a narrow column. */
const shortDate = (key: string) => `${key.slice(8, 10)}-${key.slice(5, 7)}-${key.slice(0, 4)}`;

export function registerCellText(v: RegisterCell, c: RegisterColumn): string {
  if (v === null || v === '') return '';
  if (c.type === 'date' && typeof v === 'string') return shortDate(v);
  if (typeof v === 'number') return c.type === 'int' ? String(v) : v.toLocaleString('id-ID');
  return v;
}

export function renderRegisterPdf(register: DeskRegister, head: Letterhead, paper: PaperSize): Promise<Buffer> {
  const margin = 36;
  const pdf = createPdf({ paper, landscape: true, margins: { top: margin, bottom: 44, left: margin, right: margin }, title: `${register.title} ${register.year}` });
  const { doc, text, left, width } = pdf;
  let y = drawLetterhead(pdf, head, { left, width, top: margin, emblemSize: 48, sizes: { institution: 13, unit: 11.5, script: 12, contact: 8 } }) + 10;
  y += text.block([{ text: register.title, bold: true }], { x: left, y, width, size: 12, align: 'center' });
  y += text.block([{ text: `Tahun ${register.year}` }], { x: left, y, width, size: 10.5, align: 'center' });
  doc.y = y + 8;
  const table = new PdfTable(
    pdf,
    register.columns.map((c) => ({ title: c.title, weight: c.weight, align: c.type === 'text' || c.type === 'date' ? 'left' : 'right' })),
    { x: left, width, size: 7.5, pad: 3, repeatHeader: true },
  );
  table.header();
  // The message in the widest column (the information asked for, or the objection's reason).
  if (register.rows.length === 0) table.row(register.columns.map((_, i) => (i === 5 ? 'Belum ada yang tercatat.' : '')));
  for (const r of register.rows) table.row(r.map((v, i) => registerCellText(v, register.columns[i]!)));
  return pdf.finish({ pageNumbers: true });
}
