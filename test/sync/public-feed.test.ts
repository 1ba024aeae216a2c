/**
 * The press-room public feed end to end: a staff device publishes through a real server on
 * 127.0.0.1, a journalist-enrolled device syncs, and its kiosk-facing core methods list, read
 * and export the release and its photo; drafts, embargoed releases, comments and internal
 * agenda notes never reach its SQLite file; an embargo that passes shows without a new edit;
 * a withdrawn release or a later embargo disappears; a malformed feed and a server that is down
 * leave the last feed in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/create-core';
import type { FetchLike } from '../../electron/core/sync/client';
import { PUBLIC_FEED_PATH } from '../../shared/sync/public-feed';
import { fakeClock } from '../support/fake-clock';
import { removeDir } from '../support/temp-dir';
import { actAs, appendParagraphs, PROFILE } from '../core/releases/helpers';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';
import { photoUpdate } from '../support/release-photo';

const clock = fakeClock(Date.UTC(2026, 11, 7, 1, 0)); // Senin 7 Des 2026 08.00 WIB
const SECRETS = ['Draf rahasia kota', 'kalimat draf rahasia', 'catatan internal editor', 'Rilis berembargo', 'kalimat embargo khusus', 'catatan protokol rahasia', 'Rapat tertutup anggaran'];

let t: TestServer;
let ws: string;
let staff: TestDevice;
let press: TestDevice;
/** Fault injection on the wire only: when set, the feed response is replaced by this text. */
let corruptFeed: string | null = null;
const faultyFetch: FetchLike = async (url, init) => {
  if (corruptFeed !== null && url.endsWith(PUBLIC_FEED_PATH)) return new Response(corruptFeed, { status: 200, headers: { 'content-type': 'application/json' } });
  return fetch(url, init);
};
const ids = { pub: '', draft: '', emb: '', photo: '', thumb: '' };
let jpeg: Buffer;

async function body(id: string, ...texts: string[]): Promise<void> {
  const d = await staff.core.invoke('releases.get', { id });
  await staff.core.invoke('releases.appendBody', { id, update: appendParagraphs(d.bodyState, ...texts) });
}

/** A change of a log written before the server judged pushes (an older server's), appended to the store as it is. */
let legacyCount = 0;
async function legacy(table: string, rowId: string, fields: Record<string, unknown>): Promise<void> {
  const hlc = `${String(clock.now() + 1000).padStart(15, '0')}-${String(legacyCount++).padStart(6, '0')}-01d5e7e701d5e7e7`;
  await t.store.append(ws, [{ hlc, table, rowId, body: JSON.stringify({ hlc, table, rowId, fields }) }]);
}

async function syncBoth(): Promise<void> {
  expect((await staff.engine.syncNow()).state).toBe('up_to_date');
  const st = await press.engine.syncNow();
  expect(st.state, st.message ?? '').toBe('up_to_date');
}

const kioskList = async () => (await press.core.invoke('releases.list', {})).items.map((i) => i.id);
const fileText = (dev: TestDevice) =>
  ['', '-wal']
    .map((suffix) => path.join(dev.dir, DATABASE_FILE + suffix))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');

