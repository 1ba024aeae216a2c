/**
 * The body of a release: Yjs updates stored one per row in the replicated, insert-only
 * `release_body_updates`; merged with `Y.applyUpdate` (order-independent, idempotent), so
 * edits made on two devices offline both survive a sync. The local-only `release_body_cache`
 * holds the compacted state and what is derived from it; opening a release applies only the
 * update rows that arrived after the cache was written (their local rowid is higher).
 *
 * The FTS index and the cache catch up from the change log (`catchUp`): whatever wrote the
 * rows (our handlers, a peer's changes via `applyChanges`), the next read brings them up to date.
 */
import { mergeBody } from '../../../../shared/releases/body-merge';
import type { PmNode } from '../../../../shared/releases/body-text';
import type { Db } from '../../db/open-database';
import { BatchSizer, yieldToEventLoop } from '../../time-slice';

export interface BodyState {
  state: Uint8Array;
  updateCount: number;
  docJson: PmNode;
  text: string;
  wordCount: number;
}

interface CacheRow {
  state: Buffer;
  merged_rowid: number;
  update_count: number;
  doc_json: string;
  body_text: string;
  word_count: number;
}

/** Loads the body, merging update rows newer than the cache, and refreshes the cache when it moved. */
export function loadBody(db: Db, releaseId: string): BodyState {
  const cache = db.prepare('SELECT * FROM release_body_cache WHERE release_id = ?').get(releaseId) as CacheRow | undefined;
  const fresh = db
    .prepare('SELECT rowid, update_b64 FROM release_body_updates WHERE release_id = ? AND rowid > ? AND deleted_at IS NULL ORDER BY rowid')
    .all(releaseId, cache?.merged_rowid ?? 0) as { rowid: number; update_b64: string | null }[];
  if (cache && fresh.length === 0) {
    return { state: cache.state, updateCount: cache.update_count, docJson: JSON.parse(cache.doc_json) as PmNode, text: cache.body_text, wordCount: cache.word_count };
  }
  const { state: compact, docJson, text, wordCount } = mergeBody(
    cache?.state ?? null,
    fresh.flatMap((r) => (r.update_b64 ? [Buffer.from(r.update_b64, 'base64')] : [])),
  );
  const updateCount = (cache?.update_count ?? 0) + fresh.length;
  const mergedRowid = fresh.length ? (fresh[fresh.length - 1] as { rowid: number }).rowid : (cache?.merged_rowid ?? 0);
  db.prepare(
    `INSERT INTO release_body_cache (release_id, state, merged_rowid, update_count, doc_json, body_text, word_count)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (release_id) DO UPDATE SET state = excluded.state, merged_rowid = excluded.merged_rowid,
       update_count = excluded.update_count, doc_json = excluded.doc_json, body_text = excluded.body_text, word_count = excluded.word_count`,
  ).run(releaseId, Buffer.from(compact), mergedRowid, updateCount, JSON.stringify(docJson), text, wordCount);
  return { state: compact, updateCount, docJson, text, wordCount };
}

interface IndexRow {
  id: string;
  title: string | null;
  subtitle: string | null;
  quotes: string | null;
  tags: string | null;
  release_date: string | null;
  deleted_at: string | null;
}

/**
 * The FTS rowid of a release: its date in days times 10^7 plus its local rowid, so that the
 * index walks releases newest first and a search with LIMIT stops early instead of sorting
 * every match. The rowid in use is kept in `release_index_state` (key `fts:<id>`), so a
 * re-index deletes by rowid rather than scanning the index for the release id.
 */
function ftsRowid(db: Db, releaseId: string, releaseDate: string | null): number {
  const local = db.prepare('SELECT rowid FROM releases WHERE id = ?').get(releaseId) as { rowid: number };
  return ftsRowidFloor(releaseDate) + (local.rowid % 10_000_000);
}

/** The smallest FTS rowid of a date ('YYYY-MM-DD'); an unreadable date sorts first. */
export function ftsRowidFloor(date: string | null): number {
  const days = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000) : 0;
  return Math.max(0, Number.isFinite(days) ? days : 0) * 10_000_000;
}

