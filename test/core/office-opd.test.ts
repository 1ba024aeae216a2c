import { afterEach, describe, expect, it } from 'vitest';
import { readChangeLog } from '../../electron/core/data/change-log';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../support/core-fixture';
import { fakeClock } from '../support/fake-clock';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('office profile', () => {
  it('is empty on first run, then saved, edited and kept with every change logged', async () => {
    fx = openTestCore();
    const events: string[][] = [];
    fx.core.on('data.changed', (p) => events.push(p.tables));
    expect(await fx.core.invoke('office.get')).toBeNull();
    await fx.core.invoke('office.save', SAMPLE_PROFILE);
    const saved = await fx.core.invoke('office.save', { ...SAMPLE_PROFILE, city: 'Kota Baru', timeZone: 'WITA' });
    expect(saved).toMatchObject({ city: 'Kota Baru', timeZone: 'WITA', numberPattern: '{seq}/{unit}/{institution}/{month-roman}/{year}' });
    expect(events).toEqual([['office_profile'], ['office_profile']]);
    const log = readChangeLog(fx.core.context.db).filter((c) => c.table === 'office_profile');
    expect(log).toHaveLength(2);
    expect(log[1]?.fields).toMatchObject({ city: 'Kota Baru', time_zone: 'WITA' });
  });

  it('keeps the emblem by content hash and refuses a non-image named like one', async () => {
    fx = openTestCore();
    const emblem = await fx.core.invoke('attachments.putImage', { mime: 'image/png', base64: PNG_1X1 });
    expect(emblem.hash).toMatch(/^[0-9a-f]{64}$/);
    await fx.core.invoke('office.save', { ...SAMPLE_PROFILE, emblemHash: emblem.hash });
    const url = await fx.core.invoke('attachments.getDataUrl', { hash: emblem.hash });
    expect(url.dataUrl).toBe(`data:image/png;base64,${PNG_1X1}`);

    const fake = Buffer.from('<script>alert(1)</script>').toString('base64');
    expect(await fx.core.call('attachments.putImage', { mime: 'image/jpeg', base64: fake })).toMatchObject({ ok: false, error: { code: 'unsupported_file' } });
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 1).toString('base64');
    expect(await fx.core.call('attachments.putImage', { mime: 'image/png', base64: big })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await fx.core.call('office.save', { ...SAMPLE_PROFILE, emblemHash: 'f'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('OPD list', () => {
  it('adds, renames, deletes as a tombstone and restores', async () => {
    const clock = fakeClock();
    fx = openTestCore({ clock: clock.now });
    const dinkes = await fx.core.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' });
    await fx.core.invoke('opd.save', { name: 'Badan Perencanaan Pembangunan Daerah', abbreviation: 'Bappeda' });
    clock.advance(60_000);
    const renamed = await fx.core.invoke('opd.save', { id: dinkes.id, name: 'Dinas Kesehatan Kota', abbreviation: 'Dinkes' });
    expect(renamed.updatedAt > renamed.createdAt).toBe(true);
    await fx.core.invoke('opd.delete', { id: dinkes.id });
    expect((await fx.core.invoke('opd.list')).map((o) => o.abbreviation)).toEqual(['Bappeda']);
    const withDeleted = await fx.core.invoke('opd.list', { includeDeleted: true });
    expect(withDeleted.find((o) => o.id === dinkes.id)?.deletedAt).not.toBeNull();
    expect(await fx.core.call('opd.save', { id: dinkes.id, name: 'X' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await fx.core.invoke('opd.restore', { id: dinkes.id });
    expect((await fx.core.invoke('opd.list')).map((o) => o.name)).toEqual(['Badan Perencanaan Pembangunan Daerah', 'Dinas Kesehatan Kota']);
    // Nothing replicated is hard-deleted: the row count never went down.
    expect(fx.core.context.db.prepare('SELECT count(*) AS n FROM opd').get()).toEqual({ n: 2 });
  });

  it('stores script-like and SQL-like text as plain text', async () => {
    fx = openTestCore();
    const name = `Dinas '); DROP TABLE opd; -- <img src=x onerror=alert(1)>`;
    const saved = await fx.core.invoke('opd.save', { name });
    expect((await fx.core.invoke('opd.list'))[0]?.name).toBe(name);
    expect(saved.name).toBe(name);
  });
});

describe('machine preferences', () => {
  it('keeps the language outside the replicated data', async () => {
    fx = openTestCore();
    expect(await fx.core.invoke('prefs.get')).toEqual({ language: 'id' });
    await fx.core.invoke('prefs.set', { language: 'en' });
    expect(await fx.core.invoke('prefs.get')).toEqual({ language: 'en' });
    expect(fx.core.context.db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 0 });
    expect(await fx.core.call('prefs.set', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
