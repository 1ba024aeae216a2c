/**
 * The desktop side of updates, in plain Node: electron-updater's own NsisUpdater (generic
 * provider, sha512 check, differential download with multipart ranges) driven by our shell's
 * update agent (electron/shell/updater.ts) against a real sync server on 127.0.0.1. Only the
 * Electron app object is replaced (electron-updater's AppAdapter) and the HTTP executor (Node's
 * http instead of Electron's net); the Electron run itself needs the binary (test/electron).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import electronUpdater, { type AppUpdater } from 'electron-updater';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpdateAgent, type UpdateFeed } from '../../electron/shell/updater';
import { startSyncServer, type SyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import type { SyncStore } from '../../server/store';
import type { UpdateStatus } from '../../shared/contract/methods/updates';
import { removeDir, tempDir } from '../support/temp-dir';

const { NsisUpdater } = electronUpdater;
const ADMIN = crypto.randomBytes(16).toString('hex');
const CHUNK = 64 * 1024;
const dir = tempDir('updater-client');
let store: SyncStore;
let server: SyncServer;
let workspace: string;
let device: { token: string; deviceId: string };

/** Node's http in place of Electron's net; `download` is ElectronHttpExecutor's, line for line. */
class NodeHttpExecutor extends HttpExecutor<http.ClientRequest> {
  async download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return await options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers || undefined, redirect: 'manual' };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, callback: (error: Error | null) => (error == null ? resolve(destination) : reject(error)), responseHandler: null },
        0,
      );
    });
  }

  createRequest(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest {
    return http.request(options, callback);
  }
}

function randomBytes(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A blockmap as electron-builder writes it (gzipped JSON, version 2), with fixed 64 KiB chunks. */
function blockmap(data: Buffer): Buffer {
  const sizes: number[] = [];
  const checksums: string[] = [];
  for (let off = 0; off < data.length; off += CHUNK) {
    const chunk = data.subarray(off, off + CHUNK);
    sizes.push(chunk.length);
    checksums.push(crypto.createHash('sha256').update(chunk).digest('base64'));
  }
  return zlib.gzipSync(JSON.stringify({ version: '2', files: [{ name: 'file', offset: 0, checksums, sizes }] }));
}

async function publish(name: string, body: Buffer): Promise<void> {
  const r = await fetch(`${server.url}/v1/admin/updates/${name}`, { method: 'PUT', body: new Uint8Array(body), headers: { authorization: `Bearer ${ADMIN}` } });
  if (r.status !== 200) throw new Error(`publish ${name}: ${r.status} ${await r.text()}`);
}

async function enrolDevice(): Promise<{ token: string; deviceId: string }> {
  const code = await server.admin.issueCode(workspace, 'writer');
  const deviceId = crypto.randomBytes(8).toString('hex');
  const r = await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace, code, deviceId, deviceName: 'Laptop Humas' }) });
  return { token: ((await r.json()) as { token: string }).token, deviceId };
}

interface Client {
  updater: AppUpdater;
  agent: ReturnType<typeof createUpdateAgent>;
  statuses: UpdateStatus[];
  logs: string[];
  cacheDir: string;
  downloaded: Promise<string>;
}

/** Warta 0.1.0 as installed on a Windows laptop, with its own cache folder; `feed` says which server and token. */
function client(label: string, feed: () => Promise<UpdateFeed | null>, oldInstaller?: Buffer): Client {
  const root = path.join(dir, label);
  const cacheBase = path.join(root, 'cache');
  const cacheDir = path.join(cacheBase, 'warta-updater');
  fs.mkdirSync(cacheDir, { recursive: true });
  if (oldInstaller) fs.writeFileSync(path.join(cacheDir, 'installer.exe'), oldInstaller);
  const configPath = path.join(root, 'app-update.yml');
  fs.writeFileSync(configPath, 'provider: generic\nurl: http://127.0.0.1/\nupdaterCacheDirName: warta-updater\n');
  const adapter = {
    version: '0.1.0',
    name: 'Warta',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: path.join(root, 'user-data'),
    baseCachePath: cacheBase,
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater = new NsisUpdater(undefined, adapter);
  const internals = updater as unknown as { httpExecutor: HttpExecutor<http.ClientRequest>; _testOnlyOptions: { platform: string; isUseDifferentialDownload: boolean } };
  internals.httpExecutor = new NodeHttpExecutor();
  // Differential only with an old installer in the cache; electron-updater's test mode would otherwise
  // throw instead of falling back to the full download as the installed app does.
  internals._testOnlyOptions = { platform: 'win32', isUseDifferentialDownload: oldInstaller !== undefined }; // the Windows channel (latest.yml) on this Linux machine
  const logs: string[] = [];
  updater.logger = { info: (m: unknown) => logs.push(String(m)), warn: (m: unknown) => logs.push(String(m)), error: (m: unknown) => logs.push(String(m)) };
  const statuses: UpdateStatus[] = [];
  const agent = createUpdateAgent({ updater, currentVersion: '0.1.0', feed, onStatus: (s) => statuses.push(s) });
  const downloaded = new Promise<string>((resolve) => updater.on('update-downloaded', (e: { downloadedFile: string }) => resolve(e.downloadedFile)));
  return { updater, agent, statuses, logs, cacheDir, downloaded };
}

async function settled(c: Client, states: UpdateStatus['state'][], ms = 30_000): Promise<UpdateStatus> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const s = c.agent.status();
    if (states.includes(s.state)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`status stayed ${JSON.stringify(c.agent.status())}; log: ${c.logs.slice(-5).join(' | ')}`);
}

