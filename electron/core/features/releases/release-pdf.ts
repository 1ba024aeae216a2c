/**
 * The release as PDF on the office's paper. Drawn on the PDF thread (paper/pdf-thread.ts), not
 * the core's: it takes only plain data — the release, the letterhead and the photos already
 * made printable by the core (sharp stays on the core's thread) — and returns the bytes.
 */
import { photoCaptionLine, type PhotoRef, type PmNode } from '../../../../shared/releases/body-text';
import {
  bodyOf,
  closingLines,
  contactLines,
  dateLineOf,
  numberLineOf,
  quoteLine,
  urgencyLineOf,
  type ReleaseForExport,
} from '../../../../shared/releases/compose';
import type { PaperSize } from '../../../../shared/releases/model';
import type { TextStyle } from '../paper/fonts';
import type { Letterhead } from '../paper/letterhead';
import { createPdf, drawLetterhead } from '../paper/pdf-document';
import type { Run } from '../paper/pdf-text';

/** A photo as the PDF takes it (JPEG or PNG, already scaled: attachments/printable-image.ts). */
export interface PrintableImage {
  data: Buffer;
  width: number;
  height: number;
  type: 'jpg' | 'png';
}


/** Inline content as runs for the paragraph setter (marks → style, hard breaks → newlines). */
function runsOf(n: PmNode, base: TextStyle = {}): Run[] {
  const runs: Run[] = [];
  const walk = (c: PmNode) => {
    if (c.type === 'text') {
      const marks = new Set((c.marks ?? []).map((m) => m.type));
      const href = c.marks?.find((m) => m.type === 'link')?.attrs?.href;
      runs.push({
        text: c.text ?? '',
        bold: !!base.bold || marks.has('bold'),
        italic: !!base.italic || marks.has('italic'),
        underline: marks.has('underline'),
        link: typeof href === 'string' && /^(https?:|mailto:)/i.test(href) ? href : null,
      });
    } else if (c.type === 'hardBreak') runs.push({ text: '\n' });
    else c.content?.forEach(walk);
  };
  n.content?.forEach(walk);
  return runs;
}

const BODY_SIZE = 11.5;

export function renderReleasePdf(r: ReleaseForExport, paper: PaperSize, head: Letterhead, images: Map<string, PrintableImage>): Promise<Buffer> {
  const margin = 56;
  const pdf = createPdf({ paper, margins: { top: 42, bottom: 56, left: margin, right: margin }, title: r.fields.title, author: r.letterhead.unit });
  const { doc, text, left, width } = pdf;
  doc.y = drawLetterhead(pdf, head, { left, width, top: 42 }) + 14;

  const para = (runs: Run[], o: { size?: number; align?: 'left' | 'center' | 'justify'; indent?: number; after?: number; lineGap?: number } = {}) => {
    const indent = o.indent ?? 0;
    text.paragraph(runs, { x: left + indent, width: width - indent, size: o.size ?? BODY_SIZE, align: o.align ?? 'left', lineGap: o.lineGap ?? 2 });
    doc.y += o.after ?? 0;
  };
  para([{ text: r.fields.label || 'SIARAN PERS', bold: true }], { size: 13, align: 'center' });
  para([{ text: numberLineOf(r.number) }], { size: 11, align: 'center' });
  para([{ text: urgencyLineOf(r.fields, r.zone, r.madeAt), bold: true }], { size: 11, align: 'center', after: 10 });
  para([{ text: r.fields.title, bold: true }], { size: 16 });
  if (r.fields.subtitle) para([{ text: r.fields.subtitle, italic: true }], { size: 12 });
  doc.y += 5;
  const dateLine = dateLineOf(r);
  if (dateLine) para([{ text: dateLine }], { size: 11, after: 7 });

  const table = (n: PmNode) => {
    const rows = n.content ?? [];
    const cols = Math.max(1, ...rows.map((row) => row.content?.length ?? 0));
    const cw = width / cols;
    const cellRuns = (c: PmNode): Run[] =>
      (c.content ?? []).flatMap((p, i) => [...(i ? [{ text: '\n' }] : []), ...runsOf(p, { bold: c.type === 'tableHeader' })]);
    for (const row of rows) {
      const cells = row.content ?? [];
      const h = Math.max(14, ...cells.map((c) => text.measure(cellRuns(c), { width: cw - 8, size: 10 }))) + 6;
      if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      cells.forEach((c, i) => {
        doc.rect(left + i * cw, y, cw, h).lineWidth(0.5).stroke();
        text.block(cellRuns(c), { x: left + i * cw + 4, y: y + 3, width: cw - 8, size: 10 });
      });
      doc.y = y + h;
    }
    doc.y += 8;
  };
  const photo = (p: PhotoRef) => {
    const img = images.get(p.hash);
    if (img) {
      const fitW = Math.min(width, 400);
      const h = (img.height / img.width) * fitW;
      if (doc.y + h + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      doc.image(img.data, left + (width - fitW) / 2, doc.y, { width: fitW });
      doc.y += h + 4;
    }
    para([{ text: photoCaptionLine(p), italic: true }], { size: 9.5, align: 'center', after: 9 });
  };
  const block = (n: PmNode, indent = 0): void => {
    switch (n.type) {
      case 'paragraph': {
        const runs = runsOf(n);
        if (!runs.length) doc.y += 6;
        else para(runs, { indent, align: 'justify', after: 6 });
        return;
      }
      case 'heading':
        para(runsOf(n, { bold: true }), { indent, size: n.attrs?.level === 3 ? 12 : 13, after: 4 });
        return;
      case 'blockquote':
        for (const c of n.content ?? []) block(c, indent + 24);
        return;
      case 'bulletList':
      case 'orderedList': {
        let i = typeof n.attrs?.start === 'number' ? n.attrs.start : 1;
        for (const li of n.content ?? []) {
          const [first, ...rest] = li.content ?? [];
          if (first) para([{ text: n.type === 'bulletList' ? '• ' : `${i}. ` }, ...runsOf(first)], { indent: indent + 12, align: 'justify', after: 2 });
          for (const c of rest) block(c, indent + 24);
          i += 1;
        }
        doc.y += 4;
        return;
      }
      case 'table':
        table(n);
        return;
      case 'photo':
        photo({ hash: String(n.attrs?.hash ?? ''), thumb: null, caption: String(n.attrs?.caption ?? ''), credit: String(n.attrs?.credit ?? '') });
        return;
      default:
        para(runsOf(n), { indent, align: 'justify', after: 6 });
    }
  };
  for (const n of bodyOf(r).content ?? []) block(n);

  if (r.fields.quotes.length) {
    doc.y += 5;
    for (const q of r.fields.quotes) para([{ text: quoteLine(q), italic: true }], { indent: 24, after: 4 });
  }
  const section = (title: string | null, lines: string[]) => {
    if (!lines.length) return;
    doc.y += 5;
    if (title) para([{ text: title, bold: true }], { size: 11 });
    for (const l of lines) para([{ text: l }], { size: 11 });
  };
  section(null, closingLines(r.fields));
  doc.y += 8;
  para([{ text: r.endMark, bold: true }], { size: 11, align: 'center', after: 4 });
  section('Narahubung:', contactLines(r.fields.contacts));
  if (r.fields.boilerplate) section('Tentang kami:', [r.fields.boilerplate]);
  return pdf.finish({ pageNumbers: true });
}
