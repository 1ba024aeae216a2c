/**
 * A search box's text as an FTS5 MATCH expression for the local indexes (migration 0017): each
 * word a quoted prefix ("lampu"* "jal"*), all of them required. Only runs of letters, marks and
 * digits become words, so what FTS5 would read as syntax (quotes, *, parentheses, AND, OR, NOT,
 * NEAR, column filters) is matched as plain text or dropped, and a query never throws.
 */

/** More words than this add nothing a person would type; the rest are ignored. */
const MAX_WORDS = 12;
/** A longer run (a pasted hash, a URL's tail) is cut: the prefix still finds it. */
const MAX_WORD = 64;

/** The expression, or null when the text holds no word at all (only punctuation or spaces). */
export function matchExpression(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  // Inside double quotes FTS5 reads no operator; the tokenizer folds case and diacritics.
  return words
    .slice(0, MAX_WORDS)
    .map((w) => `"${w.slice(0, MAX_WORD)}"*`)
    .join(' ');
}

/**
 * SQL (with its argument) for "this row is among the matches of `text` in `fts`", the index of
 * the caller's table by rowid (migration 0017); `rowid` names that table's rowid in the caller's
 * query. Text with no word matches nothing.
 */
export function matchClause(fts: string, rowid: string, text: string): { sql: string; args: unknown[] } {
  const expression = matchExpression(text);
  if (expression === null) return { sql: '0', args: [] };
  return { sql: `${rowid} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`, args: [expression] };
}
