/**
 * Paragraph setting for pdfkit with the embedded font set: runs of styled text are broken into
 * words, each word into pieces of one face (fallback between the fontsource subsets), lines are
 * filled greedily and drawn at computed positions on a common baseline.
 *
 * Why not pdfkit's own `text(…, { continued })`: with `align: 'justify'` it trims every
 * continued fragment and justifies each one on its own, so the space after a bold run is lost
 * ("SURAKARTA– …") and mixed styles space unevenly; and it cannot switch faces inside a word.
 */
import type { FontSet, TextStyle } from './fonts';

export interface Run extends TextStyle {
  text: string;
  underline?: boolean;
  link?: string | null;
  /** Overrides the paragraph's size for this run. */
  size?: number;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphOptions {
  width: number;
  size: number;
  align?: Align;
  /** Extra space between lines, in points. */
  lineGap?: number;
  /** Indent of the first line (negative for a hanging label). */
  firstIndent?: number;
  color?: string;
}

interface Box {
  text: string;
  face: string;
  size: number;
  width: number;
  underline: boolean;
  link: string | null;
}

interface Word {
  boxes: Box[];
  width: number;
  /** Width of the space before this word (0 at the start of a line or after a break). */
  spaceBefore: number;
}

export interface Line {
  words: Word[];
  width: number;
  ascent: number;
  descent: number;
  /** Ends its paragraph or a hard break: never justified. */
  last: boolean;
  indent: number;
}

const BREAKABLE = /([ \t]+|\n)/;

export class TextSetter {
  private readonly widths = new Map<string, number>();
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: FontSet,
  ) {}

  private width(text: string, face: string, size: number): number {
    const k = `${face}\u0000${size}\u0000${text}`;
    let w = this.widths.get(k);
    if (w === undefined) {
      w = this.doc.font(face).fontSize(size).widthOfString(text);
      this.widths.set(k, w);
    }
    return w;
  }

  private metrics(face: string, size: number): { ascent: number; descent: number; gap: number } {
    const f = this.fonts.font(face);
    const s = size / f.unitsPerEm;
    return { ascent: f.ascent * s, descent: -f.descent * s, gap: f.lineGap * s };
  }

  /** The line height of plain text of the style at a size (as a first line would be set). */
  lineHeight(size: number, style: TextStyle = {}, lineGap = 0): number {
    const m = this.metrics(this.fonts.primary(style), size);
    return m.ascent + m.descent + lineGap;
  }

  /** Breaks runs into lines of at most `width` points. */
  layout(runs: Run[], o: ParagraphOptions): Line[] {
    const lines: Line[] = [];
    const primary = this.fonts.primary({});
    const base = this.metrics(primary, o.size);
    let line: Line = { words: [], width: 0, ascent: base.ascent, descent: base.descent, last: false, indent: o.firstIndent ?? 0 };
    let word: Word | null = null;
    let pendingSpace = 0;
    const room = () => o.width - line.indent;
    const newLine = (last: boolean) => {
      line.last = last;
      lines.push(line);
      line = { words: [], width: 0, ascent: base.ascent, descent: base.descent, last: false, indent: 0 };
    };
    const place = (w: Word) => {
      const gap = line.words.length ? w.spaceBefore : 0;
      if (line.words.length && line.width + gap + w.width > room()) {
        newLine(false);
        w.spaceBefore = 0;
      } else w.spaceBefore = gap;
      // A word longer than a whole line is cut where it must.
      while (!line.words.length && w.width > room() && w.boxes.some((b) => [...b.text].length > 1 || w.boxes.length > 1)) {
        const head = this.cut(w, room());
        this.addWord(line, head);
        newLine(false);
      }
      this.addWord(line, w);
    };
    const endWord = () => {
      if (word) place(word);
      word = null;
    };
    for (const run of runs) {
      const size = run.size ?? o.size;
      for (const token of run.text.split(BREAKABLE)) {
        if (!token) continue;
        if (token === '\n') {
          endWord();
          pendingSpace = 0;
          newLine(true);
          continue;
        }
        if (/^[ \t]+$/.test(token)) {
          endWord();
          pendingSpace += this.width(' ', this.fonts.faceFor(32, run) ?? primary, size) * token.length;
          continue;
        }
        if (!word) {
          word = { boxes: [], width: 0, spaceBefore: pendingSpace };
          pendingSpace = 0;
        }
        for (const p of this.fonts.pieces(token, run)) {
          const w = this.width(p.text, p.face, size);
          word.boxes.push({ text: p.text, face: p.face, size, width: w, underline: !!run.underline, link: run.link ?? null });
          word.width += w;
        }
      }
    }
    endWord();
    if (line.words.length || !lines.length) newLine(true);
    else lines[lines.length - 1]!.last = true;
    return lines;
  }

  private addWord(line: Line, w: Word): void {
    line.words.push(w);
    line.width += w.spaceBefore + w.width;
    for (const b of w.boxes) {
      // A math sign or a symbol keeps the text's line height; a regional script needs its own.
      const m = this.metrics(this.fonts.tall(b.face) ? b.face : this.fonts.primary({}), b.size);
      line.ascent = Math.max(line.ascent, m.ascent);
      line.descent = Math.max(line.descent, m.descent);
    }
  }

