/**
 * The malformed-request fuzz test (issue 19): raw sockets send hundreds of bad request lines,
 * targets, headers, bodies and WebSocket upgrades to a real sync server process and a real
 * browser-mode host process. No request gets a 500, the curated ones get a clear 4xx, and
 * afterwards both processes still answer /health and a normal call. Bounded: 560 requests,
 * 16 at a time, at most 1.5 s each, under 30 s.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { curatedRequests, mutatedRequests, type HostileRequest } from '../support/hostile-requests';
import { rawExchange, startService, type RawReply, type Service } from '../support/raw-http';
import { removeDir, tempDir } from '../support/temp-dir';

const ADMIN = 'ADMIN';
const TOKEN = 'uji-token-peramban-0123456789';
const dirs: string[] = [];
let server: Service & { url: string; port: number };
let host: Service & { url: string; port: number };

beforeAll(async () => {
  const serverDir = tempDir('hostile-server');
  const hostDir = tempDir('hostile-host');
  const rendererDir = tempDir('hostile-renderer');
  dirs.push(serverDir, hostDir, rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Warta</title>');
  const [s, h] = await Promise.all([
    startService('server/main.ts', ['--data-dir', serverDir, '--port', '0', '--admin-token', ADMIN], /mendengarkan di (http:\/\/127\.0\.0\.1:(\d+))/),
    startService('electron/browser-host/main.ts', ['--data-dir', hostDir, '--port', '0', '--renderer', rendererDir, '--token', TOKEN], /WARTA_URL=(http:\/\/127\.0\.0\.1:(\d+))/),
  ]);
  server = { ...s, url: s.match[1] as string, port: Number(s.match[2]) };
  host = { ...h, url: h.match[1] as string, port: Number(h.match[2]) };
}, 60_000);

afterAll(async () => {
  await Promise.all([server?.stop(), host?.stop()]);
  for (const d of dirs) removeDir(d);
});

async function fire(port: number, requests: HostileRequest[]): Promise<{ req: HostileRequest; reply: RawReply }[]> {
  const results: { req: HostileRequest; reply: RawReply }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < requests.length) {
        const req = requests[next++] as HostileRequest;
        results.push({ req, reply: await rawExchange(port, req.bytes, 1500) });
      }
    }),
  );
  return results;
}

const TEMPLATES = (ws: string) => [
  'GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /health HTTP/1.1\r\nHost: x\r\n\r\n',
  `GET /v1/pull?after=0&maxBytes=4096 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer abc\r\n\r\n`,
  'POST /v1/enrol HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 83\r\n\r\n{"workspace":"w","code":"ABCD-EFGH-JKLM","deviceId":"0123456789abcdef","deviceName":"x"}',
  `POST /v1/admin/workspaces HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Length: 15\r\n\r\n{"name":"Uji"}`,
  `GET ${ws}?token=${TOKEN} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: warta.abc\r\nOrigin: http://127.0.0.1\r\n\r\n`,
];

const statuses = (reply: RawReply) => [...reply.text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));

function check(results: { req: HostileRequest; reply: RawReply }[], curatedCount: number): void {
  // No request, however odd, reaches an internal error (503 is the connection cap, not a fault).
  const broken = results.filter((r) => statuses(r.reply).some((s) => s >= 500 && s !== 503));
  expect(broken.map((r) => `${r.req.name}: ${r.reply.text.slice(0, 200)}`)).toEqual([]);
  expect(results.filter((r) => !r.req.name.startsWith('mutation')).length).toBe(curatedCount);
  // Every malformed one gets a clear 4xx (a pipelined good request before it may get its 200).
  const unclear = results.filter((r) => r.req.expect === 'refused' && !statuses(r.reply).some((s) => s >= 400 && s < 500));
  expect(unclear.map((r) => `${r.req.name}: ${JSON.stringify(r.reply.text.slice(0, 120))}`)).toEqual([]);
}

describe('hostile input never stops a process', () => {
  it('the sync server answers hundreds of malformed requests with 4xx and keeps serving', { timeout: 60_000 }, async () => {
    const curated = curatedRequests({ ws: '/v1/notices' });
    const requests = [...curated, ...mutatedRequests(19, 280 - curated.length, TEMPLATES('/v1/notices'))];
    const started = Date.now();
    const results = await fire(server.port, requests);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(server.alive(), server.output()).toBe(true);
    check(results, curated.length);

    expect(await (await fetch(`${server.url}/v1/health`)).json()).toMatchObject({ ok: true });
    // A normal call end to end: workspace, code, enrolment, pull.
    const admin = { authorization: `Bearer ${ADMIN}` };
    const ws = (await (await fetch(`${server.url}/v1/admin/workspaces`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'Humas' }) })).json()) as { id: string };
    const { code } = (await (await fetch(`${server.url}/v1/admin/codes`, { method: 'POST', headers: admin, body: JSON.stringify({ workspace: ws.id, role: 'writer' }) })).json()) as { code: string };
    const enrolled = await fetch(`${server.url}/v1/enrol`, {
      method: 'POST',
      body: JSON.stringify({ workspace: ws.id, code, deviceId: crypto.randomBytes(8).toString('hex'), deviceName: 'Laptop' }),
    });
    expect(enrolled.status).toBe(200);
    const { token } = (await enrolled.json()) as { token: string };
    const pull = await fetch(`${server.url}/v1/pull?after=0`, { headers: { authorization: `Bearer ${token}` } });
    expect(pull.status).toBe(200);
    expect(await pull.json()).toMatchObject({ changes: [], head: 0 });
  });

  it('the browser-mode host answers hundreds of malformed requests with 4xx and keeps serving', { timeout: 60_000 }, async () => {
    const curated = curatedRequests({ ws: '/api' });
    const requests = [...curated, ...mutatedRequests(1919, 280 - curated.length, TEMPLATES('/api'))];
    const started = Date.now();
    const results = await fire(host.port, requests);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(host.alive(), host.output()).toBe(true);
    check(results, curated.length);

    expect(await (await fetch(`${host.url}/health`)).json()).toEqual({ ok: true });
    expect((await fetch(`${host.url}/`)).status).toBe(200);
    // A normal call over the host's WebSocket, as the page makes it.
    const socket = new WebSocket(`${host.url.replace('http', 'ws')}/api?token=${TOKEN}`, { headers: { origin: host.url } });
    const reply = await new Promise<{ ok: boolean; value?: { mode?: string } }>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', input: {} })));
      socket.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { type: string; ok: boolean; value?: { mode?: string } };
        if (msg.type === 'result') resolve(msg);
      });
      socket.on('error', reject);
    });
    socket.close();
    expect(reply).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });
});
