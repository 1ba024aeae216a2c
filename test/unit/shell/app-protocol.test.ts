/**
 * The app:// handler with a stand-in for Electron's session.protocol, serving a real temp
 * folder: files come back with the CSP header, traversal is refused, routes get index.html.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const registered = vi.hoisted(() => ({ schemes: [] as unknown[] }));
vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes) },
}));

const { registerAppScheme, serveRenderer } = await import('../../../electron/shell/app-protocol');
const { createMemoryLogger } = await import('../../../electron/core/log/logger');
const { appContentSecurityPolicy } = await import('../../../electron/shell/policy/csp');

type Handler = (request: Request) => Promise<Response>;

describe('app:// protocol', () => {
  let base: string;
  let handler: Handler;
  const logger = createMemoryLogger();

  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-proto-'));
    const renderer = path.join(base, 'renderer');
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Warta</title>');
    fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'rahasia');
    const session = { protocol: { handle: (_scheme: string, h: Handler) => (handler = h) } };
    serveRenderer(session as never, renderer, logger);
  });

  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('registers app:// as standard and secure, without bypassing CSP', () => {
    registerAppScheme();
    expect(registered.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(JSON.stringify(registered.schemes)).not.toContain('bypassCSP');
  });

  it('serves the renderer with the CSP on every response', async () => {
    const index = await handler(new Request('app://warta/index.html'));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Warta</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(appContentSecurityPolicy());

    const js = await handler(new Request('app://warta/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(appContentSecurityPolicy());

    const missing = await handler(new Request('app://warta/assets/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(appContentSecurityPolicy());
  });

  it('answers client-side routes with index.html', async () => {
    const route = await handler(new Request('app://warta/rilis/123'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Warta</title>');
  });

  it('refuses traversal out of the renderer folder', async () => {
    for (const url of ['app://warta/..%2fsecret.txt', 'app://warta/assets/..%2f..%2fsecret.txt', 'app://warta/..%5csecret.txt']) {
      const res = await handler(new Request(url));
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('rahasia');
    }
    expect(logger.lines.some((l) => l.event === 'shell.protocol.refused')).toBe(true);
  });

  it('refuses other hosts and methods that change things', async () => {
    expect((await handler(new Request('app://evil/index.html'))).status).toBe(403);
    expect((await handler(new Request('app://warta/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