/** Rewrites the FTS row of one release from its fields and body. */
export function reindex(db: Db, releaseId: string): void {
  const key = `fts:${releaseId}`;
  const old = db.prepare('SELECT value FROM release_index_state WHERE key = ?').get(key) as { value: number } | undefined;
  if (old) {
    db.prepare('DELETE FROM release_fts WHERE rowid = ?').run(old.value);
    db.prepare('DELETE FROM release_index_state WHERE key = ?').run(key);
  }
  const r = db.prepare('SELECT id, title, subtitle, quotes, tags, release_date, deleted_at FROM releases WHERE id = ?').get(releaseId) as IndexRow | undefined;
  if (!r || r.deleted_at) return;
  const body = loadBody(db, releaseId);
  const quotes = r.quotes ? (JSON.parse(r.quotes) as { text?: string; speaker?: string }[]).map((q) => `${q.text ?? ''} ${q.speaker ?? ''}`).join('\n') : '';
  const tags = r.tags ? (JSON.parse(r.tags) as string[]).join(' ') : '';
  const rowid = ftsRowid(db, releaseId, r.release_date);
  db.prepare('INSERT INTO release_fts (rowid, release_id, title, subtitle, body, quotes, tags) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    rowid,
    releaseId,
    r.title ?? '',
    r.subtitle ?? '',
    body.text,
    quotes,
    tags,
  );
  db.prepare('INSERT INTO release_index_state (key, value) VALUES (?, ?)').run(key, rowid);
}

/**
 * Brings the body cache and the FTS index up to the change log: releases whose row or body
 * changed since the last catch-up are re-read. Cheap when nothing changed (one indexed max()).
 */
export function catchUp(db: Db): number {
  const seen = indexedSeq(db);
  const head = (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM change_log').get() as { s: number }).s;
  if (head <= seen) return 0;
  const ids = changedReleases(db, db.prepare('SELECT changes FROM change_log WHERE seq > ? ORDER BY seq').all(seen) as { changes: string }[]);
  db.transaction(() => {
    for (const id of ids) reindex(db, id);
    markIndexed(db, head);
  })();
  return ids.size;
}

/**
 * The same catch-up in the background, one change-log entry at a time and its releases in
 * transactions of about a slice, with the event loop free in between (features/releases/
 * index-catch-up.ts). Without it the first read after a large pull re-read every pulled release
 * in one stretch: 5,000 releases held the core's thread for seconds. Resolves when up to date.
 */
export async function catchUpInSlices(db: Db, stopped: () => boolean): Promise<void> {
  const sizer = new BatchSizer(2, 200, 1);
  for (;;) {
    if (stopped()) return;
    const row = db.prepare('SELECT seq, changes FROM change_log WHERE seq > ? ORDER BY seq LIMIT 1').get(indexedSeq(db)) as { seq: number; changes: string } | undefined;
    if (!row) return;
    const ids = [...changedReleases(db, [row])];
    for (let i = 0; i < ids.length || i === 0; ) {
      const n = sizer.next;
      const batch = ids.slice(i, i + n);
      i += Math.max(n, 1);
      const last = i >= ids.length;
      sizer.run(batch.length, () =>
        db.transaction(() => {
          for (const id of batch) reindex(db, id);
          // The entry counts as indexed once all of its releases are; a read meanwhile redoes at most this entry.
          if (last) markIndexed(db, row.seq);
        })(),
      );
      await yieldToEventLoop();
      if (stopped()) return;
    }
  }
}

function indexedSeq(db: Db): number {
  return (db.prepare("SELECT value FROM release_index_state WHERE key = 'log_seq'").get() as { value: number } | undefined)?.value ?? 0;
}

function markIndexed(db: Db, seq: number): void {
  db.prepare("INSERT INTO release_index_state (key, value) VALUES ('log_seq', ?) ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)").run(seq);
}

/** The releases touched by change-log entries: their own rows and their body updates. */
function changedReleases(db: Db, rows: { changes: string }[]): Set<string> {
  const ids = new Set<string>();
  const updateIds: string[] = [];
  for (const row of rows) {
    for (const [, table, rowId] of JSON.parse(row.changes) as [string, string, string][]) {
      if (table === 'releases') ids.add(rowId);
      else if (table === 'release_body_updates') updateIds.push(rowId);
    }
  }
  const releaseOf = db.prepare('SELECT release_id FROM release_body_updates WHERE id = ?');
  for (const u of updateIds) {
    const r = releaseOf.get(u) as { release_id: string | null } | undefined;
    if (r?.release_id) ids.add(r.release_id);
  }
  return ids;
}