beforeAll(async () => {
  t = await startTestServer({ now: clock.now });
  ws = (await t.server.admin.createWorkspace('Humas Sukamaju')).id;
  staff = openDevice(undefined, { clock: clock.now });
  press = openDevice(undefined, { clock: clock.now, sync: { fetch: faultyFetch } });
  await staff.core.invoke('office.save', PROFILE);
  await enrol(staff, t.server, ws, 'administrator');
  await enrol(press, t.server, ws, 'journalist');

  jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 200, g: 40, b: 40 } } }).jpeg().toBuffer();
  const photo = await staff.core.invoke('releases.putPhoto', { base64: jpeg.toString('base64'), fileName: 'pasar.jpg' });
  ids.photo = photo.hash;
  ids.thumb = photo.thumb;

  const pub = await staff.core.invoke('releases.create', { title: 'Pasar Rakyat dibuka' });
  await body(pub.id, 'kata umum terbit');
  const d = await staff.core.invoke('releases.get', { id: pub.id });
  await staff.core.invoke('releases.appendBody', { id: pub.id, update: photoUpdate(d.bodyState, photo.hash, photo.thumb) });
  await staff.core.invoke('releases.transition', { id: pub.id, to: 'in_review' });
  await staff.core.invoke('releases.transition', { id: pub.id, to: 'approved' });
  await staff.core.invoke('releases.transition', { id: pub.id, to: 'published' });
  ids.pub = pub.id;

  const draft = await staff.core.invoke('releases.create', { title: 'Draf rahasia kota' });
  await body(draft.id, 'kalimat draf rahasia');
  await staff.core.invoke('releases.comment', { id: draft.id, body: 'catatan internal editor' });
  ids.draft = draft.id;

  // Embargoed until 10.00 WIB and already marked published, as a log written before the server
  // judged pushes may hold (the rules refuse publishing under embargo now): the feed must still
  // hold it back until the time, on the server's clock.
  const emb = await staff.core.invoke('releases.create', { title: 'Rilis berembargo' });
  await body(emb.id, 'kalimat embargo khusus');
  await staff.core.invoke('releases.update', { id: emb.id, fields: { urgency: 'embargo', embargoAt: new Date(Date.UTC(2026, 11, 7, 3, 0)).toISOString(), embargoZone: 'WIB' } });
  await staff.core.invoke('releases.transition', { id: emb.id, to: 'in_review' });
  await staff.core.invoke('releases.transition', { id: emb.id, to: 'approved' });
  ids.emb = emb.id;
  await syncBoth();
  await legacy('releases', ids.emb, { status: 'published', published_at: new Date(clock.now()).toISOString() });

  const hour = 3600_000;
  await staff.core.invoke('agenda.events.save', {
    kind: 'press_conference',
    title: 'Jumpa pers Pasar Rakyat',
    startMs: clock.now() + hour,
    endMs: clock.now() + 2 * hour,
    pressOpen: true,
    protocolNotes: 'catatan protokol rahasia',
    notes: 'catatan internal agenda',
  });
  await staff.core.invoke('agenda.events.save', { kind: 'internal_meeting', title: 'Rapat tertutup anggaran', startMs: clock.now() + 3 * hour, endMs: clock.now() + 4 * hour, pressOpen: false });
  await syncBoth();
  actAs(press.core, ['journalist'], 'Wartawan');
}, 60_000);

afterAll(async () => {
  staff?.cleanup();
  press?.cleanup();
  await t?.close();
  if (t) removeDir(t.dir);
});

