/**
 * Enrolment over real HTTP with real devices (cores on SQLite files): a code never takes over
 * another device's identity; the same device re-enrols with proof of its token or with a code
 * the administrator issued for it; revocation holds; failed enrolments are limited per address
 * and per workspace, with a lockout the administrator can read in the enrolment audit.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import type { SyncStore } from '../../server/store';
import { removeDir, tempDir } from '../support/temp-dir';
import { openDevice, type TestDevice } from './support';

const ADMIN = 'admin-token-enrolment-tests';
const dir = tempDir('enrolment');
let store: SyncStore;
let server: SyncServer;
const devices: TestDevice[] = [];

beforeAll(async () => {
  store = openSqliteStore(dir);
  server = await startSyncServer({ store, adminToken: ADMIN, trustProxy: true, enrolLimits: { perAddress: 4, perWorkspace: 8 } });
});
afterAll(async () => {
  for (const d of devices) d.cleanup();
  await server.close();
  await store.close();
  removeDir(dir);
});

const device = () => {
  const d = openDevice();
  devices.push(d);
  return d;
};

/** An enrolment as an attacker makes it: any device id, from any (forwarded) address. */
async function enrolRaw(body: Record<string, unknown>, address = '10.0.0.1', token?: string) {
  const r = await fetch(`${server.url}/v1/enrol`, {
    method: 'POST',
    headers: { 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: r.status, retryAfter: r.headers.get('retry-after'), body: (await r.json()) as { token?: string; role?: string; error?: { code: string; message: string } } };
}

async function audit(workspace: string) {
  const r = await fetch(`${server.url}/v1/admin/enrolment-audit?workspace=${workspace}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(r.status).toBe(200);
  return ((await r.json()) as { events: { outcome: string; reason: string | null; address: string; deviceId: string | null }[] }).events;
}

describe('device identity is bound', () => {
  it('a code of any role redeemed with another device id does not take it over; the real device keeps syncing', async () => {
    const ws = (await server.admin.createWorkspace('Humas Takeover')).id;
    const laptop = device();
    await laptop.core.invoke('sync.configure', { serverUrl: server.url, workspace: ws, code: await server.admin.issueCode(ws, 'writer'), deviceName: 'Laptop' });
    const victim = laptop.core.info.deviceId;
    for (const role of ['journalist', 'administrator'] as const) {
      const code = await server.admin.issueCode(ws, role);
      const r = await enrolRaw({ workspace: ws, code, deviceId: victim, deviceName: 'Penyusup' }, '10.0.0.50');
      expect(r.status).toBe(409);
      expect(r.body.error?.code).toBe('device_taken');
      expect(r.body.error?.message).toMatch(/tidak dapat mengambil alih identitas perangkat lain.*\(This device id is already enrolled/);
      expect(r.body.token).toBeUndefined();
      // The refused code was not used up: it still enrols a new device.
      expect((await enrolRaw({ workspace: ws, code, deviceId: crypto.randomBytes(8).toString('hex'), deviceName: 'Baru' }, '10.0.0.51')).status).toBe(200);
    }
    await laptop.core.invoke('opd.save', { name: 'Dinas Kominfo', abbreviation: 'Diskominfo' }).catch(() => undefined);
    const st = await laptop.core.invoke('sync.now');
    expect(st.state).toBe('up_to_date');
    expect(st.role).toBe('writer');
    expect((await server.admin.devices(ws)).find((d) => d.deviceId === victim)).toMatchObject({ name: 'Laptop', role: 'writer', revoked: false });
    expect((await audit(ws)).filter((e) => e.outcome === 'failed' && e.reason === 'device_taken').map((e) => e.deviceId)).toEqual([victim, victim]);
  });

  it('the same device re-enrols with proof of its token (a new role); after a disconnect it needs a code issued for it', async () => {
    const ws = (await server.admin.createWorkspace('Humas Ulang')).id;
    const pc = device();
    await pc.core.invoke('sync.configure', { serverUrl: server.url, workspace: ws, code: await server.admin.issueCode(ws, 'writer'), deviceName: 'PC Humas' });
    const promoted = await pc.core.invoke('sync.configure', { serverUrl: server.url, workspace: ws, code: await server.admin.issueCode(ws, 'editor'), deviceName: 'PC Humas' });
    expect(promoted.role).toBe('editor');
    await pc.core.invoke('sync.disconnect');
    const again = pc.core.invoke('sync.configure', { serverUrl: server.url, workspace: ws, code: await server.admin.issueCode(ws, 'editor'), deviceName: 'PC Humas' });
    await expect(again).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/kode pendaftaran ulang untuk perangkat/) });
    // The administrator approves: a code issued for this device id, through the admin API.
    const r = await fetch(`${server.url}/v1/admin/codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ workspace: ws, role: 'editor', deviceId: pc.core.info.deviceId }),
    });
    const { code } = (await r.json()) as { code: string };
    const back = await pc.core.invoke('sync.configure', { serverUrl: server.url, workspace: ws, code, deviceName: 'PC Humas' });
    expect(back).toMatchObject({ configured: true, role: 'editor' });
    expect((await pc.core.invoke('sync.now')).state).toBe('up_to_date');
    // That code was for this device only.
    const other = await server.admin.issueCode(ws, 'writer', undefined, pc.core.info.deviceId);
    expect((await enrolRaw({ workspace: ws, code: other, deviceId: crypto.randomBytes(8).toString('hex'), deviceName: 'X' }, '10.0.0.60')).body.error?.message).toMatch(/untuk perangkat lain/);
  });

  it('a revoked device cannot come back with a new code, even with its old token; only with a code issued for it', async () => {
    const ws = (await server.admin.createWorkspace('Humas Cabut')).id;
    const kiosk = device();
    await kiosk.core.invoke('sync.configure', { serverUrl: server.url, workspace: ws, code: await server.admin.issueCode(ws, 'journalist'), deviceName: 'Kios' });
    expect(await server.admin.revoke(ws, kiosk.core.info.deviceId)).toBe(true);
    const retry = kiosk.core.invoke('sync.configure', { serverUrl: server.url, workspace: ws, code: await server.admin.issueCode(ws, 'journalist'), deviceName: 'Kios' });
    await expect(retry).rejects.toMatchObject({ message: expect.stringMatching(/telah dicabut aksesnya/) });
    expect((await kiosk.core.invoke('sync.now')).message).toMatch(/dicabut/);
    const approved = await server.admin.issueCode(ws, 'journalist', undefined, kiosk.core.info.deviceId);
    expect((await kiosk.core.invoke('sync.configure', { serverUrl: server.url, workspace: ws, code: approved, deviceName: 'Kios' })).configured).toBe(true);
    expect((await kiosk.core.invoke('sync.now')).state).toBe('up_to_date');
  });
});

