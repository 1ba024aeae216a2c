/**
 * The sync server's limits, each with what a client sees: the exact crash of issue 19 (an
 * upgrade with the target `//[`), admin tokens of any byte length, `null` and non-object JSON
 * bodies, slow headers, a trickled body, idle kept-alive connections, and the connection cap.
 * Short limits so the test takes seconds; the server keeps serving after each.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import type { SyncStore } from '../../server/store';
import { rawExchange } from '../support/raw-http';
import { removeDir, tempDir } from '../support/temp-dir';

const dir = tempDir('server-limits');
let store: SyncStore;
let server: SyncServer;
const ADMIN = 'rahasia-admin-0123456789';

beforeAll(async () => {
  store = openSqliteStore(dir);
  server = await startSyncServer({
    store,
    adminToken: ADMIN,
    limits: { headersTimeoutMs: 600, requestTimeoutMs: 1200, keepAliveTimeoutMs: 400, checkIntervalMs: 100, maxConnections: 12 },
  });
});
afterAll(async () => {
  await server.close();
  await store.close();
  removeDir(dir);
});

const healthy = async () => expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
const bodyOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };

describe('the sync server refuses hostile input with a clear 4xx and keeps serving', () => {
  it('an upgrade with the target //[ (the crash of issue 19) and bad percent-encoding', async () => {
    for (const target of ['//[', '/%E0%A4%A', 'http://evil.example/v1/notices']) {
      const reply = await rawExchange(
        server.port,
        `GET ${target} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: warta.x\r\n\r\n`,
      );
      expect(reply.status).toBe(400);
      expect(bodyOf(reply.text).error.message).toMatch(/^Alamat permintaan .*\(.*\)$/);
    }
    for (const target of ['//[', '/%E0%A4%A', 'http://evil.example/v1/health']) {
      const reply = await rawExchange(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(reply.status).toBe(400);
    }
    await healthy();
  });

  it('admin tokens of any byte length are a plain 401, never a 500', async () => {
    // Header values arrive as latin1: `é` × the token's length is as long as the token in
    // characters and twice as long in UTF-8 bytes (the case that threw in timingSafeEqual).
    const sameLength = 'é'.repeat(ADMIN.length);
    const utf8 = (t: string) => Buffer.from(t, 'utf8').toString('latin1');
    for (const header of [sameLength, utf8('é'), `${ADMIN}x`, ADMIN.slice(1), utf8('😀'.repeat(50)), '']) {
      const r = await fetch(`${server.url}/v1/admin/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${header}` },
        body: JSON.stringify({ name: 'X' }),
      });
      expect(r.status).toBe(401);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/Token administrator salah/);
    }
    await healthy();
  });

  it('null and non-object JSON bodies are 400 with a sentence, for the admin API and enrolment', async () => {
    for (const body of ['null', '[]', '"teks"', '42', 'true']) {
      const admin = await fetch(`${server.url}/v1/admin/codes`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}` }, body });
      expect(admin.status).toBe(400);
      expect(((await admin.json()) as { error: { message: string } }).error.message).toMatch(/objek JSON/);
      const enrol = await fetch(`${server.url}/v1/enrol`, { method: 'POST', body });
      expect(enrol.status).toBe(400);
    }
    await healthy();
  });

  it('slow headers, a trickled body and an idle connection are answered 408 or closed in time', async () => {
    const started = Date.now();
    const silent = rawExchange(server.port, '', 5000);
    const slowHeaders = new Promise<{ text: string }>((resolve) => {
      const sock = net.connect(server.port, '127.0.0.1', () => sock.write('GET /v1/health HTTP/1.1\r\nHost: x\r\n'));
      let text = '';
      const tick = setInterval(() => sock.writable && sock.write('X-Slow: y\r\n'), 100);
      sock.on('data', (d) => (text += String(d)));
      sock.on('error', () => undefined);
      sock.on('close', () => {
        clearInterval(tick);
        resolve({ text });
      });
    });
    const trickle = new Promise<{ text: string }>((resolve) => {
      const sock = net.connect(server.port, '127.0.0.1', () => sock.write('POST /v1/enrol HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{'));
      let text = '';
      const tick = setInterval(() => sock.writable && sock.write(' '), 100);
      sock.on('data', (d) => (text += String(d)));
      sock.on('error', () => undefined);
      sock.on('close', () => {
        clearInterval(tick);
        resolve({ text });
      });
    });
    const [a, b, c] = await Promise.all([silent, slowHeaders, trickle]);
    expect(a.status).toBe(408);
    expect(b.text).toMatch(/^HTTP\/1\.1 408/);
    expect(c.text).toMatch(/^HTTP\/1\.1 408/);
    expect(bodyOf(a.text).error.message).toMatch(/terlalu lambat/);
    expect(Date.now() - started).toBeLessThan(4000);
    // A kept-alive connection left idle after its answer is closed by the server.
    const idle = await new Promise<{ text: string; closedAfterMs: number }>((resolve) => {
      const sock = net.connect(server.port, '127.0.0.1', () => sock.write('GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n'));
      let text = '';
      let answeredAt = 0;
      sock.on('data', (d) => {
        text += String(d);
        answeredAt ||= Date.now();
      });
      sock.on('error', () => undefined);
      sock.on('close', () => resolve({ text, closedAfterMs: Date.now() - answeredAt }));
      setTimeout(() => sock.destroy(), 5000);
    });
    expect(idle.text).toMatch(/^HTTP\/1\.1 200/);
    expect(idle.closedAfterMs).toBeLessThan(2000);
    await healthy();
  });

  it('oversized headers: 431', async () => {
    const reply = await rawExchange(server.port, `GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(reply.status).toBe(431);
    await healthy();
  });

  it('past the connection cap a new connection gets 503 with a sentence; once they close, service resumes', async () => {
    const held: net.Socket[] = [];
    for (let i = 0; i < 12; i++) {
      const sock = net.connect(server.port, '127.0.0.1');
      sock.on('error', () => undefined);
      await new Promise((r) => sock.once('connect', r));
      // Each sends a header now and then so the headers timeout does not close it first.
      sock.write('GET /v1/health HTTP/1.1\r\nHost: x\r\n');
      held.push(sock);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(server.sockets()).toBe(12);
    const refused = await rawExchange(server.port, 'GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(refused.status).toBe(503);
    expect(bodyOf(refused.text).error.message).toMatch(/Terlalu banyak sambungan/);
    for (const s of held) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    await healthy();
  });
});

describe('the office server hosted from the desktop runs the same hardened code', () => {
  it('survives the //[ upgrade and a multibyte token, and keeps syncing its own computer', async () => {
    const { openDevice } = await import('./support');
    const hostDevice = openDevice();
    try {
      const st = await hostDevice.core.invoke('sync.host.start', { host: '127.0.0.1', port: 0, allowInsecureHttp: false });
      const port = st.hosting?.port as number;
      const upgrade = await rawExchange(
        port,
        'GET //[ HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
      expect(upgrade.status).toBe(400);
      const token = await rawExchange(port, `GET /v1/pull HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'é'.repeat(43)}\r\n\r\n`);
      expect(token.status).toBe(401);
      await hostDevice.core.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' });
      expect((await hostDevice.core.invoke('sync.now')).state).toBe('up_to_date');
    } finally {
      await hostDevice.core.invoke('sync.host.stop');
      hostDevice.cleanup();
    }
  });
});
