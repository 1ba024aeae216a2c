import { afterEach, expect, it } from 'vitest';
import { DEMO_PROFILE, generateWorkspace } from '../../scripts/demo/generate';
import { openTestCore, type CoreFixture } from '../support/core-fixture';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

it('fills a workspace with the invented office, scaled by size, through the mutation path', async () => {
  fx = openTestCore();
  const progress: number[] = [];
  const counts = await generateWorkspace(fx.core, { size: 3, onProgress: (_l, done) => progress.push(done) });
  expect(counts.opd).toBe(60);
  expect(await fx.core.invoke('office.get')).toMatchObject({ institution: DEMO_PROFILE.institution, timeZone: 'WIB' });
  const opd = await fx.core.invoke('opd.list');
  expect(opd).toHaveLength(60);
  expect(opd.map((o) => o.abbreviation)).toContain('Diskominfo');
  expect(progress.at(-1)).toBe(60);
  const status = await fx.core.invoke('sync.status');
  expect(status).toMatchObject({ configured: false, pendingChanges: 61 });
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
