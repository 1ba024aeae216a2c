/**
 * Draws an infographic card (shared/campaigns/cards.ts) as SVG and PNG at one platform size,
 * on the device, without a server. Frame: the letterhead on top (emblem, regional-script line,
 * institution, unit), a rule in the office colour, the content, the source, and a footer band
 * with the account handles. Content is laid out as rows of cells, each a stack of text blocks;
 * every block has a largest and a smallest size and a line limit. The whole content shrinks
 * together until it fits; text that does not fit even at the smallest sizes is refused with the
 * field named and roughly how much to cut — a card never overflows its edges.
 */
import sharp from 'sharp';
import { CARD_SIZES, type CardSize, type CardSpec } from '../../../../shared/campaigns/cards';
import { WartaError } from '../../../../shared/contract/errors';
import type { TextStyle } from '../paper/fonts';
import type { CardIdentity } from './card-identity';
import { checkGlyphs, cleanCardText, fittingLength, outline, truncate, wrap, type Anchor } from './card-text';

const INK = '#1a1a1a';
const MUTED = '#595959';

interface Block {
  field: string;
  what: [string, string];
  text: string;
  /** The words as typed, for the SVG's labels (text may be tidied: outer quotes, selectors). */
  said?: string;
  style: TextStyle;
  /** Largest and smallest size, as fractions of the card's shorter side. */
  max: number;
  min: number;
  lines: number;
  color: 'accent' | 'ink' | 'muted';
  align?: Anchor;
}

interface Cell {
  /** Left edge and width as fractions of the content width. */
  x: number;
  w: number;
  blocks: Block[];
}

interface Row {
  cells: Cell[];
  kind?: 'timeline' | 'figure';
}

const LINE = 1.2;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const words = {
  title: ['Judul', 'The title'],
  value: ['Angka', 'The figure'],
  label: ['Keterangan', 'The label'],
  when: ['Waktu', 'The time'],
  what: ['Kegiatan', 'The event'],
  quote: ['Kutipan', 'The quotation'],
  speaker: ['Nama penutur', 'The speaker'],
} satisfies Record<string, [string, string]>;

function titleBlock(card: CardSpec): Block[] {
  const t = cleanCardText(card.title);
  return t ? [{ field: 'card.title', what: words.title, text: t, said: card.title.trim(), style: { bold: true }, max: 0.07, min: 0.04, lines: 3, color: 'ink' }] : [];
}

