/**
 * Issue 19 item 12, through a real server on 127.0.0.1 and cores on real SQLite files: values a
 * device wrote before it ever synced never overwrite the office's values silently. A laptop that
 * went through "Kantor baru" with a near-empty profile and then enrolled takes the office's
 * letterhead and number pattern; its own values wait in the conflicts view; choosing one writes
 * it as a new change that then wins everywhere. A writer's laptop (which may not set the office
 * profile) ends with the office's profile, not a broken one; re-enrolling after a disconnect is
 * no join.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_PROFILE } from '../support/core-fixture';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

let server: TestServer | null = null;
const devices: TestDevice[] = [];

afterEach(async () => {
  for (const d of devices.splice(0)) d.cleanup();
  await server?.close();
  server = null;
});

const OFFICE = { ...SAMPLE_PROFILE, numberPattern: '{seq}/HUMAS/{month-roman}/{year}', scriptLine: '', endMark: '-selesai-' as const };
/** What a hurried first run on a second laptop leaves: the required fields, nothing else. */
const NEAR_EMPTY = { institution: 'Pemkot', unit: 'Humas', city: 'Sukamaju', province: 'Jawa Tengah', timeZone: 'WIB' as const };

async function office(): Promise<{ a: TestDevice; ws: string }> {
  server = await startTestServer();
  const ws = (await server.server.admin.createWorkspace('Humas Sukamaju')).id;
  const a = openDevice();
  devices.push(a);
  await a.core.invoke('office.save', OFFICE);
  await enrol(a, server.server, ws);
  expect((await a.core.invoke('sync.now', {})).state).toBe('up_to_date');
  return { a, ws };
}

function laptop(): TestDevice {
  const d = openDevice();
  devices.push(d);
  return d;
}

const letterhead = (p: { address: string; phone: string; email: string; website: string; numberPattern: string; institution: string } | null) =>
  p && { institution: p.institution, address: p.address, phone: p.phone, email: p.email, website: p.website, numberPattern: p.numberPattern };

