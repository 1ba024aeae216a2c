/**
 * A push page read in slices (issue 17) holds the same changes in the same order as one read, and
 * a field written again between two slices is carried by the newer stamp alone, never lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { materialize, materializeInSlices, readLogEntries } from '../../../electron/core/data/change-log';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
afterEach(() => fx?.cleanup());

describe('materializeInSlices', () => {
  it('equals materialize on a log of many transactions, in log order', async () => {
    fx = openTestCore();
    for (let i = 0; i < 120; i++) await fx.core.invoke('releases.create', { title: `Rilis irisan ${i}` });
    const stamps = readLogEntries(fx.core.context.db, { origin: 'local' }).flatMap((e) => e.changes);
    expect(stamps.length).toBeGreaterThan(200);
    const whole = materialize(fx.core.context.db, stamps);
    expect(await materializeInSlices(fx.core.context.db, stamps)).toEqual(whole);
  });

  it('a field written again while the page is read: the old stamp has the old value or none, the new stamp the new one', async () => {
    fx = openTestCore();
    const ids: string[] = [];
    for (let i = 0; i < 80; i++) ids.push((await fx.core.invoke('releases.create', { title: `Rilis ${i}` })).id);
    const db = fx.core.context.db;
    const stamps = readLogEntries(db, { origin: 'local' }).flatMap((e) => e.changes);
    const reading = materializeInSlices(db, stamps);
    // A newer write of the last release's title, between two slices or after the read (timing decides).
    const last = ids[ids.length - 1] as string;
    await fx.core.invoke('releases.update', { id: last, fields: { title: 'Judul baru' } });
    const page = await reading;
    const titles = page.filter((c) => c.rowId === last && c.fields.title !== undefined).map((c) => c.fields.title);
    // Read before the write: the old value with its old clock; after: left to the newer stamp. Never the new value under the old clock.
    expect([[], ['Rilis 79']]).toContainEqual(titles);
    const later = readLogEntries(db, { origin: 'local' }).flatMap((e) => e.changes).filter((s) => !stamps.some((o) => o[0] === s[0]));
    expect(materialize(db, later).find((c) => c.rowId === last)?.fields.title).toBe('Judul baru');
  });
});