describe('press-room public feed', () => {
  it('a journalist device lists, reads and exports the published release with its photo', async () => {
    expect(await kioskList()).toEqual([ids.pub]);
    const got = await press.core.invoke('releases.get', { id: ids.pub });
    expect(got.title).toBe('Pasar Rakyat dibuka');
    expect(JSON.stringify(got.bodyJson)).toContain('kata umum terbit');
    expect(got.comments).toEqual([]);
    expect(got.approvedBy).toBeNull();
    expect((await press.core.invoke('releases.list', { query: 'pasar' })).items.map((i) => i.id)).toEqual([ids.pub]);

    // The photo travelled: staff pushed the blob with the body, the feed named it, the device fetched it.
    const shown = await press.core.invoke('releases.photo', { hash: ids.photo });
    expect(Buffer.from(shown.dataUrl.split(',')[1] as string, 'base64').equals(jpeg)).toBe(true);
    await press.core.invoke('releases.photo', { hash: ids.thumb });

    const kit = await press.core.invoke('releases.export', { id: ids.pub, format: 'zip', paper: 'A4' });
    const zip = await JSZip.loadAsync(Buffer.from(kit.base64, 'base64'));
    const files = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => f.async('nodebuffer')));
    expect(files.some((b) => b.equals(jpeg))).toBe(true);
    const pdf = await press.core.invoke('releases.export', { id: ids.pub, format: 'pdf', paper: 'A4' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('drafts, embargoed releases, comments and internal agenda notes never reach the device', async () => {
    await expect(press.core.invoke('releases.get', { id: ids.draft })).rejects.toMatchObject({ code: 'not_found' });
    await expect(press.core.invoke('releases.get', { id: ids.emb })).rejects.toMatchObject({ code: 'not_found' });
    await expect(press.core.invoke('releases.export', { id: ids.emb, format: 'text' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await press.core.invoke('releases.list', { query: 'rahasia' })).items).toEqual([]);
    press.core.context.db.pragma('wal_checkpoint(TRUNCATE)');
    const raw = fileText(press);
    expect(raw).toContain('Pasar Rakyat dibuka');
    for (const secret of SECRETS) expect(raw, secret).not.toContain(secret);
  });

  it('the public agenda arrives without notes; closed items do not', async () => {
    const day = await press.core.invoke('agenda.range', { from: clock.now(), to: clock.now() + 86_400_000 });
    expect(day.items.map((i) => i.title)).toEqual(['Jumpa pers Pasar Rakyat']);
    expect(day.items[0]?.reporterId).toBeNull();
    expect(JSON.stringify(day)).not.toContain('catatan');
    const press14 = await press.core.invoke('agenda.range', { from: clock.now(), to: clock.now() + 14 * 86_400_000, kinds: ['press_conference'] });
    expect(press14.items).toHaveLength(1);
  });

  it('an embargo that passes shows without a new edit; moving it later hides it again', async () => {
    clock.set(Date.UTC(2026, 11, 7, 3, 0, 1));
    const before = await t.store.head(ws);
    expect((await press.engine.syncNow()).state).toBe('up_to_date');
    expect(await t.store.head(ws)).toBe(before);
    expect(await kioskList()).toEqual(expect.arrayContaining([ids.pub, ids.emb]));
    expect(JSON.stringify((await press.core.invoke('releases.get', { id: ids.emb })).bodyJson)).toContain('kalimat embargo khusus');

    await legacy('releases', ids.emb, { embargo_at: new Date(Date.UTC(2026, 11, 8, 3, 0)).toISOString() });
    await syncBoth();
    expect(await kioskList()).toEqual([ids.pub]);
    await expect(press.core.invoke('releases.get', { id: ids.emb })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a malformed feed is refused with a typed error and the last feed stays', async () => {
    for (const bad of ['{"version":1,', JSON.stringify({ version: 1, at: 0, head: 0, agenda: null, releases: [{ id: 'x', updatedAt: '', fields: { status: 'draft', title: 'Bocor' }, body: { type: 'doc' }, photos: [] }] })]) {
      corruptFeed = bad;
      const st = await press.engine.syncNow();
      expect(st.state).toBe('offline');
      expect(st.message).toMatch(/Umpan ruang pers/);
      expect(await kioskList()).toEqual([ids.pub]);
    }
    corruptFeed = null;
    expect((await press.engine.syncNow()).state).toBe('up_to_date');
  });

  it('the server checks the device token; a staff device keeps no feed', async () => {
    expect((await fetch(`${t.server.url}${PUBLIC_FEED_PATH}`)).status).toBe(401);
    expect((await fetch(`${t.server.url}${PUBLIC_FEED_PATH}`, { headers: { authorization: 'Bearer salah' } })).status).toBe(401);
    expect((staff.core.context.db.prepare('SELECT count(*) AS n FROM public_feed_releases').get() as { n: number }).n).toBe(0);
  });

  it('a withdrawn release disappears; a server that is down leaves the last feed', async () => {
    await staff.core.invoke('releases.transition', { id: ids.pub, to: 'withdrawn' });
    await syncBoth();
    expect(await kioskList()).toEqual([]);
    await expect(press.core.invoke('releases.photo', { hash: ids.photo })).rejects.toMatchObject({ code: 'not_found' });

    clock.set(Date.UTC(2026, 11, 8, 3, 0, 1));
    await syncBoth();
    expect(await kioskList()).toEqual([ids.emb]);
    await t.server.close();
    const st = await press.engine.syncNow();
    expect(st.state).toBe('offline');
    expect(await kioskList()).toEqual([ids.emb]);
  });
});