describe('joining an office loses nothing', () => {
  it('a laptop’s first-run profile, written later by clock, does not replace the office’s; its values go to the conflicts view', async () => {
    const { a, ws } = await office();
    const b = laptop();
    await new Promise((r) => setTimeout(r, 5)); // B's first run is later by clock than A's
    await b.core.invoke('office.save', NEAR_EMPTY);
    await enrol(b, server!.server, ws);
    expect((await b.core.invoke('sync.now', {})).state).toBe('up_to_date');
    expect((await a.core.invoke('sync.now', {})).state).toBe('up_to_date');

    const expected = letterhead({ ...OFFICE });
    expect(letterhead(await a.core.invoke('office.get', {}))).toEqual(expected);
    expect(letterhead(await b.core.invoke('office.get', {}))).toEqual(expected);

    // B's own values, kept where a person sees them; empty fields of B were no values at all.
    const conflicts = await b.core.invoke('sync.conflicts', {});
    const byField = new Map(conflicts.map((c) => [c.field, c]));
    expect([...byField.keys()].sort()).toEqual(['institution', 'number_pattern', 'unit']);
    expect(byField.get('institution')).toMatchObject({ table: 'office_profile', currentValue: OFFICE.institution, otherValue: 'Pemkot', otherFrom: b.core.info.deviceId });
    expect(byField.get('number_pattern')?.currentValue).toBe(OFFICE.numberPattern);
    expect(await a.core.invoke('sync.conflicts', {})).toEqual([]);

    // Choosing B's value is a new change: it wins everywhere.
    await b.core.invoke('sync.resolveConflict', { id: byField.get('unit')!.id, keep: 'other' });
    await b.core.invoke('sync.now', {});
    await a.core.invoke('sync.now', {});
    expect((await a.core.invoke('office.get', {}))?.unit).toBe('Humas');
    expect(letterhead(await a.core.invoke('office.get', {}))).toEqual(expected);
  });

  it('an office field with no value is filled by the laptop’s value, silently', async () => {
    const { a, ws } = await office();
    await a.core.invoke('office.save', { ...OFFICE, website: '' });
    await a.core.invoke('sync.now', {});
    const b = laptop();
    await new Promise((r) => setTimeout(r, 5));
    await b.core.invoke('office.save', { ...NEAR_EMPTY, website: 'https://humas.example.go.id' });
    await enrol(b, server!.server, ws);
    await b.core.invoke('sync.now', {});
    await a.core.invoke('sync.now', {});
    expect((await a.core.invoke('office.get', {}))?.website).toBe('https://humas.example.go.id');
    expect((await a.core.invoke('office.get', {}))?.address).toBe(OFFICE.address);
    expect((await b.core.invoke('sync.conflicts', {})).map((c) => c.field)).not.toContain('website');
  });

  it('a writer’s laptop (may not set the office profile) ends with the office’s profile and keeps working', async () => {
    const { a, ws } = await office();
    await a.core.invoke('office.save', { ...OFFICE, website: '' });
    await a.core.invoke('sync.now', {});
    const w = laptop();
    await new Promise((r) => setTimeout(r, 5));
    await w.core.invoke('office.save', { ...NEAR_EMPTY, website: 'https://penulis.example.go.id' });
    await enrol(w, server!.server, ws, 'writer');
    expect((await w.core.invoke('sync.now', {})).state).toBe('up_to_date');
    const expected = letterhead({ ...OFFICE, website: '' });
    expect(letterhead(await w.core.invoke('office.get', {}))).toEqual(expected);
    // Even the value the office lacked is not pushed (a writer may not fill it): it waits with the others.
    expect(await w.core.invoke('sync.refused', {})).toEqual([]);
    expect((await w.core.invoke('sync.conflicts', {})).map((c) => c.field).sort()).toEqual(['institution', 'number_pattern', 'unit', 'website']);
    expect((await w.core.invoke('sync.now', {})).state).toBe('up_to_date');
    await a.core.invoke('sync.now', {});
    expect(letterhead(await a.core.invoke('office.get', {}))).toEqual(expected);
  });

  it('a writer’s laptop enrolled in an office with no profile yet: its profile is refused, it waits without breaking, then takes the office’s', async () => {
    server = await startTestServer();
    const ws = (await server.server.admin.createWorkspace('Humas Baru')).id;
    const w = laptop();
    await w.core.invoke('office.save', NEAR_EMPTY);
    await enrol(w, server.server, ws, 'writer');
    const status = await w.core.invoke('sync.now', {});
    expect(status.state).toBe('up_to_date');
    // Refused by the office's rules, kept for the person; the row took the office's (empty) state.
    expect((await w.core.invoke('sync.refused', {})).map((r) => r.field)).toEqual(expect.arrayContaining(['institution', 'number_pattern']));
    expect(await w.core.invoke('office.get', {})).toBeNull();
    // Saving a profile of its own is refused here too (its role), with a clear error; nothing breaks.
    await expect(w.core.invoke('office.save', NEAR_EMPTY)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await w.core.invoke('sync.now', {})).state).toBe('up_to_date');

    const a = laptop();
    await a.core.invoke('office.save', OFFICE);
    await enrol(a, server.server, ws);
    await a.core.invoke('sync.now', {});
    await w.core.invoke('sync.now', {});
    expect(letterhead(await w.core.invoke('office.get', {}))).toEqual(letterhead({ ...OFFICE }));
  });

  it('re-enrolling after a disconnect is no join: this device’s synced values are not set aside', async () => {
    const { a, ws } = await office();
    await a.core.invoke('office.save', { ...OFFICE, phone: '(0271) 555-0199' });
    await a.core.invoke('sync.now', {});
    await a.core.invoke('sync.disconnect', {});
    await a.core.invoke('sync.configure', {
      serverUrl: server!.server.url,
      workspace: ws,
      code: await server!.server.admin.issueCode(ws, 'administrator', undefined, a.core.info.deviceId),
      deviceName: 'Komputer A',
    });
    expect((await a.core.invoke('sync.now', {})).state).toBe('up_to_date');
    expect((await a.core.invoke('office.get', {}))?.phone).toBe('(0271) 555-0199');
    expect(await a.core.invoke('sync.conflicts', {})).toEqual([]);
  });
});
