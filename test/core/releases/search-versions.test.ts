import * as Y from 'yjs';
import { afterEach, expect, it } from 'vitest';
import { isSame } from '../../../shared/releases/diff';
import { BODY_FRAGMENT } from '../../../shared/releases/editor-schema';
import { releaseCore, writeBody } from './helpers';

const fixtures: { cleanup(): void }[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.cleanup();
});

it('full-text search over title, body and quotes: case- and diacritic-insensitive, prefix, with filters', async () => {
  const fx = await releaseCore();
  fixtures.push(fx);
  const { core } = fx;
  const a = await core.invoke('releases.create', { title: 'Peresmian Kafé Literasi' });
  await writeBody(core, a.id, 'Wali Kota meresmikan perpustakaan keliling di Kecamatan Jebres.');
  const b = await core.invoke('releases.create', { title: 'Rapat Koordinasi Banjir' });
  await writeBody(core, b.id, 'Normalisasi sungai dibahas bersama BPBD.');
  await core.invoke('releases.update', { id: b.id, fields: { quotes: [{ text: 'Kami siaga dua puluh empat jam', speaker: 'Kepala BPBD', role: '' }], tags: ['bencana'], writer: 'Sri Lestari' } });

  const ids = async (input: Parameters<typeof core.invoke<'releases.list'>>[1]) => (await core.invoke('releases.list', input)).items.map((i) => i.id);
  expect(await ids({ query: 'KAFE' })).toEqual([a.id]);
  expect(await ids({ query: 'kafé literasi' })).toEqual([a.id]);
  expect(await ids({ query: 'perpus' })).toEqual([a.id]);
  expect(await ids({ query: 'jebres' })).toEqual([a.id]);
  expect(await ids({ query: 'siaga' })).toEqual([b.id]);
  expect(await ids({ query: 'banjir perpustakaan' })).toEqual([]);
  expect(await ids({ query: '"; DROP TABLE releases; --' })).toEqual([]);
  expect(await ids({ query: 'NEAR(' })).toEqual([]);
  expect(await ids({ tag: 'bencana' })).toEqual([b.id]);
  expect(await ids({ writer: 'Sri Lestari' })).toEqual([b.id]);
  expect(await ids({ statuses: ['in_review'] })).toEqual([]);
  expect((await ids({ statuses: ['draft'] })).sort()).toEqual([a.id, b.id].sort());
  const today = (await core.invoke('releases.get', { id: a.id })).releaseDate;
  expect((await ids({ from: today, to: today })).length).toBe(2);
  expect(await ids({ from: '2000-01-01', to: '2000-01-02' })).toEqual([]);
  const hit = (await core.invoke('releases.list', { query: 'normalisasi' })).items[0];
  expect(hit?.snippet).toContain('«Normalisasi»');
  // Edits re-index: the old word goes, the new one is found.
  await core.invoke('releases.update', { id: a.id, fields: { title: 'Pembukaan Taman Baca' } });
  expect(await ids({ query: 'kafe' })).toEqual([]);
  expect(await ids({ query: 'taman' })).toEqual([a.id]);
});

it('versions: snapshot on demand, view, compare text, restore as a new change with history kept', async () => {
  const fx = await releaseCore();
  fixtures.push(fx);
  const { core, clock } = fx;
  const r = await core.invoke('releases.create', { title: 'Judul pertama' });
  await writeBody(core, r.id, 'Kalimat asli yang bagus.');
  const v1 = await core.invoke('releases.snapshot', { id: r.id, label: 'Sebelum disunting' });
  clock.advance(1000);
  await writeBody(core, r.id, 'Tambahan yang keliru.');
  await core.invoke('releases.update', { id: r.id, fields: { title: 'Judul kedua' } });

  const old = await core.invoke('releases.version', { versionId: v1.id });
  expect(old.bodyText).toContain('Kalimat asli yang bagus.');
  expect(old.bodyText).not.toContain('keliru');
  expect(old.fields.title).toBe('Judul pertama');

  clock.advance(1000);
  const restored = await core.invoke('releases.restoreVersion', { versionId: v1.id });
  expect(restored.title).toBe('Judul pertama');
  const text = JSON.stringify(restored.bodyJson);
  expect(text).toContain('Kalimat asli yang bagus.');
  expect(text).not.toContain('keliru');
  // History kept: the text before the restore is a version of its own, and the update rows only grew.
  const versions = await core.invoke('releases.versions', { id: r.id });
  expect(versions.map((v) => v.reason)).toEqual(['before_restore', 'manual']);
  const before = await core.invoke('releases.version', { versionId: versions[0]!.id });
  expect(before.bodyText).toContain('keliru');
  expect(restored.bodyUpdateCount).toBe(4);
  expect(core.context.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'release.restore'").get()).toEqual({ n: 1 });
});

it('opening a release merges stored updates once, then serves the compacted cache', async () => {
  const fx = await releaseCore();
  fixtures.push(fx);
  const { core } = fx;
  const r = await core.invoke('releases.create', { title: 'Banyak ketikan' });
  for (let i = 0; i < 30; i++) await writeBody(core, r.id, `Kalimat ${i}.`);
  core.context.db.prepare('DELETE FROM release_body_cache').run();
  const d = await core.invoke('releases.get', { id: r.id });
  expect(d.bodyUpdateCount).toBe(31);
  expect(d.wordCount).toBe(61); // "SUKAMAJU" of the template and two words per sentence
  const cache = core.context.db.prepare('SELECT update_count FROM release_body_cache WHERE release_id = ?').get(r.id);
  expect(cache).toEqual({ update_count: 31 });
});

it('compare is made by the core against the stored text: after an editor corrects one letter, every older version shows that word changed', async () => {
  const fx = await releaseCore();
  fixtures.push(fx);
  const { core } = fx;
  const r = await core.invoke('releases.create', { title: 'Jembatan Kalisari' });
  await writeBody(core, r.id, 'Wali Kota meresmikan jembatan Kalisarri.', 'Warga menyambut gembira.');
  const v1 = await core.invoke('releases.snapshot', { id: r.id, label: 'Draf pertama' });
  await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
  const opened = await core.invoke('releases.get', { id: r.id }); // what a window holds from here on

  // The editor fixes one letter in the editor (a Yjs change on top), as typing does.
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(opened.bodyState, 'base64'));
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(BODY_FRAGMENT);
  const text = (frag.get(1) as Y.XmlElement).get(0) as Y.XmlText;
  const at = text.toString().indexOf('Kalisarri') + 7;
  text.delete(at, 1);
  await core.invoke('releases.appendBody', { id: r.id, update: Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64') });

  const versions = await core.invoke('releases.versions', { id: r.id });
  expect(versions.length).toBeGreaterThanOrEqual(2);
  for (const v of versions) {
    const d = await core.invoke('releases.version', { versionId: v.id });
    expect(isSame(d.compare), v.label).toBe(false);
    const changed = d.compare.find((b) => b.kind === 'changed');
    expect(changed?.words).toEqual(expect.arrayContaining([{ kind: 'removed', text: 'Kalisarri' }, { kind: 'added', text: 'Kalisari' }]));
  }
  // A version taken now is the same as now.
  const now = await core.invoke('releases.snapshot', { id: r.id, label: 'Sesudah koreksi' });
  expect(isSame((await core.invoke('releases.version', { versionId: now.id })).compare)).toBe(true);
  expect(v1.label).toBe('Draf pertama');
});
