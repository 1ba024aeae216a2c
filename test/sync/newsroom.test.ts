/**
 * The public newsroom end to end: a staff device publishes through a real server on 127.0.0.1
 * (SQLite store), and a reader without any token fetches RSS, Atom, JSON Feed, iCalendar and a
 * release's HTML page. RSS and Atom are parsed back by rss-parser, the JSON Feed checked against
 * the JSON Feed 1.1 schema (ajv), the iCalendar feed by ical.js; drafts, embargoed and withdrawn
 * releases and closed agenda items are absent; an embargo that passes shows without an edit.
 */
import Ajv from 'ajv';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../support/fake-clock';
import { removeDir } from '../support/temp-dir';
import { appendParagraphs, PROFILE } from '../core/releases/helpers';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';
import { photoUpdate } from '../support/release-photo';

const clock = fakeClock(Date.UTC(2026, 11, 7, 1, 0)); // Senin 7 Des 2026 08.00 WIB
let t: TestServer;
let ws: string;
let staff: TestDevice;
let root: string;
const ids = { pub: '', draft: '', emb: '', photo: '' };
const SECRETS = ['Draf rahasia kota', 'kalimat draf rahasia', 'Rilis berembargo', 'kalimat embargo khusus', 'Rapat tertutup anggaran', 'catatan protokol rahasia'];

async function release(title: string, text: string): Promise<string> {
  const r = await staff.core.invoke('releases.create', { title });
  const d = await staff.core.invoke('releases.get', { id: r.id });
  await staff.core.invoke('releases.appendBody', { id: r.id, update: appendParagraphs(d.bodyState, text) });
  return r.id;
}

async function through(id: string, ...steps: ('in_review' | 'approved' | 'published')[]): Promise<void> {
  for (const to of steps) await staff.core.invoke('releases.transition', { id, to });
}

async function sync(): Promise<void> {
  expect((await staff.engine.syncNow()).state).toBe('up_to_date');
}

async function get(file: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${root}/${file}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** JSON Feed 1.1 (jsonfeed.org/version/1.1) as a JSON Schema: the required members and their types. */
const JSON_FEED_SCHEMA = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1' },
    title: { type: 'string' },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        properties: {
          id: { type: 'string' },
          url: { type: 'string' },
          title: { type: 'string' },
          content_html: { type: 'string' },
          summary: { type: 'string' },
          image: { type: 'string' },
          date_published: { type: 'string' },
          date_modified: { type: 'string' },
          authors: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        },
      },
    },
  },
};

beforeAll(async () => {
  t = await startTestServer({ now: clock.now });
  ws = (await t.server.admin.createWorkspace('Humas Sukamaju')).id;
  root = `${t.server.url}/newsroom/${ws}`;
  staff = openDevice(undefined, { clock: clock.now });
  await staff.core.invoke('office.save', PROFILE);
  await enrol(staff, t.server, ws, 'administrator');

  const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 200, g: 40, b: 40 } } }).jpeg().toBuffer();
  const photo = await staff.core.invoke('releases.putPhoto', { base64: jpeg.toString('base64'), fileName: 'pasar.jpg' });
  ids.photo = photo.hash;
  ids.pub = await release('Pasar Rakyat “Sukamaju” dibuka', 'kata umum terbit & <b>bukan tag</b>');
  const d = await staff.core.invoke('releases.get', { id: ids.pub });
  await staff.core.invoke('releases.appendBody', { id: ids.pub, update: photoUpdate(d.bodyState, photo.hash, photo.thumb) });
  await through(ids.pub, 'in_review', 'approved', 'published');

  ids.draft = await release('Draf rahasia kota', 'kalimat draf rahasia');
  ids.emb = await release('Rilis berembargo', 'kalimat embargo khusus');
  await staff.core.invoke('releases.update', { id: ids.emb, fields: { urgency: 'embargo', embargoAt: new Date(Date.UTC(2026, 11, 7, 3, 0)).toISOString(), embargoZone: 'WIB' } });
  await through(ids.emb, 'in_review', 'approved');

  const hour = 3600_000;
  await staff.core.invoke('agenda.events.save', {
    kind: 'press_conference',
    title: 'Jumpa pers Pasar Rakyat',
    startMs: clock.now() + hour,
    endMs: clock.now() + 2 * hour,
    pressOpen: true,
    protocolNotes: 'catatan protokol rahasia',
  });
  await staff.core.invoke('agenda.events.save', { kind: 'internal_meeting', title: 'Rapat tertutup anggaran', startMs: clock.now() + 3 * hour, endMs: clock.now() + 4 * hour, pressOpen: false });
  await sync();
}, 60_000);

afterAll(async () => {
  staff?.cleanup();
  await t?.close();
  if (t) removeDir(t.dir);
});

