/**
 * Desktop updates from the office server: publishing (CLI and admin API), the channel files
 * electron-updater reads, byte ranges (single and multipart, as its differential download asks),
 * and who may fetch (enrolled, non-revoked devices only). A real server on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import type { SyncStore } from '../../server/store';
import { REPO_ROOT, removeDir, tempDir } from '../support/temp-dir';

const ADMIN = crypto.randomBytes(16).toString('hex');
const dir = tempDir('updates-server');
const updatesDir = path.join(dir, 'updates');
let store: SyncStore;
let server: SyncServer;
let workspace: string;
let token: string;
let deviceId: string;

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server', 'main.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

/** A stand-in installer: random bytes, so every range is distinguishable. */
function installer(name: string, size: number, seed = 1): { file: string; bytes: Buffer } {
  const bytes = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return { file, bytes };
}

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${server.url}${p}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

async function enrolDevice(role: 'writer' | 'journalist' = 'writer'): Promise<{ token: string; deviceId: string }> {
  const code = await server.admin.issueCode(workspace, role);
  const id = crypto.randomBytes(8).toString('hex');
  const r = await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace, code, deviceId: id, deviceName: 'Laptop Humas' }) });
  return { token: ((await r.json()) as { token: string }).token, deviceId: id };
}

beforeAll(async () => {
  store = openSqliteStore(dir);
  server = await startSyncServer({ store, adminToken: ADMIN, updatesDir });
  workspace = (await server.admin.createWorkspace('Diskominfo Sukamaju')).id;
  ({ token, deviceId } = await enrolDevice());
});
afterAll(async () => {
  await server?.close();
  await store?.close();
  removeDir(dir);
});

describe('publishing', () => {
  it('before anything is published, latest.yml answers 404 with a sentence', async () => {
    const r = await get('/v1/updates/latest.yml');
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/Belum ada pembaruan/);
  });

  it('npm run server -- publish-update FILE: latest.yml names the version, the file, its sha512 and size', { timeout: 60_000 }, async () => {
    const { file, bytes } = installer('Warta-0.2.0-win-x64.exe', 300_000);
    const out = cli('--data-dir', dir, 'publish-update', file, '--notes', 'Perbaikan ekspor PDF');
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Diterbitkan: Warta-0\.2\.0-win-x64\.exe versi 0\.2\.0 untuk win/);
    const r = await get('/v1/updates/latest.yml');
    expect(r.status).toBe(200);
    const info = yaml.load(await r.text()) as { version: string; path: string; sha512: string; files: { url: string; sha512: string; size: number }[]; releaseNotes: string };
    const sha512 = crypto.createHash('sha512').update(bytes).digest('base64');
    expect(info).toMatchObject({ version: '0.2.0', path: 'Warta-0.2.0-win-x64.exe', sha512, releaseNotes: 'Perbaikan ekspor PDF' });
    expect(info.files).toEqual([{ url: 'Warta-0.2.0-win-x64.exe', sha512, size: 300_000 }]);
    // Nothing published for Linux yet: its channel file is a clear 404.
    expect((await get('/v1/updates/latest-linux.yml')).status).toBe(404);
  });

  it('the admin API publishes too (PUT the file); an AppImage and a deb of one version share latest-linux.yml', async () => {
    for (const [name, size] of [
      ['Warta-0.2.0-linux-x86_64.AppImage', 120_000],
      ['Warta-0.2.0-linux-amd64.deb', 90_000],
    ] as const) {
      const { bytes } = installer(name, size, size);
      const r = await fetch(`${server.url}/v1/admin/updates/${name}`, { method: 'PUT', body: new Uint8Array(bytes), headers: { authorization: `Bearer ${ADMIN}` } });
      expect(r.status, await r.clone().text()).toBe(200);
      expect(((await r.json()) as { platform: string }).platform).toBe('linux');
    }
    const info = yaml.load(await (await get('/v1/updates/latest-linux.yml')).text()) as { version: string; files: { url: string }[] };
    expect(info.version).toBe('0.2.0');
    expect(info.files.map((f) => f.url)).toEqual(['Warta-0.2.0-linux-x86_64.AppImage', 'Warta-0.2.0-linux-amd64.deb']);
    const listed = (await (await fetch(`${server.url}/v1/admin/updates`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { current: Record<string, { version: string }> };
    expect(Object.keys(listed.current).sort()).toEqual(['linux', 'win']);
  });

  it('refuses an older version, a file that is no installer, a path, a wrong admin token; nothing changes', async () => {
    const older = installer('Warta-0.1.5-win-x64.exe', 1000);
    const out = cli('--data-dir', dir, 'publish-update', older.file);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/lebih lama daripada versi 0\.2\.0/);
    const put = (name: string, token_ = ADMIN) => fetch(`${server.url}/v1/admin/updates/${name}`, { method: 'PUT', body: 'x', headers: { authorization: `Bearer ${token_}` } });
    expect((await put('catatan.txt')).status).toBe(400);
    expect((await put('..%2Freleases.json')).status).toBe(400);
    expect((await put('Warta-0.3.0-win-x64.exe', 'salah')).status).toBe(401);
    expect(cli('--data-dir', dir, 'publish-update', path.join(dir, 'tidak-ada.exe')).stderr).toMatch(/Berkas tidak ditemukan/);
    const info = yaml.load(await (await get('/v1/updates/latest.yml')).text()) as { version: string };
    expect(info.version).toBe('0.2.0');
    // The index and partial uploads are never served, even to an enrolled device.
    expect((await get('/v1/updates/releases.json')).status).toBe(404);
    expect(fs.readdirSync(updatesDir).filter((f) => f.startsWith('.incoming'))).toEqual([]);
  });
});

