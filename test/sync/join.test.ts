/**
 * "Gabung ke kantor yang sudah ada" through a real server on 127.0.0.1 and cores on real SQLite
 * files: a fresh computer joins, takes the office's profile and accounts, and its person signs in
 * with the office's account; it wrote nothing of its own. Bad input (wrong code, unreachable
 * server, a server answering HTML, an office with no profile yet, a computer that already holds
 * data) is refused with a typed error, and a failed join leaves the data folder a fresh first run
 * from which a later attempt succeeds.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { REPLICATED_TABLES } from '../../shared/sync/replicated-tables';
import { SAMPLE_PROFILE } from '../support/core-fixture';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

let server: TestServer | null = null;
const devices: TestDevice[] = [];
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const d of devices.splice(0)) d.cleanup();
  for (const c of closers.splice(0)) await c();
  await server?.close();
  server = null;
});

function device(): TestDevice {
  const d = openDevice();
  devices.push(d);
  return d;
}

const ADMIN = { name: 'Sri Wahyuni', login: 'sri', password: 'kata-sandi-kantor-1' };

/** Office A: its profile and its administrator, synced. */
async function officeA(withProfile = true): Promise<{ a: TestDevice; ws: string }> {
  server = await startTestServer();
  const ws = (await server.server.admin.createWorkspace('Humas Sukamaju')).id;
  const a = device();
  if (withProfile) {
    await a.core.invoke('office.save', { ...SAMPLE_PROFILE, numberPattern: '{seq}/HUMAS/{year}' });
    await a.core.invoke('accounts.setupAdministrator', ADMIN);
  }
  await enrol(a, server.server, ws);
  expect((await a.core.invoke('sync.now', {})).state).toBe('up_to_date');
  return { a, ws };
}

/** Rows a data folder holds outside local settings: replicated rows and logged changes. */
function heldRows(d: TestDevice): number {
  const db = d.core.context.db;
  let n = (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  for (const t of Object.keys(REPLICATED_TABLES)) n += (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return n;
}

async function expectFresh(c: TestDevice): Promise<void> {
  expect(await c.core.invoke('office.get', {})).toBeNull();
  expect((await c.core.invoke('session.get', {})).accountsExist).toBe(false);
  expect((await c.core.invoke('sync.status', {})).configured).toBe(false);
  expect(heldRows(c)).toBe(0);
}

const joinInput = async (ws: string, role: 'administrator' | 'writer' = 'writer') => ({
  serverUrl: server!.server.url,
  workspace: ws,
  code: await server!.server.admin.issueCode(ws, role),
  deviceName: 'Laptop C',
});

describe('joining an existing office on first run', () => {
  it('takes the office’s profile and accounts, writes nothing of its own, and signs in with the office’s account', async () => {
    const { a, ws } = await officeA();
    const c = device();
    const status = await c.core.invoke('sync.join', await joinInput(ws));
    expect(status).toMatchObject({ configured: true, state: 'up_to_date', workspaceName: 'Humas Sukamaju' });
    expect(await c.core.invoke('office.get', {})).toMatchObject({ address: SAMPLE_PROFILE.address, website: SAMPLE_PROFILE.website, numberPattern: '{seq}/HUMAS/{year}' });
    const session = await c.core.invoke('session.get', {});
    expect(session.accountsExist).toBe(true);
    expect(session.user).toBeNull();
    expect((await c.core.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password })).user?.name).toBe(ADMIN.name);
    // Nothing of C's own was written, so nothing of C's reached the office.
    expect((c.core.context.db.prepare("SELECT count(*) AS n FROM change_log WHERE origin = 'local'").get() as { n: number }).n).toBe(0);
    await a.core.invoke('sync.now', {});
    expect((await a.core.invoke('office.get', {}))?.address).toBe(SAMPLE_PROFILE.address);
  });

  it('a wrong code is refused and nothing is written', async () => {
    const { ws } = await officeA();
    const c = device();
    const err = await c.core.invoke('sync.join', { ...(await joinInput(ws)), code: 'SALAH-123456' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'forbidden' });
    await expectFresh(c);
  });

  it('an unreachable server is told as such and nothing is written', async () => {
    const c = device();
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await c.core
      .invoke('sync.join', { serverUrl: `http://127.0.0.1:${port}`, workspace: 'ws', code: 'KODE-123456', deviceName: 'Laptop C' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unreachable' });
    expect((err as Error).message).toMatch(/tidak dapat dihubungi/);
    await expectFresh(c);
  });

  it('a server answering HTML (a router page, a proxy) is refused and nothing is written', async () => {
    const html = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body>Login router</body></html>');
    });
    await new Promise<void>((r) => html.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise((r) => html.close(() => r())));
    const c = device();
    const err = await c.core
      .invoke('sync.join', { serverUrl: `http://127.0.0.1:${(html.address() as AddressInfo).port}`, workspace: 'ws', code: 'KODE-123456', deviceName: 'Laptop C' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unreachable' });
    expect((err as Error).message).toMatch(/tidak menjawab seperti server sinkronisasi Warta/);
    await expectFresh(c);
  });

  it('a server that enrols but then answers HTML (a proxy in between): refused, and the folder is a fresh first run', async () => {
    const { ws } = await officeA();
    // Enrolment reaches the office's server; every later request gets a proxy's HTML page.
    const proxy = http.createServer((req, res) => {
      if (req.method === 'POST' && req.url === '/v1/enrol') {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          void fetch(`${server!.server.url}/v1/enrol`, { method: 'POST', body: Buffer.concat(chunks) }).then(async (r) => {
            res.writeHead(r.status, { 'content-type': 'application/json' });
            res.end(await r.text());
          });
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Proxy: sesi habis</body></html>');
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise((r) => proxy.close(() => r())));
    const c = device();
    const err = await c.core
      .invoke('sync.join', { ...(await joinInput(ws)), serverUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'conflict' });
    expect((err as Error).message).toMatch(/Data kantor belum bisa diambil/);
    await expectFresh(c);
  });

  it('an office with no profile yet: refused after enrolling, the folder is a fresh first run, and a later attempt joins', async () => {
    const { a, ws } = await officeA(false);
    const c = device();
    const err = await c.core.invoke('sync.join', await joinInput(ws)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'conflict' });
    expect((err as Error).message).toMatch(/belum punya profil kantor/);
    await expectFresh(c);

    await a.core.invoke('office.save', SAMPLE_PROFILE);
    await a.core.invoke('accounts.setupAdministrator', ADMIN);
    await a.core.invoke('sync.now', {});
    // The office knows C's device id now; the token kept from the failed attempt proves it is C.
    expect((await c.core.invoke('sync.join', await joinInput(ws))).state).toBe('up_to_date');
    expect((await c.core.invoke('office.get', {}))?.institution).toBe(SAMPLE_PROFILE.institution);
  });

  it('a computer that already holds data of its own may not join (it enrols from Settings instead)', async () => {
    const { ws } = await officeA();
    const b = device();
    await b.core.invoke('office.save', SAMPLE_PROFILE);
    const err = await b.core.invoke('sync.join', await joinInput(ws)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'conflict' });
    expect((err as Error).message).toMatch(/sudah berisi data/);
    expect((await b.core.invoke('sync.status', {})).configured).toBe(false);
  });

  it('an enrolled computer may not join again', async () => {
    const { ws } = await officeA();
    const c = device();
    await c.core.invoke('sync.join', await joinInput(ws));
    // Once accounts exist nobody is signed in: the method's permission already refuses.
    await expect(c.core.invoke('sync.join', await joinInput(ws))).rejects.toMatchObject({ code: 'forbidden' });
  });
});

