/**
 * The public newsroom: what the office website links or embeds and a press-room PC reads, served
 * by the office server without a device token, because everything in it is already public.
 *
 *   GET /newsroom/<workspace>/rss.xml      RSS 2.0      (feed library: jpmonette/feed)
 *   GET /newsroom/<workspace>/atom.xml     Atom 1.0
 *   GET /newsroom/<workspace>/feed.json    JSON Feed 1
 *   GET /newsroom/<workspace>/agenda.ics   the public agenda (ical.js)
 *   GET /newsroom/<workspace>/rilis/<id>   a release as a plain HTML page with Open Graph tags
 *   GET /newsroom/<workspace>/foto/<sha256> a photo of a release in the feed (nothing else)
 *
 * Every answer is cut from the public-feed projection (server/public-feed.ts): published,
 * non-embargoed releases and press-open agenda items only, decided at request time with the
 * server's clock, so an embargo that passes shows without an edit and a withdrawn release is gone
 * at the next request. The built feed is reused while the log head stays (rechecked every few
 * seconds for embargoes that pass), and rendered documents while the visible items stay the same:
 * a request with no change since costs one head lookup.
 */
import type http from 'node:http';
import { Feed } from 'feed';
import ICAL from 'ical.js';
import { wallTimeOf } from '../../shared/agenda/zones';
import { NEWSROOM_PREFIX, newsroomReleaseUrl } from '../../shared/campaigns/newsroom';
import { formatLongDate, instantFromZoned } from '../../shared/format/dates';
import { bodyHtml, bodyPlainText, escapeHtml, photosOf, type PmNode } from '../../shared/releases/body-text';
import { BLOB_CHUNK_BYTES } from '../../shared/sync/protocol';
import type { FeedAgendaItem, FeedRelease, PublicFeed } from '../../shared/sync/public-feed';
import type { PublicFeeds } from '../public-feed';
import type { SyncStore } from '../store';
import { SyncHttpError } from '../http/errors';

const PATH = /^\/newsroom\/([A-Za-z0-9_-]{1,64})\/(rss\.xml|atom\.xml|feed\.json|agenda\.ics|rilis\/([A-Za-z0-9_-]{1,64})|foto\/([0-9a-f]{64}))$/;
/** Releases in the syndication feeds (readers poll; the archive is the office's). */
export const NEWSROOM_FEED_ITEMS = 50;
const SUMMARY_CHARS = 300;

type Kind = 'rss.xml' | 'atom.xml' | 'feed.json' | 'agenda.ics';
const TYPES: Record<Kind | 'html', string> = {
  'rss.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
  'agenda.ics': 'text/calendar; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * How long a built feed is reused while the log has not moved: only time-driven changes (an
 * embargo that passes, the agenda window sliding) wait this long; a new change (a withdrawal)
 * moves the head and is seen at the next request.
 */
export const NEWSROOM_RECHECK_MS = 5_000;

interface Entry {
  head: number;
  at: number;
  office: string;
  feed: PublicFeed;
  /** What is visible (ids and versions): rendered documents are kept while it stays the same. */
  key: string;
  docs: Map<string, string>;
}

export interface NewsroomRoutes {
  matches(path: string): boolean;
  handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function summaryOf(r: FeedRelease): string {
  const sub = str(r.fields.subtitle).trim();
  const text = bodyPlainText(r.body as PmNode).replace(/\s+/g, ' ').trim();
  const s = sub || text;
  return s.length <= SUMMARY_CHARS ? s : `${s.slice(0, s.lastIndexOf(' ', SUMMARY_CHARS) > 0 ? s.lastIndexOf(' ', SUMMARY_CHARS) : SUMMARY_CHARS)}…`;
}

function publishedOf(r: FeedRelease): Date {
  const p = Date.parse(str(r.fields.published_at));
  return new Date(Number.isFinite(p) ? p : Date.parse(r.updatedAt));
}

/** The first photo of a release (the Open Graph image and the feed enclosure). */
function leadPhoto(r: FeedRelease): { hash: string; caption: string; credit: string } | null {
  const p = photosOf(r.body as PmNode)[0];
  return p && r.photos.includes(p.hash) ? p : null;
}

function imageType(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xd8) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}

