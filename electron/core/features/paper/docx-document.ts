/**
 * A DOCX on the office's paper: the document defaults every Warta DOCX shares (the text font
 * named for every script slot, Indonesian as the language so Word checks spelling in
 * Indonesian, the regional script's font embedded when the letterhead has such a line), the
 * letterhead, and the page footer (*Halaman x dari y*, as Word fields).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { PaperSize } from '../../../../shared/releases/model';
import { DOCX_TEXT_FONT, paperFonts, REGIONAL_SCRIPTS } from './fonts';
import type { Letterhead } from './letterhead';

/** Paper in twips (1/1440 inch), portrait. */
export const PAPER_TWIPS: Record<PaperSize, [number, number]> = { A4: [11906, 16838], F4: [12189, 18709] };

/** docx sizes are half-points. */
export const HALF_POINTS = (pt: number) => Math.round(pt * 2);

export const LANGUAGE = 'id-ID';

export interface DocxOptions {
  paper: PaperSize;
  landscape?: boolean;
  /** Margins in twips. */
  margins: { top: number; bottom: number; left: number; right: number };
  title: string;
  creator?: string;
  head: Letterhead | null;
  children: (Paragraph | Table)[];
  pageNumbers?: boolean;
}

/** Width of the text area in twips. */
export function contentTwips(o: Pick<DocxOptions, 'paper' | 'landscape' | 'margins'>): number {
  const [w, h] = PAPER_TWIPS[o.paper];
  return (o.landscape ? h : w) - o.margins.left - o.margins.right;
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none };

export interface DocxLetterheadSizes {
  institution: number;
  unit: number;
  script: number;
  contact: number;
  /** Emblem height in points. */
  emblem: number;
}

/**
 * The letterhead: with an emblem, a borderless three-column table (emblem | lines | a column
 * as wide as the emblem's, so the lines stay centred on the page); without one, the lines
 * centred over the whole width. Under it the *kop* rule: a thick line over a thin one.
 */
export function docxLetterhead(head: Letterhead, widthTwips: number, sizes: DocxLetterheadSizes = { institution: 15, unit: 13, script: 14, contact: 9.5, emblem: 60 }): (Paragraph | Table)[] {
  const lines: Paragraph[] = [];
  const line = (text: string, size: number, bold: boolean, font?: string) => {
    if (text) lines.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size: HALF_POINTS(size), font })] }));
  };
  line(head.scriptLine, sizes.script, false, head.script ? REGIONAL_SCRIPTS[head.script].name : undefined);
  line(head.institution, sizes.institution, true);
  line(head.unit, sizes.unit, true);
  for (const c of head.contact) line(c, sizes.contact, false);
  const rule = new Paragraph({
    spacing: { after: 240 },
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 1 } },
    children: [],
  });
  if (!head.emblem) return [...lines, rule];
  const hPt = sizes.emblem;
  const wPt = Math.round((head.emblem.width / head.emblem.height) * hPt);
  const side = Math.min(Math.round(widthTwips / 4), wPt * 20 + 200);
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ borders: noBorders, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: children.length ? children : [new Paragraph({})] });
  const emblem = new Paragraph({ children: [new ImageRun({ type: head.emblem.type, data: head.emblem.data, transformation: { width: Math.round(wPt * (96 / 72)), height: Math.round(hPt * (96 / 72)) } })] });
  return [
    new Table({
      width: { size: widthTwips, type: WidthType.DXA },
      columnWidths: [side, widthTwips - 2 * side, side],
      borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
      rows: [new TableRow({ children: [cell([emblem], side), cell(lines, widthTwips - 2 * side), cell([], side)] })],
    }),
    rule,
  ];
}

/** "Halaman x dari y" as Word fields, so Word and LibreOffice count the pages themselves. */
function pageFooter(): Footer {
  const children: ParagraphChild[] = [
    new TextRun({ text: 'Halaman ', size: HALF_POINTS(9) }),
    new TextRun({ children: [PageNumber.CURRENT], size: HALF_POINTS(9) }),
    new TextRun({ text: ' dari ', size: HALF_POINTS(9) }),
    new TextRun({ children: [PageNumber.TOTAL_PAGES], size: HALF_POINTS(9) }),
  ];
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}

export function createDocx(o: DocxOptions): Promise<Buffer> {
  const [w, h] = PAPER_TWIPS[o.paper];
  const script = o.head?.script ?? null;
  const doc = new Document({
    creator: o.creator ?? 'Warta',
    title: o.title,
    // The text font in every slot (Latin, high ANSI, complex script, East Asian) and Indonesian.
    styles: { default: { document: { run: { font: DOCX_TEXT_FONT, size: HALF_POINTS(12), language: { value: LANGUAGE, eastAsia: LANGUAGE, bidirectional: LANGUAGE } } } } },
    // The regional script's font travels inside the file: few machines have Noto Sans Balinese.
    fonts: script ? [{ name: REGIONAL_SCRIPTS[script].name, data: paperFonts().regionalSfnt(script) }] : undefined,
    sections: [
      {
        properties: {
          page: {
            size: { width: w, height: h, orientation: o.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: o.margins,
          },
        },
        footers: o.pageNumbers ? { default: pageFooter() } : undefined,
        children: o.children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
