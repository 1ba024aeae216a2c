/**
 * What journalists and guests (no `releases.read`) read: this device's own public releases plus
 * the office's public feed, which a press-room device receives from the sync server
 * (electron/core/sync/public-feed.ts). A feed row has the columns of a `releases` row, so the
 * list, the detail and the exports read it the same way. The embargo is checked again on read
 * with this computer's clock, as for local rows; where an id is in both, the feed (the office's
 * current state) wins.
 */
import * as Y from 'yjs';
import type { MethodParsedInput } from '../../../../shared/contract/methods';
import type { PmNode } from '../../../../shared/releases/body-text';
import { isPublic } from '../../../../shared/releases/embargo';
import type { ReleaseSummary } from '../../../../shared/releases/model';
import { REPLICATED_TABLES } from '../../../../shared/sync/replicated-tables';
import { ensurePublicFeedTables } from '../../sync/public-feed';
import type { CoreContext } from '../../rpc/handler-types';
import { docFromJson } from '../../../../shared/releases/body-merge';
import type { BodyState } from './body-store';
import { COUNT_CAP, listFilters, summaryOf, type ListRow } from './handlers';
import type { ReleaseRow } from './rows';

const COLUMNS = ['id', ...Object.keys(REPLICATED_TABLES.releases.fields), 'created_at', 'updated_at', 'deleted_at'].join(', ');
const VISIBLE = "status = 'published' AND (urgency IS NOT 'embargo' OR embargo_at IS NULL OR embargo_at <= ?)";

/** A feed release this caller may see now, as a `releases` row and its body; null when there is none. */
export function feedSource(ctx: CoreContext, id: string): { row: ReleaseRow; body: BodyState } | null {
  ensurePublicFeedTables(ctx.db);
  const r = ctx.db.prepare('SELECT * FROM public_feed_releases WHERE id = ?').get(id) as (ReleaseRow & { body_json: string; body_text: string; word_count: number }) | undefined;
  if (!r || !isPublic({ status: r.status, urgency: r.urgency, embargoAt: r.embargo_at }, ctx.now())) return null;
  const docJson = JSON.parse(r.body_json) as PmNode;
  const doc = docFromJson(docJson);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { row: r, body: { state, updateCount: 0, docJson, text: r.body_text, wordCount: r.word_count } };
}

/** Whether a release in the feed that the caller may see now carries this photo. */
export function feedHasPhoto(ctx: CoreContext, hash: string): boolean {
  ensurePublicFeedTables(ctx.db);
  return ctx.db.prepare(`SELECT 1 FROM public_feed_releases, json_each(photos) p WHERE p.value = ? AND ${VISIBLE} LIMIT 1`).get(hash, new Date(ctx.now()).toISOString()) !== undefined;
}

/** `releases.list` for public callers: local public rows and feed rows, newest first. */
export function listPublic(ctx: CoreContext, input: MethodParsedInput<'releases.list'>, fts: string | null): { items: ReleaseSummary[]; total: number; capped: boolean } {
  ensurePublicFeedTables(ctx.db);
  const now = new Date(ctx.now()).toISOString();
  // Both sources as one set of rows, tagged by origin so a search hit joins its own row.
  const source = `(SELECT ${COLUMNS}, 'local' AS origin FROM releases WHERE deleted_at IS NULL AND ${VISIBLE} AND id NOT IN (SELECT id FROM public_feed_releases)
    UNION ALL SELECT ${COLUMNS}, 'feed' AS origin FROM public_feed_releases WHERE ${VISIBLE})`;
  const where: string[] = [];
  const args: unknown[] = [now, now];
  listFilters(input, where, args);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  let from = `FROM ${source} r LEFT JOIN opd o ON o.id = r.opd_id`;
  let snippet = 'NULL AS snippet';
  if (fts) {
    const hits = `(SELECT release_id, 'local' AS origin, snippet(release_fts, 3, '«', '»', '…', 12) AS snip FROM release_fts WHERE release_fts MATCH ?
      UNION ALL SELECT release_id, 'feed' AS origin, snippet(public_feed_fts, 3, '«', '»', '…', 12) AS snip FROM public_feed_fts WHERE public_feed_fts MATCH ?)`;
    from = `FROM ${hits} m JOIN ${source} r ON r.id = m.release_id AND r.origin = m.origin LEFT JOIN opd o ON o.id = r.opd_id`;
    snippet = 'm.snip AS snippet';
    args.unshift(fts, fts);
  }
  let total = (ctx.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${from} ${cond} LIMIT ${COUNT_CAP + 1})`).get(...args) as { n: number }).n;
  const capped = total > COUNT_CAP;
  if (capped) total = COUNT_CAP;
  const rows = ctx.db
    .prepare(`SELECT r.*, o.name AS opd_name, 0 AS conflict, ${snippet} ${from} ${cond} ORDER BY r.release_date DESC, r.id DESC LIMIT ? OFFSET ?`)
    .all(...args, input.limit, input.offset) as ListRow[];
  const at = ctx.now();
  return { items: rows.map((r) => summaryOf(r, at)), total, capped };
}
