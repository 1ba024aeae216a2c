/**
 * The administrator's device sync report on a real server on 127.0.0.1 (SQLite store): what each
 * device last did (push with its accepted and refused counts, how far it pulled), served only to
 * a device whose role manages sync; a writer's or a journalist's device is refused with 403, an
 * unknown token with 401, and another workspace's devices never appear; and the same through
 * two desktop cores (`sync.devices`).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEVICE_REPORT_PATH, type DeviceReport } from '../../shared/sync/device-report';
import { removeDir } from '../support/temp-dir';
import { enrol, openDevice, startTestServer, type TestServer } from './support';

let t: TestServer;
let wsA: string;
let wsB: string;
interface Dev {
  token: string;
  node: string;
}

async function enrolRaw(workspace: string, role: Parameters<TestServer['server']['admin']['issueCode']>[1]): Promise<Dev> {
  const code = await t.server.admin.issueCode(workspace, role);
  const node = crypto.randomBytes(8).toString('hex');
  const r = await fetch(`${t.server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace, code, deviceId: node, deviceName: `uji-${role}` }) });
  expect(r.status).toBe(200);
  return { token: ((await r.json()) as { token: string }).token, node };
}
const stamp = (node: string, counter = 0) => `${String(Date.now()).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${node}`;
const opdChange = (d: Dev, counter = 0) => ({ hlc: stamp(d.node, counter), table: 'opd', rowId: crypto.randomUUID(), fields: { name: `Dinas ${counter}` } });
const get = (d: Dev | null, path: string) => fetch(`${t.server.url}${path}`, { headers: d ? { authorization: `Bearer ${d.token}` } : {} });
const push = async (d: Dev, changes: unknown[]) =>
  (await (await fetch(`${t.server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${d.token}` }, body: JSON.stringify({ changes }) })).json()) as { accepted: number; refused: unknown[] };

let admin: Dev;
let writer: Dev;
let journalist: Dev;
let other: Dev;

beforeAll(async () => {
  t = await startTestServer();
  wsA = (await t.server.admin.createWorkspace('Humas A')).id;
  wsB = (await t.server.admin.createWorkspace('Humas B')).id;
  admin = await enrolRaw(wsA, 'administrator');
  writer = await enrolRaw(wsA, 'writer');
  journalist = await enrolRaw(wsA, 'journalist');
  other = await enrolRaw(wsB, 'administrator');
});
afterAll(async () => {
  await t.close();
  removeDir(t.dir);
});

/** Notes are written after the answer: wait for the report to show them (bounded). */
async function reportUntil(ok: (r: DeviceReport) => boolean): Promise<DeviceReport> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = (await (await get(admin, DEVICE_REPORT_PATH)).json()) as DeviceReport;
    if (ok(r) || Date.now() > deadline) return r;
    await new Promise((res) => setTimeout(res, 50));
  }
}

it("reports each device's last push, its refusals and how far it pulled, to the administrator's device", async () => {
  const before = Date.now();
  expect(await push(admin, [opdChange(admin, 0), opdChange(admin, 1)])).toMatchObject({ accepted: 2, refused: [] });
  // A writer may not write the OPD list: the server refuses the change, and the report counts it.
  const refused = await push(writer, [opdChange(writer, 0)]);
  expect(refused.refused).toHaveLength(1);
  expect((await get(journalist, '/v1/pull?after=0')).status).toBe(200);
  const r = await reportUntil((x) => x.devices.find((d) => d.name === 'uji-journalist')?.pulledTo !== null && x.devices.find((d) => d.name === 'uji-writer')?.refusedTotal === 1);
  expect(r.head).toBe(2);
  expect(r.devices.map((d) => d.name)).toEqual(['uji-administrator', 'uji-writer', 'uji-journalist']);
  const [a, w, j] = r.devices;
  expect(a).toMatchObject({ deviceId: admin.node, role: 'administrator', revoked: false, lastPushAccepted: 2, lastPushRefused: 0, refusedTotal: 0 });
  expect(a!.lastPushAt).toBeGreaterThanOrEqual(before);
  expect(w).toMatchObject({ role: 'writer', lastPushAccepted: 0, lastPushRefused: 1, refusedTotal: 1, pulledTo: null });
  // The journalist may read no OPD change, but its pull still reached the head.
  expect(j).toMatchObject({ role: 'journalist', lastPushAt: null, pulledTo: 2 });
  expect(j!.lastSeenAt).toBeGreaterThanOrEqual(before);
  await t.server.admin.revoke(wsA, journalist.node);
  const after = await reportUntil((x) => x.devices.some((d) => d.revoked));
  expect(after.devices.find((d) => d.deviceId === journalist.node)!.revoked).toBe(true);
});

it('refuses the report to any device whose role does not manage sync, and keeps workspaces apart', async () => {
  const w = await get(writer, DEVICE_REPORT_PATH);
  expect(w.status).toBe(403);
  expect(((await w.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('hanya untuk administrator') });
  expect((await get(null, DEVICE_REPORT_PATH)).status).toBe(401);
  expect((await fetch(`${t.server.url}${DEVICE_REPORT_PATH}`, { headers: { authorization: 'Bearer bukan-token' } })).status).toBe(401);
  const b = (await (await get(other, DEVICE_REPORT_PATH)).json()) as DeviceReport;
  expect(b.devices.map((d) => d.deviceId)).toEqual([other.node]);
  // The server keeps serving after the refusals.
  expect((await get(admin, DEVICE_REPORT_PATH)).status).toBe(200);
});

it('reaches the desktop: `sync.devices` on an administrator machine after real syncs; a writer machine is refused by the server', async () => {
  const adminPc = openDevice();
  const writerPc = openDevice();
  const loose = openDevice();
  try {
    await enrol(adminPc, t.server, wsA);
    await enrol(writerPc, t.server, wsA, 'writer');
    await adminPc.core.invoke('opd.save', { name: 'Dinas Perhubungan' } as never);
    await adminPc.engine.syncNow();
    await writerPc.engine.syncNow();
    const until = Date.now() + 15_000;
    let report = await adminPc.core.invoke('sync.devices', {});
    while (report.devices.find((d) => d.deviceId === writerPc.core.info.deviceId)?.pulledTo !== report.head && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      report = await adminPc.core.invoke('sync.devices', {});
    }
    const mine = report.devices.find((d) => d.deviceId === adminPc.core.info.deviceId)!;
    expect(mine.lastPushAccepted).toBeGreaterThanOrEqual(1);
    expect(report.devices.find((d) => d.deviceId === writerPc.core.info.deviceId)).toMatchObject({ role: 'writer', pulledTo: report.head });
    // The person at the writer machine is its local administrator, but the machine is enrolled as a writer: the server says no.
    expect(await writerPc.core.call('sync.devices', {})).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('hanya untuk administrator') } });
    // A machine with no sync set up gets a clear error, and keeps running.
    expect(await loose.core.call('sync.devices', {})).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('belum diatur') } });
    expect((await loose.core.invoke('opd.save', { name: 'Dinas A' } as never)).name).toBe('Dinas A');
  } finally {
    adminPc.cleanup();
    writerPc.cleanup();
    loose.cleanup();
  }
}, 60_000);
