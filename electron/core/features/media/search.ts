import type { SearchHit } from '../../../../shared/media/types';
import { fold } from '../../../../shared/media/vocabulary';
import type { Db } from '../../db/open-database';
import type { HandlerGroup } from '../../rpc/handler-types';

type Kind = 'outlet' | 'journalist';

function trigrams(text: string): Set<string> {
  const t = ` ${fold(text)} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

/**
 * Outlets and people matching `query`: every word as a prefix (FTS5, so "suka pos" finds
 * "Harian Sukamaju Pos"); when that finds nothing, each word is matched against the index's
 * own words with at most one slip (a letter missing, extra, wrong or two swapped; two slips
 * in words of eight letters or more), which is what catches a typo in a short name ("Snta"
 * finds Sinta: the trigram overlap of five-letter words is too small to tell); then names
 * sharing enough trigrams with the query (the trigram index) for longer, messier typos.
 */
type Stmt = { all(...params: unknown[]): unknown[] };
const statements = new WeakMap<Db, Map<string, Stmt>>();
function prepared(db: Db, sql: string): Stmt {
  let map = statements.get(db);
  if (!map) {
    statements.set(db, (map = new Map()));
    // Per connection, not in the schema: the trigram index's term statistics.
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.media_tri_vocab USING fts5vocab(main, 'media_tri', 'row')");
    // The words of names and details, for matching a word typed with a slip.
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.media_fts_vocab USING fts5vocab(main, 'media_fts', 'row')");
  }
  let stmt = map.get(sql);
  if (!stmt) map.set(sql, (stmt = db.prepare(sql) as unknown as Stmt));
  return stmt;
}

export function search(db: Db, query: string, limit: number, kind?: Kind): { id: string; kind: Kind; name: string; fuzzy: boolean }[] {
  const words = fold(query).split(' ').filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  const kindSql = kind ? 'AND d.kind = ?' : '';
  const kindArgs = kind ? [kind] : [];
  const match = words.map((w) => `"${w}"*`).join(' ');
  const prefix = prepared(
    db,
    `SELECT d.ref_id AS id, d.kind AS kind, f.name AS name FROM media_fts f JOIN media_search_doc d ON d.docid = f.rowid
       WHERE media_fts MATCH ? ${kindSql} ORDER BY bm25(media_fts, 4.0, 1.0) LIMIT ?`,
  ).all(match, ...kindArgs, limit) as { id: string; kind: Kind; name: string }[];
  const hits = prefix.map((h) => ({ ...h, fuzzy: false }));
  const joined = words.join(' ');
  // The typo paths run only when the words as typed find nothing: then they were mistyped.
  if (hits.length > 0) return hits;
  const slips = bySlips(db, words, limit, kindSql, kindArgs);
  if (slips.length > 0 || joined.length < 4) return slips;

  // The rarest trigrams of the query (by how many names hold them) pick the candidates: few,
  // telling postings instead of every name sharing "an " or "su".
  const all = [...trigrams(joined)].filter((g) => g.trim().length === 3);
  if (all.length === 0) return hits;
  const counts = new Map<string, number>();
  const vocab = prepared(db, "SELECT term, doc FROM temp.media_tri_vocab WHERE term IN (SELECT value FROM json_each(?))").all(JSON.stringify(all)) as { term: string; doc: number }[];
  for (const v of vocab) counts.set(v.term, v.doc);
  const grams = all.filter((g) => counts.has(g)).sort((a, b) => (counts.get(a) as number) - (counts.get(b) as number)).slice(0, 8);
  if (grams.length === 0) return hits;
  const seen = new Set(hits.map((h) => h.id));
  const candidates = prepared(
    db,
    `SELECT d.ref_id AS id, d.kind AS kind, t.name AS name FROM media_tri t JOIN media_search_doc d ON d.docid = t.rowid
       WHERE media_tri MATCH ? ${kindSql} ORDER BY bm25(media_tri) LIMIT 40`,
  ).all(grams.map((g) => `"${g.replace(/"/g, '""')}"`).join(' OR '), ...kindArgs) as { id: string; kind: Kind; name: string }[];
  const q = trigrams(joined);
  const scored = candidates
    .filter((c) => !seen.has(c.id))
    .map((c) => {
      // Compare with the best-matching stretch of the name: the query may be one word of it.
      const words = fold(c.name).split(' ');
      let best = 0;
      for (let start = 0; start < words.length; start++) {
        for (let end = start + 1; end <= words.length; end++) {
          const g = trigrams(words.slice(start, end).join(' '));
          let common = 0;
          for (const x of q) if (g.has(x)) common += 1;
          best = Math.max(best, (2 * common) / (q.size + g.size));
        }
      }
      return { c, score: best };
    })
    .filter((s) => s.score >= 0.45)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit - hits.length);
  return [...hits, ...scored.map((s) => ({ ...s.c, fuzzy: true }))];
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without reuse), stopping once it
 * passes `max`; `prefix` measures against the best prefix of `b` (a word still being typed).
 */
