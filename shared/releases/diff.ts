/**
 * Compares two release bodies for "compare a past version with the current text": block by
 * block (paragraphs, headings, list items, table rows, photos), then word by word inside a
 * changed block, so a single corrected letter shows as that word struck and retyped. Blocks
 * compare with their formatting (block type and marks), so a change of formatting alone is
 * reported as such instead of "the same text".
 */
import type { PmNode } from './body-text';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Marks (`bold`, `italic`, `underline`, `link`, …) or block types (`heading2`, `paragraph`, …) added or removed on a stretch of text. */
export interface FormatChange {
  text: string;
  added: string[];
  removed: string[];
}

export interface DiffBlock {
  kind: 'same' | 'added' | 'removed' | 'changed';
  /** The block's text (the new text for a changed block). */
  text: string;
  /** Changed blocks: the words, struck and inserted. */
  words?: DiffPart[];
  /** Changed blocks whose words are equal: what formatting changed, and where. */
  format?: FormatChange[];
}

interface Run {
  text: string;
  marks: string;
}
interface Block {
  type: string;
  runs: Run[];
  text: string;
  key: string;
}

function marksOf(n: PmNode): string {
  return (n.marks ?? [])
    .map((m) => (m.type === 'link' ? `link:${String(m.attrs?.href ?? '')}` : m.type))
    .sort()
    .join(',');
}

function inlineRuns(n: PmNode, out: Run[] = []): Run[] {
  for (const c of n.content ?? []) {
    if (c.type === 'text') out.push({ text: c.text ?? '', marks: marksOf(c) });
    else if (c.type === 'hardBreak') out.push({ text: '\n', marks: '' });
    else inlineRuns(c, out);
  }
  return out;
}

function block(type: string, runs: Run[]): Block {
  const text = runs.map((r) => r.text).join('');
  return { type, runs, text, key: `${type}\u0001${runs.map((r) => `${r.marks}\u0002${r.text}`).join('\u0003')}` };
}

/** The body as a list of comparable blocks. */
export function blocksOf(doc: PmNode): Block[] {
  const out: Block[] = [];
  const walk = (n: PmNode, ctx: string) => {
    switch (n.type) {
      case 'doc':
        n.content?.forEach((c) => walk(c, ctx));
        return;
      case 'paragraph':
        out.push(block(`${ctx}paragraph`, inlineRuns(n)));
        return;
      case 'heading':
        out.push(block(`${ctx}heading${String(n.attrs?.level ?? 2)}`, inlineRuns(n)));
        return;
      case 'blockquote':
        n.content?.forEach((c) => walk(c, `${ctx}quote/`));
        return;
      case 'bulletList':
      case 'orderedList':
        (n.content ?? []).forEach((li, i) => {
          const prefix = n.type === 'bulletList' ? '• ' : `${(typeof n.attrs?.start === 'number' ? n.attrs.start : 1) + i}. `;
          const runs: Run[] = [{ text: prefix, marks: '' }];
          (li.content ?? []).forEach((p, j) => {
            if (j) runs.push({ text: ' ', marks: '' });
            inlineRuns(p, runs);
          });
          out.push(block(`${ctx}${n.type}`, runs));
        });
        return;
      case 'table':
        for (const row of n.content ?? []) {
          const runs: Run[] = [];
          (row.content ?? []).forEach((cell, i) => {
            if (i) runs.push({ text: ' | ', marks: '' });
            (cell.content ?? []).forEach((p, j) => {
              if (j) runs.push({ text: ' ', marks: '' });
              inlineRuns(p, runs);
            });
          });
          out.push(block(`${ctx}tableRow`, runs));
        }
        return;
      case 'photo': {
        const caption = String(n.attrs?.caption ?? '');
        const credit = String(n.attrs?.credit ?? '');
        out.push(block(`${ctx}photo:${String(n.attrs?.hash ?? '')}`, [{ text: `[Foto] ${caption}${credit ? ` (${credit})` : ''}`, marks: '' }]));
        return;
      }
      default:
        out.push(block(`${ctx}${n.type}`, inlineRuns(n)));
    }
  };
  walk(doc, '');
  return out.filter((b) => b.text.trim() !== '' || b.type.startsWith('photo'));
}

