/**
 * Text of an infographic card, set as outlines: every glyph is shaped by fontkit from the fonts
 * Warta bundles (the paper font set: Tinos, the symbol faces and the regional scripts) and
 * written into the SVG as a path. The card therefore looks the same in the PNG sharp draws, in a
 * browser and in any SVG editor, with no font installed anywhere — and no tofu boxes, because a
 * character none of the faces has is refused before drawing (cardText).
 */
import { WartaError } from '../../../../shared/contract/errors';
import { paperFonts, type TextStyle } from '../paper/fonts';

/** Emoji presentation selectors and the zero-width joiner carry no ink of their own. */
const INVISIBLE = /[\uFE0E\uFE0F]/gu;

const graphemes = new Intl.Segmenter('id', { granularity: 'grapheme' });

export function cleanCardText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Refuses text with characters no bundled face can draw (emoji, most often), naming them. */
export function checkGlyphs(text: string, field: string, what: [string, string], style: TextStyle = {}): void {
  const missing = paperFonts().missing(cleanCardText(text), style);
  if (missing.length === 0) return;
  const list = missing.slice(0, 6).join(' ');
  throw new WartaError(
    'invalid_input',
    `${what[0]} berisi karakter yang tidak dapat digambar pada kartu (mis. emoji): ${list}. Hapus karakter itu; emoji boleh ditulis di keterangan unggahan. (${what[1]} has characters the card cannot draw, such as emoji: ${list}. Remove them; emoji may go in the caption.)`,
    { field, en: `${what[1]} has characters the card cannot draw: ${list}` },
  );
}

/** Widths at size 1, per style and text: fitting a card measures the same words many times. */
const widths = new Map<string, number>();

export function measure(text: string, style: TextStyle, size: number): number {
  const key = `${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}|${text}`;
  let unit = widths.get(key);
  if (unit === undefined) {
    const fonts = paperFonts();
    unit = 0;
    for (const p of fonts.pieces(text, style)) {
      const f = fonts.font(p.face);
      unit += f.layout(p.text).advanceWidth / f.unitsPerEm;
    }
    if (widths.size > 20_000) widths.clear();
    widths.set(key, unit);
  }
  return unit * size;
}

/** Greedy line breaking at spaces; a word longer than the line is broken between characters. */
export function wrap(text: string, style: TextStyle, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  const space = measure(' ', style, size);
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(' ').filter(Boolean)) {
    let w = measure(word, style, size);
    if (w > maxWidth) {
      if (line) lines.push(line);
      let piece = '';
      for (const { segment } of graphemes.segment(word)) {
        if (piece && measure(piece + segment, style, size) > maxWidth) {
          lines.push(piece);
          piece = '';
        }
        piece += segment;
      }
      line = piece;
      lineWidth = measure(piece, style, size);
      continue;
    }
    if (line && lineWidth + space + w > maxWidth) {
      lines.push(line);
      line = '';
      lineWidth = 0;
    }
    if (line) w += space;
    line = line ? `${line} ${word}` : word;
    lineWidth += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** The longest start of the text that still fits in `maxLines` lines. */
export function fittingLength(text: string, style: TextStyle, size: number, maxWidth: number, maxLines: number): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (wrap(text.slice(0, mid), style, size, maxWidth).length <= maxLines) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Cuts one line to the width with an ellipsis (for the office's own lines: letterhead, handles). */
export function truncate(text: string, style: TextStyle, size: number, maxWidth: number): string {
  if (measure(text, style, size) <= maxWidth) return text;
  const chars = [...graphemes.segment(text)].map((s) => s.segment);
  while (chars.length > 0 && measure(`${chars.join('').trimEnd()}…`, style, size) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

export type Anchor = 'start' | 'middle' | 'end';

/** The outline of one line of text as SVG path data, its baseline at y. */
export function outline(text: string, style: TextStyle, size: number, x: number, y: number, anchor: Anchor = 'start'): string {
  const fonts = paperFonts();
  const width = anchor === 'start' ? 0 : measure(text, style, size);
  let pen = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
  const parts: string[] = [];
  for (const p of fonts.pieces(text, style)) {
    const f = fonts.font(p.face);
    const run = f.layout(p.text);
    const s = size / f.unitsPerEm;
    run.glyphs.forEach((g, i) => {
      const pos = run.positions[i]!;
      const d = g.path.scale(s, -s).translate(pen + pos.xOffset * s, y - pos.yOffset * s).toSVG();
      if (d) parts.push(d);
      pen += pos.xAdvance * s;
    });
  }
  // Two decimals are a hundredth of a pixel: enough, and a third of the file size of full floats.
  return parts.join('').replace(/(\d+\.\d{2})\d+/g, '$1');
}