const oldInstaller = randomBytes(10 * CHUNK, 7);
// The new version: one chunk changed in the middle, two chunks added at the end.
const newInstaller = Buffer.concat([oldInstaller.subarray(0, 4 * CHUNK), randomBytes(CHUNK, 99), oldInstaller.subarray(5 * CHUNK), randomBytes(2 * CHUNK, 5)]);
const NEW_NAME = 'Warta-0.2.0-win-x64.exe';

beforeAll(async () => {
  store = openSqliteStore(dir);
  server = await startSyncServer({ store, adminToken: ADMIN, updatesDir: path.join(dir, 'updates') });
  workspace = (await server.admin.createWorkspace('Humas Sukamaju')).id;
  device = await enrolDevice();
  await publish('Warta-0.1.0-win-x64.exe.blockmap', blockmap(oldInstaller));
  await publish(`${NEW_NAME}.blockmap`, blockmap(newInstaller));
  await publish(NEW_NAME, newInstaller);
});
afterAll(async () => {
  await server?.close();
  await store?.close();
  removeDir(dir);
});

describe('electron-updater against the office server', () => {
  it('finds 0.2.0, downloads only the changed blocks (multipart ranges), and the file matches its sha512', { timeout: 60_000 }, async () => {
    const c = client('differential', async () => ({ serverUrl: server.url, token: device.token }), oldInstaller);
    const checked = await c.agent.check('menu');
    expect(['downloading', 'downloaded']).toContain(checked.state);
    expect(checked.availableVersion).toBe('0.2.0');
    const file = await c.downloaded;
    expect(crypto.createHash('sha512').update(fs.readFileSync(file)).digest('hex')).toBe(crypto.createHash('sha512').update(newInstaller).digest('hex'));
    const status = await settled(c, ['downloaded']);
    expect(status).toMatchObject({ state: 'downloaded', availableVersion: '0.2.0', problem: null });
    // The differential path ran (3 of 12 blocks fetched), not the full-download fallback.
    expect(c.logs.join('\n')).toMatch(/Full: .*To download: .*\(25%\)/);
    expect(c.logs.join('\n')).not.toMatch(/fallback to full download/);
  });

  it('a tampered installer on the server is refused by its sha512 and not offered for install', { timeout: 60_000 }, async () => {
    const onDisk = path.join(dir, 'updates', NEW_NAME);
    const good = fs.readFileSync(onDisk);
    const bad = Buffer.from(good);
    bad[1234] = (bad[1234] as number) ^ 0xff;
    fs.writeFileSync(onDisk, bad);
    try {
      const c = client('tampered', async () => ({ serverUrl: server.url, token: device.token }));
      await c.agent.check('menu');
      const status = await settled(c, ['error', 'downloaded']);
      expect(status.state).toBe('error');
      expect(status.problem).toBe('checksum');
      expect(status.message).toMatch(/tidak cocok dengan sidik sha512/);
      expect(c.agent.installNow()).toBe(false);
    } finally {
      fs.writeFileSync(onDisk, good);
    }
  });

  it('a revoked device gets a plain "refused" status, not a crash', { timeout: 30_000 }, async () => {
    const other = await enrolDevice();
    await server.admin.revoke(workspace, other.deviceId);
    const c = client('revoked', async () => ({ serverUrl: server.url, token: other.token }));
    const status = await c.agent.check('settings');
    expect(status).toMatchObject({ state: 'error', problem: 'refused' });
    expect(status.message).toMatch(/menolak perangkat ini/);
  });

  it('an unreachable server, a feed that answers with a web page, and no enrolment each give a clear status', { timeout: 60_000 }, async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const unreachable = client('unreachable', async () => ({ serverUrl: `http://127.0.0.1:${deadPort}`, token: device.token }));
    expect(await unreachable.agent.check('start')).toMatchObject({ state: 'error', problem: 'unreachable' });

    // A captive portal or a misconfigured proxy: HTML with 200 for every path.
    const portal = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>Login Wi-Fi</title></head><body><form>Masuk: <input name=u></form></body></html>');
    });
    await new Promise<void>((r) => portal.listen(0, '127.0.0.1', () => r()));
    try {
      const html = client('html', async () => ({ serverUrl: `http://127.0.0.1:${(portal.address() as AddressInfo).port}`, token: device.token }));
      const status = await html.agent.check('start');
      expect(status).toMatchObject({ state: 'error', problem: 'bad_feed' });
      expect(status.message).toMatch(/tidak menjawab dengan data pembaruan Warta/);
    } finally {
      await new Promise<void>((r) => portal.close(() => r()));
    }

    const lone = client('not-enrolled', async () => null);
    expect(await lone.agent.check('start')).toMatchObject({ state: 'not_configured' });
  });
});
