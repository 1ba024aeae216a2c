/**
 * The Electron smoke test: the shell starts, the window is secure, the preload bridge works.
 * It launches the built app (dist/electron/main.js) with the project's installed Electron
 * binary and a temporary data folder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { betterSqliteAbi, electronAbi, installedElectronBinary } from './support/electron-binary';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binary = installedElectronBinary(ROOT);

test.skip(!binary, 'Electron binary not installed on this machine: Electron smoke test not run');

interface PageBridge {
  wartaBridge: { invoke(method: string, input: unknown): Promise<{ ok: boolean; value?: { mode?: string; dataDir?: string } }> };
}

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  const need = electronAbi(ROOT);
  const have = betterSqliteAbi(ROOT);
  if (need !== null && have !== null && need !== have) {
    throw new Error(
      `better-sqlite3 is built for Node ABI ${have}, Electron needs ABI ${need}: run "npx electron-builder install-app-deps" first ` +
        '(and "npm rebuild better-sqlite3" afterwards to get back to Node for the other tests).',
    );
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (!fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'))) execFileSync(npm, ['run', 'build:renderer'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  execFileSync(npm, ['run', 'build:electron'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });

  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-electron-'));
  const env = { ...process.env, WARTA_DATA_DIR: dataDir } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  // No executablePath: Playwright then uses the same binary through its loader, which holds
  // app 'ready' until it is attached. That require() cannot download: the binary is present.
  app = await electron.launch({ args: [ROOT], cwd: ROOT, env });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the window opens on the app:// origin, with the CSP header', async () => {
  expect(page.url()).toBe('app://warta/index.html');
  const csp = await page.evaluate(async () => (await fetch('app://warta/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
});

test('the page has no Node: context isolation and sandbox are on', async () => {
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return [typeof w.require, typeof w.process, typeof w.module, typeof w.Buffer];
  });
  expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);

  // getLastWebPreferences is not in electron.d.ts any more; where the running Electron still
  // has it, the effective preferences are checked too, otherwise the page-side proof above stands.
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> } | undefined;
    const p = contents?.getLastWebPreferences?.();
    return p ? { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag } : null;
  });
  if (prefs) expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  else test.info().annotations.push({ type: 'note', description: 'webContents.getLastWebPreferences() not available in this Electron' });
});

test('window.wartaBridge has exactly invoke and on, and app.info answers in electron mode', async () => {
  const keys = await page.evaluate(() => Object.keys((window as unknown as PageBridge).wartaBridge).sort());
  expect(keys).toEqual(['invoke', 'on']);
  const result = await page.evaluate(() => (window as unknown as PageBridge).wartaBridge.invoke('app.info', {}));
  expect(result.ok).toBe(true);
  expect(result.value?.mode).toBe('electron');
  expect(fs.realpathSync(result.value?.dataDir ?? '')).toBe(fs.realpathSync(dataDir));
});

test('the main process answers updates.status itself: from source (not packaged) it says updates are for the installed app', async () => {
  const result = (await page.evaluate(() => (window as unknown as PageBridge).wartaBridge.invoke('updates.status', {}))) as unknown as {
    ok: boolean;
    value?: { state: string; message: string | null };
  };
  expect(result.ok).toBe(true);
  expect(result.value?.state).toBe('unsupported');
  expect(result.value?.message).toMatch(/terpasang dari pemasangnya/);
});

test('navigation away, new windows and remote requests are refused', async () => {
  await page.evaluate(() => {
    window.location.href = 'file:///';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe('app://warta/index.html');

  const opened = await page.evaluate(() => window.open('file:///') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);

  const remote = await page.evaluate(() => fetch('http://127.0.0.1:9/').then(() => 'reached', () => 'blocked'));
  expect(remote).toBe('blocked');
});

test('hosting the office server runs the app binary in its server mode, as a process of its own, and stops it', async () => {
  type HostStatus = { ok: boolean; value?: { hosting?: { port: number } | null }; error?: { message: string } };
  const invoke = (method: string, input: unknown) => page.evaluate(([m, i]) => (window as unknown as PageBridge).wartaBridge.invoke(m as string, i) as unknown as Promise<HostStatus>, [method, input] as const);
  const started = await invoke('sync.host.start', { host: '127.0.0.1', port: 0, allowInsecureHttp: false });
  expect(started.ok, started.error?.message).toBe(true);
  const port = started.value?.hosting?.port as number;
  const health = await fetch(`http://127.0.0.1:${port}/v1/health`);
  expect(health.status).toBe(200);
  // The server is not the app's own process: it answers on its own pid (from the app's log).
  const log = fs.readFileSync(path.join(dataDir, 'logs', 'core.log'), 'utf8');
  const pid = Number(/"event":"sync\.host\.started".*?"pid":(\d+)/.exec(log)?.[1]);
  expect(pid).toBeGreaterThan(0);
  expect(pid).not.toBe(await app.evaluate(() => process.pid));
  expect((await invoke('sync.host.stop', {})).value?.hosting).toBeNull();
  await expect.poll(() => fetch(`http://127.0.0.1:${port}/v1/health`).then(() => 'up', () => 'down')).toBe('down');
});
