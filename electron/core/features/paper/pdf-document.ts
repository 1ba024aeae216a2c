/**
 * A PDF on the office's paper: pdfkit with the embedded font set, the letterhead drawer and
 * the page footer (*Halaman x dari y*). Releases, day sheets and reports build on this.
 */
import PDFDocument from 'pdfkit';
import type { PaperSize } from '../../../../shared/releases/model';
import { paperFonts, type FontSet } from './fonts';
import type { Letterhead } from './letterhead';
import { TextSetter } from './pdf-text';

/** Paper in PDF points (1/72 inch), portrait. F4 (folio) is 215 × 330 mm, common in Indonesian offices. */
export const PAPER_POINTS: Record<PaperSize, [number, number]> = { A4: [595.28, 841.89], F4: [609.45, 935.43] };

export interface PdfPaper {
  doc: PDFKit.PDFDocument;
  fonts: FontSet;
  text: TextSetter;
  /** Left edge and width of the text area. */
  left: number;
  width: number;
  /** Ends the document; `pageNumbers` prints "Halaman x dari y" at the foot of every page. */
  finish(options?: { pageNumbers?: boolean }): Promise<Buffer>;
}

export interface PdfOptions {
  paper: PaperSize;
  landscape?: boolean;
  margins: { top: number; bottom: number; left: number; right: number };
  title: string;
  author?: string;
}

export function createPdf(o: PdfOptions): PdfPaper {
  const [pw, ph] = PAPER_POINTS[o.paper];
  const size: [number, number] = o.landscape ? [ph, pw] : [pw, ph];
  const fonts = paperFonts();
  const doc = new PDFDocument({
    size,
    margins: o.margins,
    bufferPages: true,
    // The default font is an embedded one: pdfkit would otherwise load its standard Helvetica.
    font: null as unknown as string,
    info: { Title: o.title, Author: o.author ?? 'Warta', Creator: 'Warta' },
    lang: 'id-ID',
    displayTitle: true,
  });
  fonts.register(doc);
  doc.font(fonts.primary());
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = new TextSetter(doc, fonts);
  const width = size[0] - o.margins.left - o.margins.right;
  return {
    doc,
    fonts,
    text,
    left: o.margins.left,
    width,
    finish(options = {}) {
      if (options.pageNumbers) stampPageNumbers(doc, text, o.margins.left, width);
      doc.end();
      return done;
    },
  };
}

/** "Halaman 2 dari 5", centred under the text area of every page (the document buffers its pages). */
function stampPageNumbers(doc: PDFKit.PDFDocument, text: TextSetter, left: number, width: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    const y = doc.page.height - bottom / 2 - 5;
    text.block([{ text: `Halaman ${i - range.start + 1} dari ${range.count}` }], { x: left, y, width, size: 9, align: 'center', color: '#333333' });
  }
}

export interface LetterheadBox {
  left: number;
  width: number;
  top: number;
  /** Emblem height in points (the emblem is as wide as its proportions say). */
  emblemSize?: number;
  /** Sizes of the institution and unit lines. */
  sizes?: { institution: number; unit: number; script: number; contact: number };
}

/**
 * Draws the letterhead: the emblem at the left, the lines centred on the page (with the emblem
 * the text keeps clear of it on both sides, so it stays centred; without it the text uses the
 * whole width), then the *kop* rule: a thick line over a thin one. Returns the y under the rule.
 */
export function drawLetterhead(paper: Pick<PdfPaper, 'doc' | 'text'>, head: Letterhead, box: LetterheadBox): number {
  const { doc, text } = paper;
  const sizes = box.sizes ?? { institution: 15, unit: 13, script: 14, contact: 9.5 };
  const emblemSize = box.emblemSize ?? 64;
  let inset = 0;
  if (head.emblem) {
    const w = Math.min(emblemSize * 1.2, (head.emblem.width / head.emblem.height) * emblemSize);
    doc.image(head.emblem.data, box.left, box.top, { fit: [w, emblemSize] });
    inset = w + 8;
  }
  const x = box.left + inset;
  const width = box.width - 2 * inset;
  let y = box.top;
  const line = (s: string, size: number, bold: boolean) => {
    if (!s) return;
    y += text.block([{ text: s, bold }], { x, y, width, size, align: 'center' });
  };
  line(head.scriptLine, sizes.script, false);
  line(head.institution, sizes.institution, true);
  line(head.unit, sizes.unit, true);
  for (const c of head.contact) line(c, sizes.contact, false);
  const ruleY = Math.max(y, head.emblem ? box.top + emblemSize : y) + 4;
  doc.save().lineWidth(2.25).moveTo(box.left, ruleY).lineTo(box.left + box.width, ruleY).stroke();
  doc.lineWidth(0.75).moveTo(box.left, ruleY + 3).lineTo(box.left + box.width, ruleY + 3).stroke().restore();
  return ruleY + 3.5;
}
