import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/start-browser-host';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { removeDir, tempDir } from '../support/temp-dir';

/** Browser mode's WebSocket transport, over a real socket on 127.0.0.1. */
let host: BrowserHost;
let dir: string;

beforeAll(async () => {
  dir = tempDir('ws');
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Warta</title>');
  host = await startBrowserHost({ dataDir: path.join(dir, 'data'), rendererDir, logger: createMemoryLogger() });
});
afterAll(async () => {
  await host.close();
  removeDir(dir);
});

function connect(options: { token?: string; origin?: string | null } = {}): Promise<WebSocket> {
  const token = options.token ?? host.token;
  const headers: Record<string, string> = {};
  if (options.origin !== null) headers.origin = options.origin ?? host.origin;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${encodeURIComponent(token)}`, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket, predicate: (m: Record<string, unknown>) => boolean = () => true): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message within 5 s')), 5_000);
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as Record<string, unknown>;
      if (!predicate(msg)) return;
      clearTimeout(timer);
      ws.off('message', onMessage);
      resolve(msg);
    };
    ws.on('message', onMessage);
  });
}

async function call(ws: WebSocket, id: number, method: unknown, input: unknown): Promise<Record<string, unknown>> {
  const reply = nextMessage(ws, (m) => m.type === 'result' && m.id === id);
  ws.send(JSON.stringify({ type: 'call', id, method, input }));
  return reply;
}

describe('browser-mode WebSocket', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves calls and pushes data.changed events to the page', async () => {
    const ws = await connect();
    const event = nextMessage(ws, (m) => m.type === 'event');
    expect(await call(ws, 1, 'opd.save', { name: 'Dinas Komunikasi dan Informatika' })).toMatchObject({ ok: true, value: { name: 'Dinas Komunikasi dan Informatika' } });
    expect(await event).toMatchObject({ name: 'data.changed', payload: { tables: ['opd'] } });
    ws.close();
  });

  it('refuses a connection without the token, with a wrong token, or from another origin', async () => {
    await expect(connect({ token: '' })).rejects.toThrow(/refused 403/);
    await expect(connect({ token: 'x'.repeat(host.token.length) })).rejects.toThrow(/refused 403/);
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow(/refused 403/);
    await expect(connect({ origin: null })).rejects.toThrow(/refused 403/);
  });

  it('answers malformed frames with an error and keeps serving', async () => {
    const ws = await connect();
    const bad = nextMessage(ws);
    ws.send('{ this is not json');
    expect(await bad).toMatchObject({ type: 'result', id: -1, ok: false, error: { code: 'invalid_input' } });
    const binary = nextMessage(ws);
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await binary).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(ws, 2, 'does.not.exist', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await call(ws, 3, 'opd.save', { name: 'x'.repeat(10_000) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(ws, 4, 'app.info', {})).toMatchObject({ ok: true, value: { mode: 'browser' } });
    ws.close();
  });

  it('drops a connection that sends an oversized frame, and the next one works', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(9 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const again = await connect();
    expect(await call(again, 1, 'app.info', {})).toMatchObject({ ok: true });
    again.close();
  });

  it('serves the page with a strict CSP and refuses path traversal', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const traversal = await fetch(`${host.origin}/..%2f..%2fpackage.json`);
    expect(await traversal.text()).not.toContain('"name"');
  });
});