describe('public newsroom feeds', () => {
  it('RSS 2.0 and Atom parse back with the published release only, without any token', async () => {
    const parser = new Parser();
    for (const [file, type] of [
      ['rss.xml', 'application/rss+xml'],
      ['atom.xml', 'application/atom+xml'],
    ] as const) {
      const got = await get(file);
      expect(got.status).toBe(200);
      expect(got.type).toContain(type);
      for (const s of SECRETS) expect(got.text).not.toContain(s);
      const feed = await parser.parseString(got.text);
      expect(feed.title).toBe('Siaran Pers — Humas Sukamaju');
      expect(feed.items.map((i) => i.title)).toEqual(['Pasar Rakyat “Sukamaju” dibuka']);
      expect(feed.items[0]?.link).toBe(`${root}/rilis/${ids.pub}`);
    }
  });

  it('the JSON Feed meets the JSON Feed schema and carries the photo', async () => {
    const got = await get('feed.json');
    expect(got.type).toContain('application/feed+json');
    const feed = JSON.parse(got.text) as { items: { id: string; url: string; image?: string; content_html: string }[] };
    const ajv = new Ajv({ strict: false, validateFormats: false });
    expect(ajv.validate(JSON_FEED_SCHEMA, feed), ajv.errorsText()).toBe(true);
    expect(feed.items.map((i) => i.url)).toEqual([`${root}/rilis/${ids.pub}`]);
    expect(feed.items[0]?.image).toBe(`${root}/foto/${ids.photo}`);
    // The body's text is escaped in the HTML, never markup.
    expect(feed.items[0]?.content_html).toContain('<p>kata umum terbit &amp; &lt;b&gt;bukan tag&lt;/b&gt;</p>');
    const photo = await fetch(feed.items[0]?.image ?? '');
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).width).toBe(800);
  });

  it('the iCalendar feed reads with ical.js: the press-open event only, in UTC', async () => {
    const got = await get('agenda.ics');
    expect(got.type).toContain('text/calendar');
    for (const s of SECRETS) expect(got.text).not.toContain(s);
    const cal = new ICAL.Component(ICAL.parse(got.text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Jumpa pers Pasar Rakyat']);
    expect(events[0]?.startDate.toJSDate().getTime()).toBe(clock.now() + 3600_000);
  });

  it('a release page is plain HTML with Open Graph tags; a draft or embargoed one is not found', async () => {
    const got = await get(`rilis/${ids.pub}`);
    expect(got.status).toBe(200);
    expect(got.type).toContain('text/html');
    expect(got.text).not.toContain('<script');
    expect(got.text).toContain('<meta property="og:title" content="Pasar Rakyat “Sukamaju” dibuka">');
    expect(got.text).toContain(`<meta property="og:url" content="${root}/rilis/${ids.pub}">`);
    expect(got.text).toContain(`<meta property="og:image" content="${root}/foto/${ids.photo}">`);
    expect(got.text).toContain('<figcaption>Wali kota membuka pasar');
    for (const id of [ids.draft, ids.emb, 'tidak-ada']) {
      const r = await get(`rilis/${id}`);
      expect(r.status).toBe(404);
      expect(JSON.parse(r.text).error.message).toMatch(/^Siaran pers ini tidak ada/);
    }
  });

  it('a post made from the release links its newsroom page when no link is typed', async () => {
    const [post] = await staff.core.invoke('campaigns.posts.fromRelease', { releaseId: ids.pub, accounts: [{ platform: 'facebook', account: 'Humas Sukamaju' }], date: '2026-12-07' });
    const link = `${root}/rilis/${ids.pub}`;
    expect(post?.caption).toContain(link);
    expect((await fetch(link)).status).toBe(200);
  });

  it('bad paths, other workspaces, writes and photos outside the feed are refused', async () => {
    expect((await get('rilis/a%2F..%2Fb')).status).toBe(404);
    expect((await fetch(`${t.server.url}/newsroom/tidak-ada/rss.xml`)).status).toBe(404);
    expect((await get('rss.php')).status).toBe(404);
    expect((await get(`foto/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await fetch(`${root}/rss.xml`, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(`${t.server.url}/v1/health`)).status).toBe(200);
  });

  it('an embargo that passes shows without a new change; a withdrawn release disappears at the next request', async () => {
    const parser = new Parser();
    // Marked published under embargo, as a log written before the server judged pushes may hold:
    // the newsroom holds it back until the time, on the server's clock, with no edit after.
    const hlc = `${String(clock.now() + 1000).padStart(15, '0')}-000000-01d5e7e701d5e7e7`;
    const fields = { status: 'published', published_at: new Date(clock.now()).toISOString() };
    await t.store.append(ws, [{ hlc, table: 'releases', rowId: ids.emb, body: JSON.stringify({ hlc, table: 'releases', rowId: ids.emb, fields }) }]);
    expect((await get('rss.xml')).text).not.toContain('Rilis berembargo');
    expect((await get(`rilis/${ids.emb}`)).status).toBe(404);
    clock.set(Date.UTC(2026, 11, 7, 3, 0, 1));
    expect((await parser.parseString((await get('rss.xml')).text)).items.map((i) => i.title)).toEqual(['Rilis berembargo', 'Pasar Rakyat “Sukamaju” dibuka']);
    expect((await get(`rilis/${ids.emb}`)).status).toBe(200);

    await staff.core.invoke('releases.transition', { id: ids.pub, to: 'withdrawn' });
    await sync();
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) expect((await get(file)).text).not.toContain('Pasar Rakyat');
    expect((await get(`rilis/${ids.pub}`)).status).toBe(404);
    expect((await get(`foto/${ids.photo}`)).status).toBe(404);
  });
});