describe('failed enrolments are limited and audited', () => {
  it('per address: a lockout with Retry-After and a sentence, written once to the audit, other addresses unaffected', async () => {
    const ws = (await server.admin.createWorkspace('Humas Batas')).id;
    const wrong = { workspace: ws, code: 'AAAA-BBBB-CCCC', deviceId: crypto.randomBytes(8).toString('hex'), deviceName: 'Tebak' };
    for (let i = 0; i < 4; i++) expect((await enrolRaw(wrong, '10.1.1.1')).status).toBe(403);
    const locked = await enrolRaw({ ...wrong, code: await server.admin.issueCode(ws, 'writer') }, '10.1.1.1');
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('too_many_attempts');
    expect(locked.body.error?.message).toMatch(/^Terlalu banyak pendaftaran gagal dari alamat ini; .*menit.*\(Too many failed enrolments from this address/);
    expect(Number(locked.retryAfter)).toBeGreaterThan(60);
    // Another address with a good code is not locked out.
    expect((await enrolRaw({ ...wrong, code: await server.admin.issueCode(ws, 'writer') }, '10.1.1.2')).status).toBe(200);
    const events = await audit(ws);
    expect(events.filter((e) => e.outcome === 'locked_out')).toEqual([expect.objectContaining({ address: '10.1.1.1', reason: 'address' })]);
    expect(events.filter((e) => e.outcome === 'failed' && e.address === '10.1.1.1')).toHaveLength(4);
    expect(events[0]).toMatchObject({ outcome: 'enrolled', address: '10.1.1.2' });
  });

  it('per workspace: failures from many addresses lock the workspace out', async () => {
    const ws = (await server.admin.createWorkspace('Humas Serbu')).id;
    for (let i = 0; i < 8; i++) await enrolRaw({ workspace: ws, code: 'AAAA-BBBB-CCCC', deviceId: crypto.randomBytes(8).toString('hex'), deviceName: 'X' }, `10.2.0.${i}`);
    const r = await enrolRaw({ workspace: ws, code: await server.admin.issueCode(ws, 'writer'), deviceId: crypto.randomBytes(8).toString('hex'), deviceName: 'X' }, '10.2.1.1');
    expect(r.status).toBe(429);
    expect(r.body.error?.message).toMatch(/ke ruang kerja ini/);
    expect((await audit(ws)).some((e) => e.outcome === 'locked_out' && e.reason === 'workspace')).toBe(true);
    expect((await server.admin.enrolmentLog(ws)).length).toBeGreaterThanOrEqual(9);
  });
});