export function createNewsroom(store: SyncStore, feeds: PublicFeeds, baseUrl: () => string, now: () => number): NewsroomRoutes {
  const entries = new Map<string, Entry>();

  /** The workspace's public feed: rebuilt when the log moved or the recheck time passed; null for no such workspace. */
  async function current(ws: string): Promise<Entry | null> {
    const head = await store.head(ws);
    const at = now();
    const e = entries.get(ws);
    if (e && e.head === head && at - e.at < NEWSROOM_RECHECK_MS && at >= e.at) return e;
    const office = e?.office ?? (await store.workspace(ws))?.name;
    if (office === undefined) return null;
    const feed = await feeds.build(ws, { releases: true, agenda: true });
    const key = `${(feed.releases ?? []).map((r) => `${r.id}:${r.updatedAt}`).join(',')}|${(feed.agenda?.items ?? []).map((i) => i.key).join(',')}`;
    const next: Entry = { head, at, office, feed, key, docs: e?.key === key ? e.docs : new Map() };
    entries.set(ws, next);
    return next;
  }

  function urls(ws: string) {
    const root = `${baseUrl().replace(/\/$/, '')}${NEWSROOM_PREFIX}${ws}`;
    return { root, release: (id: string) => newsroomReleaseUrl(baseUrl(), ws, id), photo: (h: string) => `${root}/foto/${h}` };
  }

  function syndication(ws: string, office: string, feed: PublicFeed): Feed {
    const u = urls(ws);
    const releases = (feed.releases ?? []).slice(0, NEWSROOM_FEED_ITEMS);
    const f = new Feed({
      id: `${u.root}/`,
      title: `Siaran Pers — ${office}`,
      description: `Siaran pers yang telah diterbitkan ${office}.`,
      link: `${u.root}/`,
      language: 'id',
      updated: releases[0] ? publishedOf(releases[0]) : new Date(feed.at),
      generator: 'Warta',
      copyright: 'Siaran pers boleh dikutip dengan menyebut sumbernya.',
      feedLinks: { rss: `${u.root}/rss.xml`, atom: `${u.root}/atom.xml`, json: `${u.root}/feed.json` },
    });
    for (const r of releases) {
      const photo = leadPhoto(r);
      const html = bodyHtml(r.body as PmNode, (p) => (r.photos.includes(p.hash) ? u.photo(p.hash) : null));
      const writer = str(r.fields.writer).trim();
      f.addItem({
        id: u.release(r.id),
        guid: u.release(r.id),
        link: u.release(r.id),
        title: str(r.fields.title) || '(tanpa judul)',
        description: summaryOf(r),
        content: html,
        date: new Date(Date.parse(r.updatedAt)),
        published: publishedOf(r),
        ...(writer ? { author: [{ name: writer }] } : {}),
        ...(photo ? { image: u.photo(photo.hash) } : {}),
      });
    }
    return f;
  }

  function ics(office: string, feed: PublicFeed): string {
    const cal = new ICAL.Component(['vcalendar', [], []]);
    cal.addPropertyWithValue('prodid', '-//Warta//Agenda Publik//ID');
    cal.addPropertyWithValue('version', '2.0');
    cal.addPropertyWithValue('calscale', 'GREGORIAN');
    cal.addPropertyWithValue('method', 'PUBLISH');
    cal.addPropertyWithValue('x-wr-calname', `Agenda publik — ${office}`);
    const stamp = ICAL.Time.fromJSDate(new Date(feed.at), true);
    for (const it of feed.agenda?.items ?? []) cal.addSubcomponent(vevent(it, stamp));
    return cal.toString();
  }

  function vevent(it: FeedAgendaItem, stamp: ICAL.Time): ICAL.Component {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', `${it.key}@warta`);
    ev.addPropertyWithValue('dtstamp', stamp);
    const day = (ms: number) => {
      const w = wallTimeOf(ms, it.zone);
      return ICAL.Time.fromData({ year: w.year, month: w.month, day: w.day, isDate: true });
    };
    // Times in UTC: a reader anywhere shows them in its own zone; an all-day item is a date.
    ev.addPropertyWithValue('dtstart', it.allDay ? day(it.startMs) : ICAL.Time.fromJSDate(new Date(it.startMs), true));
    if (it.endMs !== null) ev.addPropertyWithValue('dtend', it.allDay ? day(it.endMs) : ICAL.Time.fromJSDate(new Date(it.endMs), true));
    ev.addPropertyWithValue('summary', it.title);
    if (it.placeName) ev.addPropertyWithValue('location', it.placeName);
    const lines = [it.representedBy ? `Diwakili: ${it.representedBy}` : '', it.dressCode ? `Pakaian: ${it.dressCode}` : '', it.usesPressRoom ? 'Di ruang pers' : ''].filter(Boolean);
    if (lines.length) ev.addPropertyWithValue('description', lines.join('\n'));
    ev.addPropertyWithValue('status', it.status === 'cancelled' ? 'CANCELLED' : it.status === 'tentative' ? 'TENTATIVE' : 'CONFIRMED');
    return ev;
  }

  function page(ws: string, office: string, r: FeedRelease): string {
    const u = urls(ws);
    const title = str(r.fields.title) || '(tanpa judul)';
    const photo = leadPhoto(r);
    const meta = [
      ['og:type', 'article'],
      ['og:title', title],
      ['og:description', summaryOf(r)],
      ['og:url', u.release(r.id)],
      ['og:locale', 'id_ID'],
      ['og:site_name', office],
      ['article:published_time', publishedOf(r).toISOString()],
      ...(photo ? [['og:image', u.photo(photo.hash)], ['og:image:alt', photo.caption]] : []),
    ]
      .map(([p, c]) => `<meta property="${p}" content="${escapeHtml(c ?? '')}">`)
      .join('\n');
    const sub = str(r.fields.subtitle);
    const city = str(r.fields.dateline_city);
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str(r.fields.release_date));
    // A date alone: noon in WIB names the same day in every Indonesian zone.
    const date = day ? formatLongDate(instantFromZoned({ year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), hour: 12, minute: 0 }, 'WIB'), 'WIB') : '';
    const byline = [city, date].filter(Boolean).join(', ');
    const body = bodyHtml(r.body as PmNode, (p) => (r.photos.includes(p.hash) ? u.photo(p.hash) : null));
    return `<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(office)}</title>
<meta name="description" content="${escapeHtml(summaryOf(r))}">
${meta}
<meta name="twitter:card" content="${photo ? 'summary_large_image' : 'summary'}">
<link rel="alternate" type="application/rss+xml" title="Siaran Pers" href="${escapeHtml(`${u.root}/rss.xml`)}">
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.6}img{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#444}</style>
</head><body><article>
<h1>${escapeHtml(title)}</h1>
${sub ? `<p><strong>${escapeHtml(sub)}</strong></p>` : ''}
${byline ? `<p><small>${escapeHtml(byline)}${r.fields.number ? ` · Nomor ${escapeHtml(str(r.fields.number))}` : ''}</small></p>` : ''}
${body}
</article>
<p><a href="${escapeHtml(`${u.root}/rss.xml`)}">RSS</a> · <a href="${escapeHtml(`${u.root}/atom.xml`)}">Atom</a> · <a href="${escapeHtml(`${u.root}/feed.json`)}">JSON Feed</a> · <a href="${escapeHtml(`${u.root}/agenda.ics`)}">Agenda (iCalendar)</a></p>
</body></html>
`;
  }

  /** A document from the cache, or rendered once per change of what is visible. */
  function cached(e: Entry, name: string, render: () => string): string {
    let doc = e.docs.get(name);
    if (doc === undefined) e.docs.set(name, (doc = render()));
    return doc;
  }

  function send(res: http.ServerResponse, type: string, text: string): void {
    res.writeHead(200, {
      'content-type': type,
      'content-length': Buffer.byteLength(text),
      // Readers poll; a minute's staleness is fine, and a withdrawal is seen within it.
      'cache-control': 'public, max-age=60',
      'x-content-type-options': 'nosniff',
      ...(type.startsWith('text/html') ? { 'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'" } : {}),
    });
    res.end(text);
  }

  return {
    matches: (p) => p.startsWith(NEWSROOM_PREFIX),
    async handle(req, res, p) {
      const m = PATH.exec(p);
      if (!m) throw new SyncHttpError(404, 'not_found', 'Halaman ruang berita tidak dikenal. (Unknown newsroom page.)');
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new SyncHttpError(405, 'bad_request', 'Ruang berita hanya dapat dibaca. (Read only.)');
      const ws = m[1] as string;
      const e = await current(ws);
      if (!e) throw new SyncHttpError(404, 'not_found', 'Ruang berita tidak ditemukan. (No such newsroom.)');
      const { feed, office } = e;
      const what = m[2] as string;
      if (m[3]) {
        const r = feed.releases?.find((x) => x.id === m[3]);
        // Never published, embargoed or withdrawn: all look the same from outside.
        if (!r) throw new SyncHttpError(404, 'not_found', 'Siaran pers ini tidak ada atau belum/tidak lagi terbit. (Release not public.)');
        return send(res, TYPES.html, cached(e, `rilis/${r.id}`, () => page(ws, office, r)));
      }
      if (m[4]) return sendPhoto(res, ws, feed, m[4]);
      const kind = what as Kind;
      const text = cached(e, kind, () => {
        if (kind === 'agenda.ics') return ics(office, feed);
        const f = syndication(ws, office, feed);
        return kind === 'rss.xml' ? f.rss2() : kind === 'atom.xml' ? f.atom1() : f.json1();
      });
      return send(res, TYPES[kind], text);
    },
  };

  async function sendPhoto(res: http.ServerResponse, ws: string, feed: PublicFeed, hash: string): Promise<void> {
    // Only a photo of a release that is public now: a hash alone opens nothing else in the store.
    if (!(feed.releases ?? []).some((r) => r.photos.includes(hash))) throw new SyncHttpError(404, 'not_found', 'Foto tidak ada di ruang berita. (Photo not public.)');
    const st = await store.blobStatus(ws, hash);
    if (!st.complete || st.size === null) throw new SyncHttpError(404, 'not_found', 'Foto belum sampai di server. (Photo not uploaded yet.)');
    const head = (await store.readBlob(ws, hash, 0, Math.min(16, st.size))) ?? Buffer.alloc(0);
    res.writeHead(200, { 'content-type': imageType(head), 'content-length': st.size, 'cache-control': 'public, max-age=86400, immutable', 'x-content-type-options': 'nosniff' });
    for (let off = 0; off < st.size; off += 4 * BLOB_CHUNK_BYTES) {
      const chunk = await store.readBlob(ws, hash, off, Math.min(4 * BLOB_CHUNK_BYTES, st.size - off));
      if (!chunk) return void res.destroy();
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  }
}
