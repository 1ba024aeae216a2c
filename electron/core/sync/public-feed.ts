/**
 * The press-room feed on the device (shared/sync/public-feed.ts says why a feed): fetched after
 * each sync cycle by a device whose role reads only public items, checked whole, and stored in
 * local tables that replace their content in one transaction. A malformed feed is refused with
 * a typed error and the previous one stays; so does a server that cannot be reached.
 *
 * The tables are local, never replicated, and created here idempotently like the other sync
 * tables (local-tables.ts) rather than by a numbered migration: they belong to this machine,
 * nothing replicated depends on them, and an older database simply gains them on first use.
 */
import crypto from 'node:crypto';
import { permissionsOf, type Role } from '../../../shared/contract/permissions';
import { bodyPlainText, type PmNode } from '../../../shared/releases/body-text';
import { countWords } from '../../../shared/releases/model';
import { MAX_BLOB_BYTES } from '../../../shared/sync/protocol';
import { MAX_FEED_BYTES, PUBLIC_RELEASE_FIELDS, publicFeedSchema, type PublicFeed } from '../../../shared/sync/public-feed';
import { checkFieldValue, fieldSpec, REPLICATED_TABLES } from '../../../shared/sync/replicated-tables';
import { toSql } from '../../../shared/sync/row-codec';
import type { Db } from '../db/open-database';
import { bodySchema } from '../../../shared/releases/body-merge';
import type { BlobStore } from '../data/blob-store';
import { SyncRequestError, type SyncClient } from './client';
import type { SyncState } from './local-tables';

const CHUNK = 512 * 1024;
/** Every column a `releases` row has, so a feed row reads like one (fieldsOf, exports). */
const RELEASE_COLUMNS = [...Object.keys(REPLICATED_TABLES.releases.fields), 'created_at', 'updated_at', 'deleted_at'];
const PUBLIC = new Set<string>(PUBLIC_RELEASE_FIELDS);
const ready = new WeakSet<Db>();

export function ensurePublicFeedTables(db: Db): void {
  if (ready.has(db)) return;
  db.exec(`
    CREATE TABLE IF NOT EXISTS public_feed_releases (
      id TEXT PRIMARY KEY, ${RELEASE_COLUMNS.filter((c) => c !== 'updated_at').join(', ')}, updated_at TEXT NOT NULL,
      body_json TEXT NOT NULL, body_text TEXT NOT NULL, word_count INTEGER NOT NULL, photos TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS public_feed_fts USING fts5(
      release_id UNINDEXED, title, subtitle, body, quotes, tags, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    CREATE TABLE IF NOT EXISTS public_feed_agenda (key TEXT PRIMARY KEY, start_ms INTEGER NOT NULL, end_ms INTEGER, item TEXT NOT NULL);
  `);
  ready.add(db);
}

/** Which parts of the feed a role needs: those it may read publicly but does not receive whole by pull. */
export function feedPartsFor(role: Role | null): { releases: boolean; agenda: boolean } {
  const perms = permissionsOf([role ?? 'guest']);
  return {
    releases: perms.has('releases.read.public') && !perms.has('releases.read'),
    agenda: perms.has('agenda.read.public') && !perms.has('agenda.read'),
  };
}

const refuse = (why: string) =>
  new SyncRequestError('bad_response', `Umpan ruang pers dari server tidak sah (${why}) dan ditolak; umpan terakhir tetap dipakai.`, null);

interface CheckedRelease {
  id: string;
  updatedAt: string;
  columns: Record<string, string | number | null>;
  bodyJson: string;
  text: string;
  words: number;
  photos: string[];
  quotes: string;
  tags: string;
}

