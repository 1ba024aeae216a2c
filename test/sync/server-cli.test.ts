/** `npm run server` as documented: admin commands on the storage, and the plain-HTTP guard. */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startSyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import { REPO_ROOT, removeDir, tempDir } from '../support/temp-dir';

const dir = tempDir('server-cli');
afterAll(() => removeDir(dir));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server', 'main.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

it('creates a workspace and a code with the admin CLI; the code enrols a device once', { timeout: 120_000 }, async () => {
  const ws = cli('--data-dir', dir, 'admin', 'create-workspace', 'Diskominfo Sukamaju');
  expect(ws.status, ws.stderr).toBe(0);
  const workspace = ws.stdout.trim();
  expect(workspace).toMatch(/^[0-9a-f]{16}$/);
  const issued = cli('--data-dir', dir, 'admin', 'issue-code', workspace, 'journalist');
  expect(issued.status, issued.stderr).toBe(0);
  const code = issued.stdout.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(cli('--data-dir', dir, 'admin', 'issue-code', workspace, 'kepala').stderr).toMatch(/Peran tidak dikenal/);

  const store = openSqliteStore(dir);
  const server = await startSyncServer({ store });
  try {
    const body = (c: string) => JSON.stringify({ workspace, code: c.toLowerCase(), deviceId: crypto.randomBytes(8).toString('hex'), deviceName: 'Kios' });
    const first = await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: body(code) });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { role: string }).role).toBe('journalist');
    expect((await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: body(code) })).status).toBe(403);
  } finally {
    await server.close();
    await store.close();
  }
  const devices = cli('--data-dir', dir, 'admin', 'devices', workspace);
  expect(devices.stdout).toMatch(/journalist\taktif\tKios/);
  // The enrolment audit: the enrolment, then the refused second use of the code.
  const log = cli('--data-dir', dir, 'admin', 'enrolment-log', workspace);
  expect(log.status, log.stderr).toBe(0);
  expect(log.stdout.trim().split('\n').map((l) => l.split('\t').slice(1, 3))).toEqual([
    ['failed', 'code'],
    ['enrolled', '-'],
  ]);
});

it('refuses to listen on a non-loopback address over plain HTTP unless told so', { timeout: 60_000 }, () => {
  const r = cli('--data-dir', dir, '--host', '0.0.0.0', '--port', '0');
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/Menolak mendengarkan di 0\.0\.0\.0 lewat HTTP biasa/);
});

it('a contributor code from the CLI names its OPD (--opd); the device it enrols is bound to that OPD', { timeout: 120_000 }, async () => {
  const workspace = cli('--data-dir', dir, 'admin', 'create-workspace', 'Humas Kabupaten').stdout.trim();
  const missing = cli('--data-dir', dir, 'admin', 'issue-code', workspace, 'opd_contributor');
  expect(missing.status).not.toBe(0);
  expect(missing.stderr).toMatch(/satu OPD/);
  const opdId = crypto.randomUUID();
  const issued = cli('--data-dir', dir, 'admin', 'issue-code', workspace, 'opd_contributor', '--opd', opdId);
  expect(issued.status, issued.stderr).toBe(0);
  const store = openSqliteStore(dir);
  const server = await startSyncServer({ store });
  try {
    const r = await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace, code: issued.stdout.trim(), deviceId: crypto.randomBytes(8).toString('hex'), deviceName: 'Laptop Dinkes' }) });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ role: 'opd_contributor', opdId });
  } finally {
    await server.close();
    await store.close();
  }
});
