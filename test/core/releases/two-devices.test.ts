import { afterEach, expect, it } from 'vitest';
import { readChangeLog } from '../../../electron/core/data/change-log';
import type { Core } from '../../../electron/core/create-core';
import { releaseCore, writeBody } from './helpers';

const fixtures: { cleanup(): void }[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.cleanup();
});

function exchange(a: Core, b: Core): void {
  b.context.mutator.applyChanges(readChangeLog(a.context.db));
  a.context.mutator.applyChanges(readChangeLog(b.context.db));
}

async function twoDevices() {
  const a = await releaseCore(Date.UTC(2026, 5, 1, 2, 0));
  const b = await releaseCore(Date.UTC(2026, 5, 1, 2, 0));
  fixtures.push(a, b);
  exchange(a.core, b.core);
  return { a, b };
}

it('two devices approving offline get the same number; after sync both see it flagged, the later one must renumber', async () => {
  const { a, b } = await twoDevices();
  const ra = await a.core.invoke('releases.create', { title: 'Dari laptop lapangan' });
  const rb = await b.core.invoke('releases.create', { title: 'Dari komputer kantor' });
  for (const [fx, id] of [
    [a, ra.id],
    [b, rb.id],
  ] as const) {
    await writeBody(fx.core, id, 'Isi.');
    await fx.core.invoke('releases.transition', { id, to: 'in_review' });
  }
  // Offline, B approves a minute after A.
  const na = await a.core.invoke('releases.transition', { id: ra.id, to: 'approved' });
  b.clock.advance(60_000);
  const nb = await b.core.invoke('releases.transition', { id: rb.id, to: 'approved' });
  expect(na.number).toBe('001/Humas/Pemkot-SKJ/VI/2026');
  expect(nb.number).toBe(na.number);

  exchange(a.core, b.core);
  for (const core of [a.core, b.core]) {
    const first = await core.invoke('releases.get', { id: ra.id });
    const later = await core.invoke('releases.get', { id: rb.id });
    expect(first.numberConflict).toEqual({ others: [{ id: rb.id, title: 'Dari komputer kantor' }], mustRenumber: false });
    expect(later.numberConflict).toEqual({ others: [{ id: ra.id, title: 'Dari laptop lapangan' }], mustRenumber: true });
    const list = await core.invoke('releases.list', {});
    expect(list.items.filter((i) => i.numberConflict).map((i) => i.id).sort()).toEqual([ra.id, rb.id].sort());
  }
  // The later one cannot be published under the shared number …
  await expect(b.core.invoke('releases.transition', { id: rb.id, to: 'published' })).rejects.toMatchObject({ code: 'conflict' });
  // … until the editor gives it a new one, which then syncs: no duplicate anywhere.
  const renum = await b.core.invoke('releases.renumber', { id: rb.id });
  expect(renum.number).toBe('002/Humas/Pemkot-SKJ/VI/2026');
  expect(renum.numberConflict).toBeNull();
  exchange(a.core, b.core);
  expect((await a.core.invoke('releases.get', { id: ra.id })).numberConflict).toBeNull();
  expect((await a.core.invoke('releases.get', { id: rb.id })).number).toBe('002/Humas/Pemkot-SKJ/VI/2026');
  await b.core.invoke('releases.transition', { id: rb.id, to: 'published' });
  const audit = b.core.context.db.prepare("SELECT action FROM audit_log WHERE action = 'release.renumber'").all();
  expect(audit).toHaveLength(1);
});

it('body edits made on two devices offline are both kept after sync, in the cache and the search index', async () => {
  const { a, b } = await twoDevices();
  const r = await a.core.invoke('releases.create', { title: 'Rilis bersama' });
  exchange(a.core, b.core);
  await writeBody(a.core, r.id, 'Paragraf dari lapangan tentang jembatan.');
  await writeBody(b.core, r.id, 'Paragraf dari kantor tentang anggaran.');
  exchange(a.core, b.core);
  for (const core of [a.core, b.core]) {
    const d = await core.invoke('releases.get', { id: r.id });
    const text = JSON.stringify(d.bodyJson);
    expect(text).toContain('jembatan');
    expect(text).toContain('anggaran');
    expect((await core.invoke('releases.list', { query: 'jembatan anggaran' })).items.map((i) => i.id)).toEqual([r.id]);
  }
  // Replaying the same changes again changes nothing (idempotent).
  exchange(a.core, b.core);
  expect((await a.core.invoke('releases.get', { id: r.id })).bodyJson).toEqual((await b.core.invoke('releases.get', { id: r.id })).bodyJson);
});