/** Longest common subsequence alignment of two sequences by key; returns pairs of indices. */
function align<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean): [number, number][] {
  let head = 0;
  while (head < a.length && head < b.length && eq(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && eq(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = eq(a[head + i]!, b[head + j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let k = 0; k < head; k++) pairs.push([k, k]);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (eq(a[head + i]!, b[head + j]!)) {
      pairs.push([head + i, head + j]);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  for (let k = 0; k < tail; k++) pairs.push([a.length - tail + k, b.length - tail + k]);
  return pairs;
}

const TOKENS = /\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

/** Word-level difference of two texts (words, spaces and punctuation are the units). */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = before.match(TOKENS) ?? [];
  const b = after.match(TOKENS) ?? [];
  const pairs = align(a, b, (x, y) => x === y);
  const out: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    while (i < pi) push('removed', a[i++]!);
    while (j < pj) push('added', b[j++]!);
    if (pi < a.length && pj < b.length) {
      push('same', a[pi]!);
      i++;
      j++;
    }
  }
  return out;
}

function similarity(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const wa = words(a);
  const wb = words(b);
  if (!wa.size && !wb.size) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.max(wa.size, wb.size);
}

/** Where the marks of two equal texts differ. */
function formatChanges(before: Block, after: Block): FormatChange[] {
  const perChar = (b: Block) => b.runs.flatMap((r) => [...r.text].map(() => r.marks));
  const ma = perChar(before);
  const mb = perChar(after);
  const chars = [...after.text];
  const out: FormatChange[] = [];
  const word = (m: string) => (m.startsWith('link:') ? 'link' : m);
  let cur: FormatChange | null = null;
  let curKey = '';
  chars.forEach((ch, i) => {
    const x = new Set((ma[i] ?? '').split(',').filter(Boolean));
    const y = new Set((mb[i] ?? '').split(',').filter(Boolean));
    const added = [...y].filter((m) => !x.has(m)).map(word);
    const removed = [...x].filter((m) => !y.has(m)).map(word);
    const key = `${added.join()}|${removed.join()}`;
    if (!added.length && !removed.length) {
      cur = null;
      curKey = '';
      return;
    }
    if (cur && curKey === key) cur.text += ch;
    else {
      cur = { text: ch, added, removed };
      curKey = key;
      out.push(cur);
    }
  });
  if (before.type !== after.type) out.unshift({ text: after.text, added: [after.type.replace(/^.*\//, '')], removed: [before.type.replace(/^.*\//, '')] });
  return out.map((c) => ({ ...c, text: c.text.trim() })).filter((c) => c.text || c.added.length || c.removed.length);
}

/** The blocks of `before` (a version) against `after` (the text now). */
export function diffBodies(before: PmNode, after: PmNode): DiffBlock[] {
  const a = blocksOf(before);
  const b = blocksOf(after);
  const pairs = align(a, b, (x, y) => x.key === y.key);
  const out: DiffBlock[] = [];
  const gap = (ra: Block[], rb: Block[]) => {
    // Pair a removed block with the next added one that reads alike: that is a change, not a swap.
    let k = 0;
    for (const x of ra) {
      const at = rb.findIndex((y, idx) => idx >= k && (x.text === y.text || similarity(x.text, y.text) >= 0.4));
      if (at < 0) {
        out.push({ kind: 'removed', text: x.text });
        continue;
      }
      for (; k < at; k++) out.push({ kind: 'added', text: rb[k]!.text });
      const y = rb[k++]!;
      if (x.text === y.text) out.push({ kind: 'changed', text: y.text, words: [{ kind: 'same', text: y.text }], format: formatChanges(x, y) });
      else out.push({ kind: 'changed', text: y.text, words: diffWords(x.text, y.text) });
    }
    for (; k < rb.length; k++) out.push({ kind: 'added', text: rb[k]!.text });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    gap(a.slice(i, pi), b.slice(j, pj));
    if (pi < a.length && pj < b.length) out.push({ kind: 'same', text: b[pj]!.text });
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

/** True when nothing differs, formatting included. */
export function isSame(blocks: DiffBlock[]): boolean {
  return blocks.every((b) => b.kind === 'same');
}