/** The template's rows. `wide`: a landscape or link-preview card (figures side by side). */
function rowsOf(card: CardSpec, wide: boolean): Row[] {
  const rows: Row[] = [];
  const title = titleBlock(card);
  const e = card.entries.map((x) => ({ value: cleanCardText(x.value), label: cleanCardText(x.label), said: x.value.trim() }));
  if (card.template === 'quote') {
    if (title.length) rows.push({ cells: [{ x: 0, w: 1, blocks: [{ ...title[0]!, max: 0.045, min: 0.03, lines: 2, color: 'accent' }] }] });
    rows.push({ cells: [{ x: 0, w: 1, blocks: [{ field: 'card.entries.0.value', what: words.quote, text: '“', style: { bold: true }, max: 0.16, min: 0.1, lines: 1, color: 'accent' }] }] });
    rows.push({ cells: [{ x: 0.06, w: 0.94, blocks: [{ field: 'card.entries.0.value', what: words.quote, text: e[0]!.value.replace(/^["“”'‘’«»]+|["“”'‘’«»]+$/gu, ''), said: e[0]!.said, style: { italic: true }, max: 0.06, min: 0.032, lines: 9, color: 'ink' }] }] });
    rows.push({ cells: [{ x: 0.06, w: 0.94, blocks: [{ field: 'card.entries.0.label', what: words.speaker, text: `— ${e[0]!.label}`, style: { bold: true }, max: 0.04, min: 0.028, lines: 2, color: 'accent' }] }] });
    return rows;
  }
  if (title.length) rows.push({ cells: [{ x: 0, w: 1, blocks: title }] });
  if (card.template === 'figure') {
    const blocks: Block[] = [{ field: 'card.entries.0.value', what: words.value, text: e[0]!.value, said: e[0]!.said, style: { bold: true }, max: 0.26, min: 0.1, lines: 1, color: 'accent' }];
    if (e[0]!.label) blocks.push({ field: 'card.entries.0.label', what: words.label, text: e[0]!.label, style: {}, max: 0.055, min: 0.032, lines: 3, color: 'ink' });
    rows.push({ cells: [{ x: 0, w: 1, blocks }], kind: 'figure' });
  } else if (card.template === 'figures') {
    const cols = wide ? e.length : e.length === 4 ? 2 : 1;
    const gap = 0.04;
    const w = (1 - gap * (cols - 1)) / cols;
    for (let r = 0; r * cols < e.length; r++) {
      const cells = e.slice(r * cols, r * cols + cols).map((x, c) => {
        const i = r * cols + c;
        return {
          x: c * (w + gap) + 0.03,
          w: w - 0.03,
          blocks: [
            { field: `card.entries.${i}.value`, what: words.value, text: x.value, said: x.said, style: { bold: true }, max: cols > 1 ? 0.12 : 0.13, min: 0.05, lines: 1, color: 'accent' },
            { field: `card.entries.${i}.label`, what: words.label, text: x.label, style: {}, max: 0.045, min: 0.028, lines: 3, color: 'ink' },
          ] satisfies Block[],
        };
      });
      rows.push({ cells, kind: 'figure' });
    }
  } else {
    e.forEach((x, i) =>
      rows.push({
        kind: 'timeline',
        cells: [
          { x: 0, w: 0.26, blocks: [{ field: `card.entries.${i}.value`, what: words.when, text: x.value, style: { bold: true }, max: 0.05, min: 0.028, lines: 2, color: 'accent', align: 'end' }] },
          { x: 0.34, w: 0.66, blocks: [{ field: `card.entries.${i}.label`, what: words.what, text: x.label, style: {}, max: 0.045, min: 0.026, lines: 3, color: 'ink' }] },
        ],
      }),
    );
  }
  return rows;
}

interface Placed {
  block: Block;
  size: number;
  lines: string[];
}

/** Lays the rows out at one scale; null when a block needs more lines than it may have. */
function layoutAt(rows: Row[], f: number, u: number, width: number): { rows: { cells: { cell: Cell; placed: Placed[]; height: number }[]; height: number }[]; height: number } | null {
  let total = 0;
  const out = [];
  for (const row of rows) {
    const cells = [];
    let height = 0;
    for (const cell of row.cells) {
      const placed: Placed[] = [];
      let h = 0;
      for (const block of cell.blocks) {
        const size = Math.max(block.min, block.max * f) * u;
        const lines = wrap(block.text, block.style, size, cell.w * width);
        if (lines.length > block.lines) return null;
        placed.push({ block, size, lines });
        h += lines.length * size * LINE;
      }
      cells.push({ cell, placed, height: h });
      height = Math.max(height, h);
    }
    out.push({ cells, height });
    total += height + u * 0.035;
  }
  return { rows: out, height: total - u * 0.035 };
}

function tooLong(rows: Row[], u: number, width: number, sizeName: CardSize): WartaError {
  // The block furthest over its line limit at its smallest size is the one to shorten.
  let worst: { block: Block; cut: number } | null = null;
  for (const row of rows)
    for (const cell of row.cells)
      for (const block of cell.blocks) {
        const fit = fittingLength(block.text, block.style, block.min * u, cell.w * width, block.lines);
        const cut = block.text.length - fit;
        if (!worst || cut > worst.cut || (cut === worst.cut && block.text.length > worst.block.text.length)) worst = { block, cut };
      }
  const w = worst!;
  const cut = Math.max(w.cut, Math.ceil(w.block.text.length * 0.15));
  const size = `${sizeName} ${CARD_SIZES[sizeName].width}×${CARD_SIZES[sizeName].height}`;
  return new WartaError(
    'invalid_input',
    `${w.block.what[0]} terlalu panjang untuk kartu ${size}, bahkan dengan huruf terkecil. Pendekkan sekitar ${cut} karakter. (${w.block.what[1]} is too long for the ${size} card even at the smallest type; shorten it by about ${cut} characters.)`,
    { field: w.block.field, en: `${w.block.what[1]} is too long for the ${size} card; shorten it by about ${cut} characters`, shortenBy: cut, size: sizeName },
  );
}

/** Refuses a card whose text cannot be drawn (characters no bundled face has). */
export function checkCardGlyphs(card: CardSpec, identity: Pick<CardIdentity, 'handles'>): void {
  checkGlyphs(card.title, 'card.title', words.title, { bold: true });
  card.entries.forEach((e, i) => {
    checkGlyphs(e.value, `card.entries.${i}.value`, card.template === 'quote' ? words.quote : words.value, { bold: true });
    checkGlyphs(e.label, `card.entries.${i}.label`, words.label);
  });
  checkGlyphs(card.source, 'card.source', ['Sumber', 'The source']);
  identity.handles.forEach((h, i) => checkGlyphs(h, `handles.${i}`, ['Akun', 'The account'], { bold: true }));
}

export interface RenderedCard {
  size: CardSize;
  width: number;
  height: number;
  svg: string;
}

/** The card as an SVG document (text as outlines, labelled for screen readers and search). */
export function cardSvg(card: CardSpec, sizeName: CardSize, id: CardIdentity): RenderedCard {
  checkCardGlyphs(card, id);
  const { width: W, height: H } = CARD_SIZES[sizeName];
  const u = Math.min(W, H);
  const m = u * 0.065;
  const colors = { accent: id.accent, ink: INK, muted: MUTED };
  const parts: string[] = [];
  const text = (label: string, d: string, fill: string, field?: string) =>
    parts.push(`<g role="img" aria-label="${esc(label)}"${field ? ` data-field="${esc(field)}"` : ''}><path fill="${fill}" d="${d}"/></g>`);

  // Letterhead.
  const headH = u * 0.15;
  let headX = m;
  if (id.emblem) {
    const eh = headH * 0.82;
    const ew = Math.min((id.emblem.width / id.emblem.height) * eh, u * 0.2);
    const mime = id.emblem.type === 'png' ? 'image/png' : 'image/jpeg';
    parts.push(`<image x="${m}" y="${m + (headH - eh) / 2}" width="${ew.toFixed(1)}" height="${eh.toFixed(1)}" preserveAspectRatio="xMidYMid meet" xlink:href="data:${mime};base64,${id.emblem.data.toString('base64')}"/>`);
    headX += ew + u * 0.03;
  }
  const headW = W - m - headX;
  // [text, style, size, colour, line height, baseline above the line's foot]: the regional
  // scripts stack vowel signs and pasangan below the baseline, so their line is deeper.
  const headLines: [string, TextStyle, number, string, number, number][] = [];
  if (id.scriptLine) headLines.push([id.scriptLine, {}, 0.03, INK, 2.1, 0.95]);
  if (id.institution) headLines.push([id.institution, { bold: true }, 0.036, INK, 1.35, 0.3]);
  if (id.unit) headLines.push([id.unit, {}, 0.03, MUTED, 1.35, 0.3]);
  const headScale = Math.min(1, (headH * 0.95) / headLines.reduce((s, l) => s + l[2] * u * l[4], 0.0001));
  let hy = m + (headH - headLines.reduce((s, l) => s + l[2] * u * l[4] * headScale, 0)) / 2;
  for (const [line, style, size, fill, lead, drop] of headLines) {
    const px = size * u * headScale;
    hy += px * lead;
    const fitted = truncate(cleanCardText(line), style, px, headW);
    text(line, outline(fitted, style, px, headX, hy - px * drop), fill);
  }
  const ruleY = m + headH + u * 0.02;
  parts.push(`<rect x="${m}" y="${ruleY.toFixed(1)}" width="${(W - 2 * m).toFixed(1)}" height="${(u * 0.01).toFixed(1)}" fill="${id.accent}"/>`);

  // Footer band with the handles; the source sits just above it.
  const footH = u * 0.1;
  parts.push(`<rect x="0" y="${(H - footH).toFixed(1)}" width="${W}" height="${footH.toFixed(1)}" fill="${id.accent}"/>`);
  const handles = id.handles.map(cleanCardText).filter(Boolean).join('   ·   ');
  if (handles) {
    const px = u * 0.036;
    text(handles, outline(truncate(handles, { bold: true }, px, W - 2 * m), { bold: true }, px, W / 2, H - footH / 2 + px * 0.35, 'middle'), '#ffffff', 'handles');
  }
  let bottom = H - footH - m * 0.6;
  const source = cleanCardText(card.source);
  if (source) {
    const px = u * 0.026;
    const lines = wrap(source, {}, px, W - 2 * m).slice(0, 2);
    if (wrap(source, {}, px, W - 2 * m).length > 2) lines[1] = truncate(`${lines[1]}…`, {}, px, W - 2 * m);
    for (let i = lines.length - 1; i >= 0; i--) {
      text(i === 0 ? source : '', outline(lines[i]!, {}, px, m, bottom), MUTED, i === 0 ? 'card.source' : undefined);
      bottom -= px * LINE;
    }
    bottom -= u * 0.01;
  }

  // Content: shrink together until it fits between the rule and the source.
  const top = ruleY + u * 0.055;
  const width = W - 2 * m;
  const rows = rowsOf(card, W / H >= 1.3);
  let laid = null;
  // A tall card (story) starts larger, so its content is not a small island in the middle.
  for (let f = Math.max(1, (H / W) * 0.8); f >= 0 && !laid; f -= 0.04) {
    const l = layoutAt(rows, Math.max(f, 0), u, width);
    if (l && l.height <= bottom - top) laid = l;
  }
  if (!laid) throw tooLong(rows, u, width, sizeName);
  const free = bottom - top - laid.height;
  let y = top + free * 0.4;
  const timeline = laid.rows.filter((_, i) => rows[i]!.kind === 'timeline');
  const lineX = m + width * 0.3;
  if (timeline.length > 1) {
    const first = laid.rows.indexOf(timeline[0]!);
    const yFirst = y + laid.rows.slice(0, first).reduce((s, r) => s + r.height + u * 0.035, 0);
    const span = timeline.reduce((s, r) => s + r.height + u * 0.035, 0) - u * 0.035;
    parts.push(`<rect x="${(lineX - u * 0.003).toFixed(1)}" y="${yFirst.toFixed(1)}" width="${(u * 0.006).toFixed(1)}" height="${span.toFixed(1)}" fill="${id.accent}" opacity="0.35"/>`);
  }
  laid.rows.forEach((row, ri) => {
    for (const { cell, placed } of row.cells) {
      let by = y;
      const x0 = m + cell.x * width;
      if (rows[ri]!.kind === 'figure' && row.cells.length > 0 && (row.cells.length > 1 || rows.filter((r) => r.kind === 'figure').length > 1))
        parts.push(`<rect x="${(x0 - u * 0.03).toFixed(1)}" y="${y.toFixed(1)}" width="${(u * 0.008).toFixed(1)}" height="${row.height.toFixed(1)}" fill="${id.accent}"/>`);
      for (const p of placed) {
        const ax = p.block.align === 'end' ? x0 + cell.w * width : x0;
        const ds = p.lines.map((line, li) => outline(line, p.block.style, p.size, ax, by + p.size * (0.9 + li * LINE), p.block.align)).join('');
        text(p.block.said ?? p.block.text, ds, colors[p.block.color], p.block.field);
        by += p.lines.length * p.size * LINE;
      }
    }
    if (rows[ri]!.kind === 'timeline') parts.push(`<circle cx="${lineX.toFixed(1)}" cy="${(y + u * 0.03).toFixed(1)}" r="${(u * 0.014).toFixed(1)}" fill="${id.accent}"/>`);
    y += row.height + u * 0.035;
  });

  const label = [card.title, ...card.entries.flatMap((e) => [e.value, e.label])].map(cleanCardText).filter(Boolean).join(' — ');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}">` +
    `<title>${esc(label)}</title><rect width="${W}" height="${H}" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { size: sizeName, width: W, height: H, svg };
}

/** The card as SVG and PNG. */
export async function renderCard(card: CardSpec, size: CardSize, identity: CardIdentity): Promise<RenderedCard & { png: Buffer }> {
  const drawn = cardSvg(card, size, identity);
  const png = await sharp(Buffer.from(drawn.svg)).png({ compressionLevel: 6 }).toBuffer();
  return { ...drawn, png };
}