/** Checks a feed whole; throws `bad_response` (typed) at the first thing that is not as promised. */
export function checkFeed(raw: unknown): { feed: PublicFeed; releases: CheckedRelease[] | null } {
  const parsed = publicFeedSchema.safeParse(raw);
  if (!parsed.success) throw refuse(parsed.error.issues.slice(0, 2).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const feed = parsed.data;
  const releases = feed.releases?.map((r): CheckedRelease => {
    const columns: Record<string, string | number | null> = {};
    for (const [k, v] of Object.entries(r.fields)) {
      const spec = fieldSpec('releases', k);
      if (!PUBLIC.has(k) || !spec) throw refuse(`kolom ${k} bukan kolom publik`);
      const problem = checkFieldValue(spec, v);
      if (problem) throw refuse(`${k}: ${problem}`);
      columns[k] = toSql(spec, v as never);
    }
    // Never a draft, whatever the server says: the kiosk also re-checks the embargo on read.
    if (columns.status !== 'published') throw refuse(`rilis ${r.id} belum terbit`);
    try {
      bodySchema().nodeFromJSON(r.body).check();
    } catch {
      throw refuse(`isi rilis ${r.id} tidak sesuai skema`);
    }
    const text = bodyPlainText(r.body as PmNode);
    const quotes = Array.isArray(r.fields.quotes) ? (r.fields.quotes as { text?: string; speaker?: string }[]).map((q) => `${q?.text ?? ''} ${q?.speaker ?? ''}`).join('\n') : '';
    const tags = Array.isArray(r.fields.tags) ? r.fields.tags.join(' ') : '';
    return { id: r.id, updatedAt: r.updatedAt, columns, bodyJson: JSON.stringify(r.body), text, words: countWords(text), photos: r.photos, quotes, tags };
  });
  return { feed, releases: releases ?? null };
}

/** Replaces the stored feed by a checked one, in one transaction; parts the role does not need are emptied. */
export function storeFeed(db: Db, checked: ReturnType<typeof checkFeed>, parts: { releases: boolean; agenda: boolean }): void {
  ensurePublicFeedTables(db);
  const cols = ['id', ...PUBLIC_RELEASE_FIELDS, 'updated_at', 'body_json', 'body_text', 'word_count', 'photos'];
  const insertRelease = db.prepare(`INSERT INTO public_feed_releases (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  const insertFts = db.prepare('INSERT INTO public_feed_fts (release_id, title, subtitle, body, quotes, tags) VALUES (?, ?, ?, ?, ?, ?)');
  const insertItem = db.prepare('INSERT OR REPLACE INTO public_feed_agenda (key, start_ms, end_ms, item) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    db.exec('DELETE FROM public_feed_releases; DELETE FROM public_feed_fts;');
    if (parts.releases)
      for (const r of checked.releases ?? []) {
        insertRelease.run(r.id, ...PUBLIC_RELEASE_FIELDS.map((f) => r.columns[f] ?? null), r.updatedAt, r.bodyJson, r.text, r.words, JSON.stringify(r.photos));
        insertFts.run(r.id, r.columns.title ?? '', r.columns.subtitle ?? '', r.text, r.quotes, r.tags);
      }
    db.exec('DELETE FROM public_feed_agenda');
    if (parts.agenda) for (const i of checked.feed.agenda?.items ?? []) insertItem.run(i.key, i.startMs, i.endMs, JSON.stringify(i));
  })();
}

/** Empties the feed (the device now receives everything by pull, or left sync); true when there was one. */
export function clearFeed(db: Db): boolean {
  ensurePublicFeedTables(db);
  const had = db.prepare('SELECT (SELECT count(*) FROM public_feed_releases) + (SELECT count(*) FROM public_feed_agenda) AS n').get() as { n: number };
  if (had.n === 0) return false;
  storeFeed(db, { feed: { version: 1, at: 0, head: 0, releases: [], agenda: null }, releases: [] }, { releases: false, agenda: false });
  return true;
}

/** Fetches the photos the feed names that this computer lacks; what fails is fetched next time. */
async function fetchPhotos(db: Db, client: SyncClient, blobs: BlobStore): Promise<number> {
  const wanted = new Set<string>();
  for (const r of db.prepare('SELECT photos FROM public_feed_releases').pluck().all() as string[]) for (const h of JSON.parse(r) as string[]) if (!blobs.has(h)) wanted.add(h);
  let missing = 0;
  for (const hash of wanted) {
    try {
      const st = await client.blobStatus(hash);
      if (!st.complete || st.size === null || st.size > MAX_BLOB_BYTES) {
        missing += 1;
        continue;
      }
      const parts: Buffer[] = [];
      for (let offset = 0; offset < st.size; offset += CHUNK) parts.push(await client.getBlobChunk(hash, offset, CHUNK));
      const data = Buffer.concat(parts);
      if (crypto.createHash('sha256').update(data).digest('hex') === hash) blobs.put(data);
      else missing += 1;
    } catch {
      missing += 1;
    }
  }
  return missing;
}

/**
 * One refresh: fetch, check, store when it changed, fetch photos. Returns whether the stored
 * feed changed (the caller announces it). Throws SyncRequestError; the stored feed stays then.
 */
export async function refreshFeed(db: Db, state: SyncState, client: SyncClient, blobs: BlobStore, role: Role | null): Promise<boolean> {
  const parts = feedPartsFor(role);
  if (!parts.releases && !parts.agenda) {
    state.set('public_feed_digest', null);
    return clearFeed(db);
  }
  const checked = checkFeed(await client.publicFeed(MAX_FEED_BYTES));
  // Only what the kiosk shows decides whether anything changed (not the time it was computed).
  const digest = crypto
    .createHash('sha256')
    .update(JSON.stringify([parts, checked.feed.releases, checked.feed.agenda?.items ?? null]))
    .digest('hex');
  const changed = digest !== state.get('public_feed_digest');
  if (changed) {
    storeFeed(db, checked, parts);
    state.set('public_feed_digest', digest);
  }
  state.set('public_feed_at', new Date(checked.feed.at).toISOString());
  await fetchPhotos(db, client, blobs);
  return changed;
}
