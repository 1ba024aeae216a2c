/**
 * "Host the office sync server on this computer" through the core's methods, and the
 * background engine: a device syncs by itself after a local edit and after a server notice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

let server: TestServer | null = null;
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) {
    await d.engine.idle();
    d.cleanup();
  }
  await server?.close();
  server = null;
});

async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('hosting and background sync', () => {
  it('hosts the office server from the app, enrols itself, issues a code another device uses', async () => {
    const host = openDevice();
    const other = openDevice();
    devices.push(host, other);
    await expect(host.core.invoke('sync.host.start', { host: '0.0.0.0', port: 0, allowInsecureHttp: false })).rejects.toMatchObject({ message: expect.stringMatching(/HTTPS/) });
    const st = await host.core.invoke('sync.host.start', { host: '127.0.0.1', port: 0, allowInsecureHttp: false });
    expect(st.configured).toBe(true);
    expect(st.hosting?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(st.role).toBe('administrator');
    const { code, workspace, url } = await host.core.invoke('sync.host.issueCode', { role: 'writer' });
    await other.core.invoke('sync.configure', { serverUrl: url, workspace, code, deviceName: 'Laptop' });
    await host.core.invoke('opd.save', { name: 'Dinas Perhubungan', abbreviation: 'Dishub' });
    expect((await host.core.invoke('sync.now')).state).toBe('up_to_date');
    expect((await other.core.invoke('sync.now')).state).toBe('up_to_date');
    expect(((await other.core.invoke('opd.list', {})) as { name: string }[]).map((o) => o.name)).toContain('Dinas Perhubungan');
    // A computer enrolled as a writer's writes what a writer's device may, whoever is signed in:
    // office data is refused at once, with the permission named, and nothing is written.
    expect(() => other.core.context.mutator.insert('opd', { name: 'Tidak boleh' })).toThrow(/office\.manage/);
    await expect(other.core.invoke('opd.save', { name: 'Tidak boleh', abbreviation: 'X' })).rejects.toMatchObject({ code: 'forbidden', details: { table: 'opd' } });
    expect((await other.core.invoke('sync.now')).state).toBe('up_to_date');
    expect(((await host.core.invoke('opd.list', {})) as { name: string }[]).map((o) => o.name)).not.toContain('Tidak boleh');
    const stopped = await host.core.invoke('sync.host.stop');
    expect(stopped.hosting).toBeNull();
  });

  it('syncs by itself after a local edit, and after a notice of new data from the server', async () => {
    server = await startTestServer();
    const ws = (await server.server.admin.createWorkspace('Humas')).id;
    const a = openDevice(undefined, { sync: { auto: true } });
    const b = openDevice(undefined, { sync: { auto: true } });
    devices.push(a, b);
    await enrol(a, server.server, ws);
    await enrol(b, server.server, ws);
    await a.core.invoke('opd.save', { name: 'Dinas Pendidikan', abbreviation: 'Disdik' });
    await until(async () => ((await b.core.invoke('opd.list', {})) as { name: string }[]).some((o) => o.name === 'Dinas Pendidikan'));
    await until(() => a.engine.status().pendingChanges === 0 && a.engine.status().state === 'up_to_date');
  });
});

describe('a big pull does not block local work', () => {
  it('local saves complete while a 6,000-change pull is being applied, and both survive', { timeout: 120_000 }, async () => {
    server = await startTestServer();
    const ws = (await server.server.admin.createWorkspace('Humas')).id;
    const a = openDevice();
    const b = openDevice();
    devices.push(a, b);
    await enrol(a, server.server, ws);
    await enrol(b, server.server, ws);
    const m = a.core.context.mutator;
    m.transaction(() => {
      for (let i = 0; i < 6000; i++) m.insert('opd', { name: `Dinas ${i} ${'x'.repeat(150)}` });
    });
    expect((await a.engine.syncNow()).state).toBe('up_to_date');
    const pulling = b.engine.syncNow();
    let finished = false;
    void pulling.then(() => (finished = true));
    let savedDuringPull = 0;
    for (let i = 0; i < 200 && !finished; i++) {
      await b.core.invoke('opd.save', { name: `Lokal ${i}`, abbreviation: `L${i}` });
      if (!finished && b.engine.status().state === 'syncing') savedDuringPull += 1;
    }
    expect((await pulling).state).toBe('up_to_date');
    expect(savedDuringPull).toBeGreaterThan(0);
    await b.engine.syncNow();
    await a.engine.syncNow();
    const count = (d: TestDevice) => (d.core.context.db.prepare('SELECT count(*) AS n FROM opd').get() as { n: number }).n;
    expect(count(a)).toBe(count(b));
    expect(count(a)).toBeGreaterThan(6000 + savedDuringPull - 1);
  });
});
