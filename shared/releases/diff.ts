/**
 * Compares two texts paragraph by paragraph (longest common subsequence), for "compare a
 * past version with the current text". Paragraphs are what writers and editors think in;
 * a word-level diff of a 10,000-word release would be both slow and unreadable.
 */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export function diffParagraphs(before: string, after: string): DiffPart[] {
  const a = before.split(/\n{2,}/).map((s) => s.trim()).filter(Boolean);
  const b = after.split(/\n{2,}/).map((s) => s.trim()).filter(Boolean);
  // Trim the common head and tail first: most edits touch few paragraphs.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ma = a.slice(head, a.length - tail);
  const mb = b.slice(head, b.length - tail);
  const n = ma.length;
  const m = mb.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = ma[i] === mb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffPart[] = a.slice(0, head).map((text) => ({ kind: 'same', text }));
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ma[i] === mb[j]) {
      out.push({ kind: 'same', text: ma[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: 'removed', text: ma[i++]! });
    else out.push({ kind: 'added', text: mb[j++]! });
  }
  while (i < n) out.push({ kind: 'removed', text: ma[i++]! });
  while (j < m) out.push({ kind: 'added', text: mb[j++]! });
  for (const text of a.slice(a.length - tail)) out.push({ kind: 'same', text });
  return out;
}
