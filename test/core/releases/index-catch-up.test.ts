/**
 * The release index catches up in the background (issue 17): after releases arrive (here written
 * on this device; a pull writes through the same mutator), the search index and body cache are
 * brought up to date in slices without waiting for a read, so the first list after a large pull
 * no longer re-reads every release in one stretch. Real SQLite, the real FTS index.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catchUpInSlices } from '../../../electron/core/features/releases/body-store';
import type { CoreFixture } from '../../support/core-fixture';
import { releaseCore, writeBody } from './helpers';

const fixtures: CoreFixture[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.cleanup();
});

const indexed = (fx: CoreFixture) =>
  (fx.core.context.db.prepare("SELECT value FROM release_index_state WHERE key = 'log_seq'").get() as { value: number } | undefined)?.value ?? 0;
const head = (fx: CoreFixture) => (fx.core.context.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM change_log').get() as { s: number }).s;

describe('release index catch-up in the background', () => {
  it('reaches the change log after writes, and search finds what was written', { timeout: 120_000 }, async () => {
    const fx = await releaseCore();
    fixtures.push(fx);
    for (let i = 0; i < 12; i++) {
      const r = await fx.core.invoke('releases.create', { title: `Rilis latar ${i}` });
      await writeBody(fx.core, r.id, `Jembatan gantung desa nomor ${i} diresmikan.`);
    }
    await vi.waitFor(() => expect(indexed(fx)).toBe(head(fx)), { timeout: 30_000, interval: 20 });
    const found = await fx.core.invoke('releases.list', { query: 'jembatan' });
    expect(found.total).toBe(12);
  });

  it('works in slices (other work runs in between), can be stopped, and a later run finishes the job', { timeout: 120_000 }, async () => {
    const fx = await releaseCore();
    fixtures.push(fx);
    for (let i = 0; i < 10; i++) {
      const r = await fx.core.invoke('releases.create', { title: `Rilis irisan ${i}` });
      await writeBody(fx.core, r.id, `Pasar rakyat nomor ${i}.`);
    }
    await vi.waitFor(() => expect(indexed(fx)).toBe(head(fx)), { timeout: 30_000, interval: 20 });
    // Everything to redo: the index state is set back, as after a large pull.
    const db = fx.core.context.db;
    db.prepare("UPDATE release_index_state SET value = 0 WHERE key = 'log_seq'").run();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 0);
    let stop = false;
    const first = catchUpInSlices(db, () => stop);
    await new Promise((r) => setImmediate(r));
    stop = true;
    await first;
    expect(indexed(fx)).toBeLessThan(head(fx));
    await catchUpInSlices(db, () => false);
    clearInterval(ticker);
    expect(indexed(fx)).toBe(head(fx));
    expect(ticks).toBeGreaterThan(0);
    expect((await fx.core.invoke('releases.list', { query: 'pasar' })).total).toBe(10);
  });
});
