/**
 * The built server bundle the desktop app runs when it hosts the office server
 * (electron/vite.config.server.ts → dist/server/main.js; the app's binary runs it with
 * --warta-sync-server). Built here into a temporary folder and run with this Node in hosted
 * mode: the same bytes and the same protocol (shared/sync/hosted-server.ts) the app relies on.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'vite';
import { afterAll, expect, it } from 'vitest';
import { HOSTED_ENV, parseHostedLine, type HostedFailure, type HostedReady } from '../../shared/sync/hosted-server';
import { REPO_ROOT, removeDir, tempDir } from '../support/temp-dir';

const dir = tempDir('hosted-bundle');
afterAll(() => removeDir(dir));

function runBundle(bundle: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [bundle], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', [HOSTED_ENV.hosted]: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const first = new Promise<{ ready: HostedReady } | { failed: HostedFailure }>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = parseHostedLine(line);
      if (parsed) resolve(parsed);
    });
    child.once('exit', (code) => setTimeout(() => reject(new Error(`exited ${code} before a ready line`)), 200));
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, first, exited };
}

it('builds, starts in hosted mode, serves the admin API with the given token, and stops when stdin closes', { timeout: 120_000 }, async () => {
  const outDir = path.join(dir, 'bundle');
  await build({ configFile: path.join(REPO_ROOT, 'electron', 'vite.config.server.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const bundle = path.join(outDir, 'main.js');
  const token = 'uji-token-admin-yang-panjang-sekali-0123456789';

  const server = runBundle(bundle, { [HOSTED_ENV.dataDir]: path.join(dir, 'store'), [HOSTED_ENV.port]: '0', [HOSTED_ENV.adminToken]: token });
  const got = await server.first;
  if (!('ready' in got)) throw new Error(got.failed.message);
  const base = `http://127.0.0.1:${got.ready.port}`;
  expect(got.ready.storage).toBe('sqlite');
  expect((await fetch(`${base}/v1/health`)).status).toBe(200);
  const created = await fetch(`${base}/v1/admin/workspaces`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ name: 'Humas' }) });
  const ws = (await created.json()) as { id: string };
  expect((await fetch(`${base}/v1/admin/workspaces/${ws.id}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  expect((await fetch(`${base}/v1/admin/workspaces/0000000000000000`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);

  // A second server on the same port says why it cannot start, in a line the app reads.
  const clash = runBundle(bundle, { [HOSTED_ENV.dataDir]: path.join(dir, 'store2'), [HOSTED_ENV.port]: String(got.ready.port), [HOSTED_ENV.adminToken]: token });
  expect(await clash.first).toMatchObject({ failed: { code: 'EADDRINUSE' } });
  expect(await clash.exited).toBe(2);

  server.child.stdin.end();
  expect(await server.exited).toBe(0);
});

it('refuses to start without a data folder or an admin token', { timeout: 60_000 }, async () => {
  // The source through tsx: the same rule as the bundle, without building it again.
  const viaTsx = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server', 'main.ts')], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', [HOSTED_ENV.hosted]: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  viaTsx.stdout.on('data', (d: Buffer) => (out += String(d)));
  const code = await new Promise<number | null>((r) => viaTsx.once('exit', (c) => r(c)));
  expect(code).toBe(2);
  expect(parseHostedLine(out.trim())).toMatchObject({ failed: { message: expect.stringContaining('folder data dan token admin') } });
});

it('reads only its own ready and failure lines', () => {
  expect(parseHostedLine('Server sinkronisasi Warta (sqlite) mendengarkan di http://127.0.0.1:1')).toBeNull();
  expect(parseHostedLine('WARTA_SYNC_READY {rusak')).toBeNull();
  expect(parseHostedLine('WARTA_SYNC_READY {"port":"8787"}')).toBeNull();
  expect(parseHostedLine('WARTA_SYNC_READY {"port":8787,"url":"http://127.0.0.1:8787","storage":"sqlite","pid":7"}')).toBeNull();
  expect(parseHostedLine('WARTA_SYNC_READY {"port":8787,"url":"http://127.0.0.1:8787","storage":"sqlite","pid":7}')).toEqual({
    ready: { port: 8787, url: 'http://127.0.0.1:8787', storage: 'sqlite', pid: 7 },
  });
  expect(parseHostedLine('WARTA_SYNC_FAILED {"code":"EADDRINUSE","message":"x"}')).toEqual({ failed: { code: 'EADDRINUSE', message: 'x' } });
});
