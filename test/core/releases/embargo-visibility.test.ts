import sharp from 'sharp';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../../shared/releases/editor-schema';
import { afterEach, expect, it } from 'vitest';
import { readChangeLog } from '../../../electron/core/data/change-log';
import { actAs, releaseCore, writeBody } from './helpers';
import { runAsSync } from '../../../electron/core/data/actor-scope';

const fixtures: { cleanup(): void }[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.cleanup();
});

it('journalists see only published releases whose embargo passed, in list, search, get and export', async () => {
  const fx = await releaseCore(Date.UTC(2026, 11, 7, 1, 0)); // Senin 7 Des 2026 08.00 WIB
  fixtures.push(fx);
  const { core, clock } = fx;
  const draft = await core.invoke('releases.create', { title: 'Draf rahasia' });
  await writeBody(core, draft.id, 'kata rahasia draf');
  await core.invoke('releases.comment', { id: draft.id, body: 'catatan internal' });

  const emb = await core.invoke('releases.create', { title: 'Rilis berembargo' });
  await writeBody(core, emb.id, 'kata embargo khusus');
  const embargoAt = new Date(Date.UTC(2026, 11, 7, 3, 0)).toISOString(); // 10.00 WIB
  const set = await core.invoke('releases.update', { id: emb.id, fields: { urgency: 'embargo', embargoAt } });
  expect(set.embargoZone).toBe('WIB');
  await core.invoke('releases.comment', { id: emb.id, body: 'catatan editor' });
  await core.invoke('releases.transition', { id: emb.id, to: 'in_review' });
  await core.invoke('releases.transition', { id: emb.id, to: 'approved' });
  // Not publishable before its time.
  await expect(core.invoke('releases.transition', { id: emb.id, to: 'published' })).rejects.toMatchObject({ code: 'conflict' });
  expect((await core.invoke('releases.list', {})).items.find((i) => i.id === emb.id)?.embargoed).toBe(true);

  const pub = await core.invoke('releases.create', { title: 'Rilis terbit' });
  await writeBody(core, pub.id, 'kata umum terbit');
  await core.invoke('releases.transition', { id: pub.id, to: 'in_review' });
  await core.invoke('releases.transition', { id: pub.id, to: 'approved' });
  await core.invoke('releases.transition', { id: pub.id, to: 'published' });

  actAs(core, ['journalist'], 'Wartawan');
  expect((await core.invoke('releases.list', {})).items.map((i) => i.id)).toEqual([pub.id]);
  expect((await core.invoke('releases.list', { query: 'rahasia' })).items).toEqual([]);
  expect((await core.invoke('releases.list', { query: 'embargo' })).items).toEqual([]);
  expect((await core.invoke('releases.list', { statuses: ['draft', 'approved'] })).items).toEqual([]);
  await expect(core.invoke('releases.get', { id: draft.id })).rejects.toMatchObject({ code: 'not_found' });
  await expect(core.invoke('releases.get', { id: emb.id })).rejects.toMatchObject({ code: 'not_found' });
  await expect(core.invoke('releases.export', { id: emb.id, format: 'text' })).rejects.toMatchObject({ code: 'not_found' });
  await expect(core.invoke('releases.versions', { id: pub.id })).rejects.toMatchObject({ code: 'forbidden' });
  const seen = await core.invoke('releases.get', { id: pub.id });
  expect(seen.comments).toEqual([]);
  expect(seen.transitions).toEqual([]);

  // Time passes (10.00 WIB), the editor publishes; now the journalist sees it, still without comments.
  clock.set(Date.UTC(2026, 11, 7, 3, 0, 1));
  actAs(core, ['administrator']);
  await core.invoke('releases.transition', { id: emb.id, to: 'published' });
  actAs(core, ['journalist'], 'Wartawan');
  const now = await core.invoke('releases.get', { id: emb.id });
  expect(now.comments).toEqual([]);
  expect((await core.invoke('releases.list', { query: 'embargo' })).items.map((i) => i.id)).toEqual([emb.id]);
  const text = await core.invoke('releases.export', { id: emb.id, format: 'text' });
  // A copy made after the embargo is a normal release.
  expect(Buffer.from(text.base64, 'base64').toString('utf8')).not.toContain('EMBARGO: Tidak untuk disiarkan');
  expect(Buffer.from(text.base64, 'base64').toString('utf8')).toContain('UNTUK SEGERA DISIARKAN');
});

it('an embargo published elsewhere before its time stays hidden from journalists until the time in its zone', async () => {
  const fx = await releaseCore(Date.UTC(2026, 11, 7, 1, 0));
  fixtures.push(fx);
  const { core, clock } = fx;
  const r = await core.invoke('releases.create', { title: 'Embargo WIT' });
  // 10.00 WIT = 01.00 UTC next day.
  await core.invoke('releases.update', { id: r.id, fields: { urgency: 'embargo', embargoAt: new Date(Date.UTC(2026, 11, 8, 1, 0)).toISOString(), embargoZone: 'WIT' } });
  // A peer's row that says published (e.g. a device with a wrong clock): the read path still hides it.
  const peer = await releaseCore(Date.UTC(2026, 11, 7, 1, 0));
  fixtures.push(peer);
  peer.core.context.mutator.applyChanges(readChangeLog(core.context.db));
  // The rules refuse this step locally; it can only arrive as a synced change, so it is written as one.
  runAsSync(() => peer.core.context.mutator.update('releases', r.id, { status: 'published' }));
  core.context.mutator.applyChanges(readChangeLog(peer.core.context.db));
  expect((await core.invoke('releases.get', { id: r.id })).status).toBe('published');
  const text = await core.invoke('releases.export', { id: r.id, format: 'whatsapp' });
  expect(Buffer.from(text.base64, 'base64').toString('utf8')).toContain('_EMBARGO: Tidak untuk disiarkan sebelum Selasa, 8 Desember 2026 pukul 10.00 WIT_');
  actAs(core, ['journalist']);
  expect((await core.invoke('releases.list', {})).items).toEqual([]);
  clock.set(Date.UTC(2026, 11, 8, 1, 0));
  expect((await core.invoke('releases.list', {})).items.map((i) => i.id)).toEqual([r.id]);
});

it("journalists get a photo only when a release they may see carries it", async () => {
  const fx = await releaseCore();
  fixtures.push(fx);
  const { core } = fx;
  const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#a33' } }).jpeg().toBuffer();
  const photo = await core.invoke('releases.putPhoto', { fileName: 'a.jpg', base64: jpeg.toString('base64') });
  const r = await core.invoke('releases.create', { title: 'Dengan foto' });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(r.bodyState, 'base64'));
  const sv = Y.encodeStateVector(doc);
  const el = new Y.XmlElement('photo');
  el.setAttribute('hash', photo.hash);
  el.setAttribute('thumb', photo.thumb);
  doc.getXmlFragment(BODY_FRAGMENT).insert(1, [el]);
  await core.invoke('releases.appendBody', { id: r.id, update: Buffer.from(Y.encodeStateAsUpdate(doc, sv)).toString('base64') });
  actAs(core, ['journalist']);
  await expect(core.invoke('releases.photo', { hash: photo.thumb })).rejects.toMatchObject({ code: 'not_found' });
  actAs(core, ['administrator']);
  await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
  await core.invoke('releases.transition', { id: r.id, to: 'approved' });
  await core.invoke('releases.transition', { id: r.id, to: 'published' });
  actAs(core, ['journalist']);
  expect((await core.invoke('releases.photo', { hash: photo.hash })).mime).toBe('image/jpeg');
});
