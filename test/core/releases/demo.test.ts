import { afterEach, expect, it } from 'vitest';
import { officeSection } from '../../../scripts/demo/office';
import { releasesSection } from '../../../scripts/demo/releases';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

it('demo releases: 40 per size unit, searchable at once, numbers unique per year, exports work', async () => {
  fx = openTestCore();
  const ctx = { core: fx.core, size: 2, seed: 2026, progress: () => {} };
  await officeSection.run(ctx);
  expect(await releasesSection.run(ctx)).toEqual({ releases: 80 });
  const all = await fx.core.invoke('releases.list', { limit: 1000 });
  expect(all.total).toBe(80);
  const numbers = all.items.map((i) => i.number).filter((n): n is string => n !== null);
  expect(numbers.length).toBeGreaterThan(40);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(all.items.some((i) => i.numberConflict)).toBe(false);
  expect((await fx.core.invoke('releases.list', { query: 'jembatan' })).total).toBeGreaterThan(0);
  // The index was built by the generator: nothing left to catch up.
  const seq = fx.core.context.db.prepare("SELECT value FROM release_index_state WHERE key = 'log_seq'").get() as { value: number };
  const head = fx.core.context.db.prepare('SELECT max(seq) AS s FROM change_log').get() as { s: number };
  expect(seq.value).toBe(head.s);
  const wa = await fx.core.invoke('releases.export', { id: all.items[0]!.id, format: 'whatsapp' });
  expect(Buffer.from(wa.base64, 'base64').toString('utf8')).toContain('*SUKAMAJU* – ');
});

it('a search matching more than 1,000 releases counts to 1,000, says so, and pages on newest first', async () => {
  fx = openTestCore();
  const ctx = { core: fx.core, size: 26, seed: 2026, progress: () => {} };
  await officeSection.run(ctx);
  await releasesSection.run(ctx);
  const first = await fx.core.invoke('releases.list', { query: 'sukamaju', limit: 50 });
  expect(first).toMatchObject({ total: 1000, capped: true });
  const dates = first.items.map((i) => i.releaseDate);
  expect(dates).toEqual([...dates].sort().reverse());
  const far = await fx.core.invoke('releases.list', { query: 'sukamaju', limit: 50, offset: 1020 });
  expect(far.items).toHaveLength(20); // 1,040 in all: paging goes past the counted 1,000
  const exact = await fx.core.invoke('releases.list', { query: 'sukamaju', statuses: ['draft'] });
  expect(exact.capped).toBe(false);
  expect(exact.total).toBe((await fx.core.invoke('releases.list', { statuses: ['draft'] })).total);
}, 60_000);
