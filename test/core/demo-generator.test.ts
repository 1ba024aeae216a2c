import { afterEach, expect, it } from 'vitest';
import { DEMO_PROFILE, generateWorkspace } from '../../scripts/demo/generate';
import { openTestCore, type CoreFixture } from '../support/core-fixture';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

it('fills a workspace with the invented office, scaled by size, through the mutation path', async () => {
  fx = openTestCore();
  const progress: [string, number][] = [];
  const counts = await generateWorkspace(fx.core, { size: 3, onProgress: (label, done) => progress.push([label, done]) });
  expect(counts.opd).toBe(60);
  expect(await fx.core.invoke('office.get')).toMatchObject({ institution: DEMO_PROFILE.institution, timeZone: 'WIB' });
  const opd = await fx.core.invoke('opd.list');
  expect(opd).toHaveLength(60);
  expect(opd.map((o) => o.abbreviation)).toContain('Diskominfo');
  // Every feature adds its own section; the office part reports its own progress.
  expect(progress.filter(([label]) => label === 'OPD').at(-1)).toEqual(['OPD', 60]);
  const status = await fx.core.invoke('sync.status');
  expect(status.pendingChanges).toBeGreaterThanOrEqual(61);
});

it('builds the same data from the same seed', async () => {
  fx = openTestCore();
  await generateWorkspace(fx.core, { seed: 7 });
  const first = (await fx.core.invoke('opd.list')).map((o) => [o.name, o.phone, o.active]);
  const other = openTestCore();
  await generateWorkspace(other.core, { seed: 7 });
  const second = (await other.core.invoke('opd.list')).map((o) => [o.name, o.phone, o.active]);
  other.cleanup();
  expect(second).toEqual(first);
});