  /** Takes from the front of a word what fits in `room` (at least one character). */
  private cut(w: Word, room: number): Word {
    const head: Word = { boxes: [], width: 0, spaceBefore: 0 };
    while (w.boxes.length) {
      const b = w.boxes[0]!;
      if (head.width + b.width <= room) {
        head.boxes.push(b);
        head.width += b.width;
        w.boxes.shift();
        continue;
      }
      const chars = [...b.text];
      let n = 0;
      let width = 0;
      while (n < chars.length) {
        const next = this.width(chars.slice(0, n + 1).join(''), b.face, b.size);
        if (head.width + next > room && (n > 0 || head.boxes.length)) break;
        width = next;
        n++;
      }
      if (n > 0) {
        head.boxes.push({ ...b, text: chars.slice(0, n).join(''), width });
        head.width += width;
        const rest = chars.slice(n).join('');
        b.text = rest;
        b.width = this.width(rest, b.face, b.size);
      }
      break;
    }
    w.width = w.boxes.reduce((s, b) => s + b.width, 0);
    return head;
  }

  /** The height lines take, gaps between them included. */
  height(lines: Line[], lineGap = 0): number {
    return lines.reduce((s, l) => s + l.ascent + l.descent + lineGap, 0);
  }

  /**
   * Draws one line with its top at `top`; returns the top of the next line. Neighbouring words
   * of one face, size and link are drawn in one call (pdfkit's `wordSpacing` places the words
   * of a justified line), which keeps a long release fast.
   */
  drawLine(l: Line, x: number, top: number, o: Pick<ParagraphOptions, 'width' | 'align' | 'lineGap' | 'color'>): number {
    const doc = this.doc;
    const align = o.align ?? 'left';
    const avail = o.width - l.indent;
    const gaps = l.words.length - 1;
    const stretch = align === 'justify' && !l.last && gaps > 0 ? (avail - l.width) / gaps : 0;
    const start = x + l.indent + (align === 'center' ? (avail - l.width) / 2 : align === 'right' ? avail - l.width : 0);
    const baseline = top + l.ascent;
    doc.fillColor(o.color ?? '#000000');
    interface Segment {
      text: string;
      face: string;
      size: number;
      underline: boolean;
      link: string | null;
      x: number;
      width: number;
      spaces: number;
    }
    const segments: Segment[] = [];
    let cx = start;
    let seg: Segment | null = null;
    l.words.forEach((w, i) => {
      const space = i === 0 ? 0 : w.spaceBefore;
      w.boxes.forEach((b, j) => {
        const gap = j === 0 ? space : 0;
        const single = j === 0 && i > 0 && Math.abs(gap - this.width(' ', b.face, b.size)) < 0.01;
        const joins = seg && seg.face === b.face && seg.size === b.size && seg.underline === b.underline && seg.link === b.link && (j > 0 || single);
        if (joins && seg) {
          seg.text += (j === 0 ? ' ' : '') + b.text;
          seg.spaces += j === 0 ? 1 : 0;
          seg.width += gap + (j === 0 ? stretch : 0) + b.width;
        } else {
          cx += gap + (j === 0 && i > 0 ? stretch : 0);
          seg = { text: b.text, face: b.face, size: b.size, underline: b.underline, link: b.link, x: cx, width: b.width, spaces: 0 };
          segments.push(seg);
        }
        cx = seg!.x + seg!.width;
      });
    });
    let prev: Segment | null = null;
    for (const sg of segments) {
      doc.font(sg.face).fontSize(sg.size).text(sg.text, sg.x, baseline, { lineBreak: false, baseline: 'alphabetic', wordSpacing: sg.spaces ? stretch : 0 });
      if (sg.underline) this.underline(prev?.underline ? prev.x + prev.width : sg.x, sg.x + sg.width, baseline, sg.size, o.color);
      if (sg.link) doc.link(sg.x, baseline - sg.size * 0.8, sg.width, sg.size, sg.link);
      prev = sg;
    }
    return top + l.ascent + l.descent + (o.lineGap ?? 0);
  }

  private underline(from: number, to: number, baseline: number, size: number, color?: string): void {
    const y = baseline + size * 0.12;
    this.doc
      .save()
      .lineWidth(Math.max(0.4, size * 0.05))
      .strokeColor(color ?? '#000000')
      .moveTo(from, y)
      .lineTo(to, y)
      .stroke()
      .restore();
  }

  /**
   * Sets a paragraph at (x, doc.y), moving to a new page when a line would cross the bottom
   * margin; leaves doc.y under the last line.
   */
  paragraph(runs: Run[], o: ParagraphOptions & { x: number }): void {
    const doc = this.doc;
    const lines = this.layout(runs, o);
    let y = doc.y;
    for (const l of lines) {
      if (y + l.ascent + l.descent > doc.page.height - doc.page.margins.bottom && y > doc.page.margins.top + 1) {
        doc.addPage();
        y = doc.page.margins.top;
      }
      y = this.drawLine(l, o.x, y, o);
    }
    doc.x = o.x;
    doc.y = y;
  }

  /** Sets lines inside a box without page breaks (table cells, the letterhead); returns the height used. */
  block(runs: Run[], o: ParagraphOptions & { x: number; y: number }): number {
    const lines = this.layout(runs, o);
    let y = o.y;
    for (const l of lines) y = this.drawLine(l, o.x, y, o);
    return y - o.y;
  }

  /** The height `block` would use, without drawing. */
  measure(runs: Run[], o: ParagraphOptions): number {
    return this.height(this.layout(runs, o), o.lineGap ?? 0);
  }
}
