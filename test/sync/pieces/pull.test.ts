/** pull.ts: pages applied with their cursor; progress per page; a page lost on the way is asked again. */
import { afterEach, describe, expect, it } from 'vitest';
import { PULL_WAL_PAGES } from '../../../electron/core/sync/pull';
import { enrol, openDevice } from '../support';
import { faultyFetch, office, stateOf, type Office } from './helpers';

let o: Office | null = null;
afterEach(async () => {
  await o?.close();
  o = null;
});

const walPages = (d: Office['devices'][number]) => d.core.context.db.pragma('wal_autocheckpoint', { simple: true }) as number;
const opdCount = (d: Office['devices'][number]) => (d.core.context.db.prepare('SELECT count(*) AS n FROM opd').get() as { n: number }).n;

describe('pull', () => {
  it('applies page by page, reports progress per page, and ends at the head', async () => {
    o = await office(2, { sync: { pullPageBytes: 2048 } });
    const [a, b] = o.devices as [Office['devices'][number], Office['devices'][number]];
    const m = a.core.context.mutator;
    m.transaction(() => {
      for (let i = 0; i < 60; i++) m.insert('opd', { name: `Dinas ${i} ${'x'.repeat(40)}` });
    });
    expect((await a.engine.syncNow()).state).toBe('up_to_date');
    const progress: { done: number; total: number | null; finished: boolean }[] = [];
    // While pulling, checkpoints wait for PULL_WAL_PAGES; afterwards SQLite's default is back and the WAL checkpointed.
    const walDuring: number[] = [];
    b.core.on('progress', (p) => {
      progress.push(p);
      walDuring.push(walPages(b));
    });
    expect((await b.engine.syncNow()).state).toBe('up_to_date');
    expect(new Set(walDuring)).toEqual(new Set([PULL_WAL_PAGES]));
    expect(walPages(b)).toBe(1000);
    const [ckpt] = b.core.context.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    expect(ckpt?.checkpointed).toBe(ckpt?.log);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatchObject({ finished: true });
    expect(progress.slice(0, -1).every((p) => !p.finished)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((x, y) => x - y));
    expect(stateOf(b).num('pull_cursor')).toBe(await o.server.store.head(o.workspace));
    expect(opdCount(b)).toBe(60);
  });

  it('a page lost on the way leaves the cursor after the last applied page; the next cycle goes on from there', async () => {
    let pulls = 0;
    let broken = false;
    o = await office(1);
    const [src] = o.devices as [Office['devices'][number]];
    const m = src.core.context.mutator;
    m.transaction(() => {
      for (let i = 0; i < 40; i++) m.insert('opd', { name: `Dinas ${i} ${'x'.repeat(40)}` });
    });
    expect((await src.engine.syncNow()).state).toBe('up_to_date');
    // A second device pulls in small pages through a network that drops after two of them.
    const dst = openDevice(undefined, {
      sync: { pullPageBytes: 2048, fetch: faultyFetch((url) => url.includes('/v1/pull') && (broken || (++pulls > 2 && (broken = true)))) },
    });
    o.devices.push(dst);
    await enrol(dst, o.server.server, o.workspace);
    expect((await dst.engine.syncNow()).state).toBe('offline');
    expect(walPages(dst)).toBe(1000);
    const cursor = stateOf(dst).num('pull_cursor');
    const head = await o.server.store.head(o.workspace);
    expect(cursor).toBeGreaterThan(0);
    expect(cursor).toBeLessThan(head);
    expect(opdCount(dst)).toBeGreaterThan(0);
    expect(opdCount(dst)).toBeLessThan(40);
    broken = false;
    pulls = -1000;
    expect((await dst.engine.syncNow()).state).toBe('up_to_date');
    expect(stateOf(dst).num('pull_cursor')).toBe(head);
    expect(opdCount(dst)).toBe(40);
  });
});