export function slipDistance(a: string, b: string, max: number, prefix = false): number {
  const n = a.length;
  const m = b.length;
  if (!prefix && Math.abs(n - m) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prefix ? Math.min(...prev) : prev[m]!;
}

/** Slips allowed in a word of this length: none below three letters, two from eight. */
const allowed = (len: number) => (len < 3 ? 0 : len < 8 ? 1 : 2);

function bySlips(db: Db, words: string[], limit: number, kindSql: string, kindArgs: string[]): { id: string; kind: Kind; name: string; fuzzy: boolean }[] {
  const vocab = (prepared(db, 'SELECT term FROM temp.media_fts_vocab').all() as { term: string }[]).map((r) => r.term);
  const alternatives: string[][] = [];
  for (const w of words) {
    const max = allowed(w.length);
    // A word that is already a prefix of the index's words stays as typed.
    if (vocab.some((t) => t.startsWith(w))) {
      alternatives.push([`"${w}"*`]);
      continue;
    }
    if (max === 0) return [];
    const close = vocab.filter((t) => {
      // A slip in the first letter of a short word finds too much; longer words may have it.
      if (w.length < 5 && t[0] !== w[0]) return false;
      if (Math.abs(t.length - w.length) <= max && slipDistance(w, t, max) <= max) return true;
      return w.length >= 5 && t.length > w.length && slipDistance(w, t, max, true) <= max;
    });
    if (close.length === 0) return [];
    alternatives.push(close.slice(0, 20).map((t) => `"${t.replace(/"/g, '""')}"`));
  }
  const match = alternatives.map((a) => (a.length > 1 ? `(${a.join(' OR ')})` : a[0])).join(' AND ');
  return (
    prepared(
      db,
      `SELECT d.ref_id AS id, d.kind AS kind, f.name AS name FROM media_fts f JOIN media_search_doc d ON d.docid = f.rowid
         WHERE media_fts MATCH ? ${kindSql} ORDER BY bm25(media_fts, 4.0, 1.0) LIMIT ?`,
    ).all(match, ...kindArgs, limit) as { id: string; kind: Kind; name: string }[]
  ).map((h) => ({ ...h, fuzzy: true }));
}

export function searchIds(db: Db, query: string, kind: Kind, limit: number): string[] {
  return search(db, query, limit, kind).map((h) => h.id);
}

export const searchHandlers: HandlerGroup<'media.search'> = {
  'media.search': (input, ctx): SearchHit[] => {
    const hits = search(ctx.db, input.query, input.limit);
    const outlet = ctx.db.prepare('SELECT region FROM media_outlet WHERE id = ?');
    const person = ctx.db.prepare('SELECT o.name AS outlet FROM media_journalist j LEFT JOIN media_outlet o ON o.id = j.outlet_id WHERE j.id = ?');
    return hits.map((h) => ({
      ...h,
      detail:
        h.kind === 'outlet'
          ? ((outlet.get(h.id) as { region: string | null } | undefined)?.region ?? '')
          : ((person.get(h.id) as { outlet: string | null } | undefined)?.outlet ?? ''),
    }));
  },
};