describe('serving', () => {
  const name = 'Warta-0.2.0-win-x64.exe';
  const bytes = () => fs.readFileSync(path.join(updatesDir, name));

  it('serves the whole file with Accept-Ranges, and one range as 206 with Content-Range', async () => {
    const whole = await get(`/v1/updates/${name}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes())).toBe(true);
    const part = await get(`/v1/updates/${name}`, { range: 'bytes=1000-1999' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 1000-1999/300000');
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes().subarray(1000, 2000))).toBe(true);
    const suffix = await get(`/v1/updates/${name}`, { range: 'bytes=-10' });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(bytes().subarray(-10))).toBe(true);
  });

  it('answers several ranges as multipart/byteranges, in the order asked', async () => {
    const r = await get(`/v1/updates/${name}`, { range: 'bytes=5000-5099, 10-19, 299990-299999' });
    expect(r.status).toBe(206);
    const boundary = /boundary=(\S+)/.exec(r.headers.get('content-type') ?? '')?.[1] as string;
    expect(r.headers.get('content-type')).toMatch(/^multipart\/byteranges; boundary=/);
    const body = Buffer.from(await r.arrayBuffer());
    expect(Number(r.headers.get('content-length'))).toBe(body.length);
    const parts = body.toString('latin1').split(`--${boundary}`).slice(1, -1);
    const expected: [number, number][] = [
      [5000, 5099],
      [10, 19],
      [299990, 299999],
    ];
    expect(parts).toHaveLength(3);
    parts.forEach((part, i) => {
      const [start, end] = expected[i] as [number, number];
      const [head, data] = part.split('\r\n\r\n') as [string, string];
      expect(head).toContain(`content-range: bytes ${start}-${end}/300000`);
      expect(Buffer.from(data.slice(0, -2), 'latin1').equals(bytes().subarray(start, end + 1))).toBe(true);
    });
  });

  it('an unsatisfiable range gets 416; a malformed one the whole file; HEAD tells the size without a body', async () => {
    const r = await get(`/v1/updates/${name}`, { range: 'bytes=400000-400010' });
    expect(r.status).toBe(416);
    expect(r.headers.get('content-range')).toBe('bytes */300000');
    expect((await get(`/v1/updates/${name}`, { range: 'abc' })).status).toBe(200);
    expect((await get(`/v1/updates/${name}`, { range: 'items=0-5' })).status).toBe(200);
    const head = await fetch(`${server.url}/v1/updates/${name}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('300000');
  });

  it('nothing for a request without a token, with an unknown token, or from a revoked device', async () => {
    expect((await fetch(`${server.url}/v1/updates/latest.yml`)).status).toBe(401);
    expect((await fetch(`${server.url}/v1/updates/${name}`, { headers: { authorization: 'Bearer bukan-token' } })).status).toBe(401);
    const other = await enrolDevice('journalist');
    expect((await fetch(`${server.url}/v1/updates/latest.yml`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(200);
    await server.admin.revoke(workspace, other.deviceId);
    const refused = await fetch(`${server.url}/v1/updates/${name}`, { headers: { authorization: `Bearer ${other.token}`, range: 'bytes=0-9' } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('revoked');
    // The first device still gets it.
    expect((await get('/v1/updates/latest.yml')).status).toBe(200);
    expect(deviceId).toBeTruthy();
  });

  it('a server started without an updates folder says it offers none', async () => {
    const bare = await startSyncServer({ store, adminToken: ADMIN });
    try {
      const r = await fetch(`${bare.url}/v1/updates/latest.yml`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(404);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/belum menyediakan pembaruan/);
    } finally {
      await bare.close();
    }
  });
});
