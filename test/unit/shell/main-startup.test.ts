/**
 * The main process start-up with stand-ins for Electron and electron-store (the real
 * electron package must never be loaded here: it would try to download its binary).
 * Proves the wiring: secure window on app://, IPC registered, menu set; and that a
 * workspace the core refuses gives an Indonesian dialog and a quit, with the file untouched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  userData: '',
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  dialogs: [] as Record<string, unknown>[],
  exits: [] as number[],
  ipcChannels: [] as string[],
  menus: 0,
  schemes: [] as unknown[],
  switches: [] as [string, string | undefined][],
  updateConfigPath: null as string | null,
  appHandlers: {} as Record<string, ((...args: unknown[]) => void)[]>,
  quits: 0,
}));

// The real module would build Electron's own updater; the shell only needs its EventEmitter face.
vi.mock('electron-updater', async () => {
  const { EventEmitter } = await import('node:events');
  const autoUpdater = Object.assign(new EventEmitter(), {
    logger: null as unknown,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    requestHeaders: null as unknown,
    setFeedURL: () => undefined,
    checkForUpdates: () => Promise.resolve(null),
    quitAndInstall: () => undefined,
  });
  Object.defineProperty(autoUpdater, 'updateConfigPath', { set: (value: string) => (state.updateConfigPath = value) });
  return { default: { autoUpdater } };
});

vi.mock('electron-store', () => ({
  default: class {
    private data: Record<string, unknown>;
    constructor(options: { defaults?: Record<string, unknown> }) {
      this.data = { ...options.defaults };
    }
    get(key: string) {
      return this.data[key];
    }
    set(key: string, value: unknown) {
      this.data[key] = value;
    }
  },
}));

vi.mock('electron', () => {
  const noop = () => {};
  const session = {
    setPermissionRequestHandler: noop,
    setPermissionCheckHandler: noop,
    setDevicePermissionHandler: noop,
    webRequest: { onBeforeRequest: noop },
    protocol: { handle: noop },
    availableSpellCheckerLanguages: [],
    setSpellCheckerEnabled: noop,
    setSpellCheckerLanguages: noop,
    addWordToSpellCheckerDictionary: noop,
  };
  class BrowserWindow {
    webContents = { on: noop, mainFrame: {}, send: noop, isDestroyed: () => false };
    private record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      state.windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    once = noop;
    on = noop;
    maximize = noop;
    setTitle = noop;
    setProgressBar = noop;
    isDestroyed = () => false;
  }
  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  return {
    app: {
      setPath: (_name: string, value: string) => (state.userData = value),
      getPath: () => state.userData,
      // The hosted sync server's launch spec names the app folder when unpackaged.
      getAppPath: () => 'warta-app',
      enableSandbox: noop,
      commandLine: { appendSwitch: (name: string, value?: string) => state.switches.push([name, value]) },
      requestSingleInstanceLock: () => true,
      on: (name: string, handler: (...args: unknown[]) => void) => (state.appHandlers[name] ??= []).push(handler),
      whenReady: () => Promise.resolve(),
      isPackaged: false,
      getVersion: () => '0.0.0-test',
      exit: (code: number) => state.exits.push(code),
      quit: () => state.quits++,
      setAppUserModelId: noop,
      setLoginItemSettings: noop,
    },
    BrowserWindow,
    Tray: class {
      setToolTip = noop;
      setContextMenu = noop;
      on = noop;
      destroy = noop;
    },
    nativeImage: { createFromPath: () => ({ setTemplateImage: noop }) },
    Notification: class {
      static isSupported = () => true;
      on = noop;
      show = noop;
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => state.menus++ },
    dialog: { showMessageBoxSync: (o: Record<string, unknown>) => state.dialogs.push(o), showMessageBox: noop },
    ipcMain: { handle: (c: string) => state.ipcChannels.push(c), removeHandler: noop, removeAllListeners: noop },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s) },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    session: { defaultSession: session },
    shell: { openExternal: noop },
    // The OS keychain, reversibly "encrypted" for the test: the key vault's file round trip runs.
    safeStorage: {
      isEncryptionAvailable: () => true,
      // A Linux keyring (a weak basic_text store would make the shell ask for a secrets passphrase).
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(`kc:${text}`),
      decryptString: (data: Buffer) => data.toString().slice(3),
    },
  };
});

async function startMain(dataDir: string) {
  vi.resetModules();
  Object.assign(state, { windows: [], dialogs: [], exits: [], ipcChannels: [], menus: 0, schemes: [], updateConfigPath: null, appHandlers: {}, quits: 0 });
  process.env.WARTA_DATA_DIR = dataDir;
  await import('../../../electron/shell/main');
  // run() continues after whenReady() and the core's worker thread has opened the workspace.
  await until(() => state.windows.length > 0 || state.exits.length > 0 || (state.appHandlers['will-quit'] ?? []).length > 0, 60_000);
  await new Promise((r) => setTimeout(r, 50));
}

async function until(check: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !check(); await new Promise((r) => setTimeout(r, 20))) if (Date.now() > end) return;
}

/** Quits as Electron would: 'will-quit' closes the core's worker, then quits again. */
async function quitMain(): Promise<void> {
  const handlers = state.appHandlers['will-quit'] ?? [];
  for (const h of handlers) h({ preventDefault: () => undefined });
  if (handlers.length) await until(() => state.quits > 0, 30_000);
}

describe('main process start-up', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-main-'));
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    await quitMain();
    delete process.env.WARTA_DATA_DIR;
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('opens one secure window on app://warta with the IPC channel and a menu', async () => {
    const dir = tempDir();
    await startMain(dir);
    expect(state.exits).toEqual([]);
    expect(state.schemes).toHaveLength(1);
    // Native inputs in the app's language: Chromium starts in Indonesian on a fresh machine.
    expect(state.switches).toContainEqual(['lang', 'id-ID']);
    expect(state.ipcChannels).toEqual(['warta:call']);
    expect(state.menus).toBe(1);
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0];
    expect(win?.url).toBe('app://warta/index.html');
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String((win?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(fs.existsSync(path.join(dir, 'warta.sqlite'))).toBe(true);
    // The updater's cache config, written where electron-updater is told to read it.
    expect(state.updateConfigPath).toBe(path.join(dir, 'app-update.yml'));
    expect(fs.readFileSync(path.join(dir, 'app-update.yml'), 'utf8')).toMatch(/updaterCacheDirName: warta-updater/);
  });

  it('refuses a workspace that is not SQLite: Indonesian dialog, quit, file untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'warta.sqlite');
    fs.writeFileSync(file, 'ini bukan basis data SQLite, hanya teks biasa yang cukup panjang untuk diperiksa');
    const before = fs.readFileSync(file);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await startMain(dir);
    stderr.mockRestore();
    expect(state.exits).toEqual([1]);
    expect(state.windows).toHaveLength(0);
    expect(state.dialogs).toHaveLength(1);
    expect(state.dialogs[0]).toMatchObject({ type: 'error', title: 'Warta tidak dapat dibuka' });
    expect(String(state.dialogs[0]?.detail)).toContain('kode: db_not_sqlite');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('warta.sqlite'))).toEqual(['warta.sqlite']);
  });

  it('started as the hosted sync server: no window, no lock, no workspace; a missing server bundle is said in the line the app reads', async () => {
    const dir = tempDir();
    const out: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    process.argv.push('--warta-sync-server');
    try {
      // From the source tree there is no built dist/server/main.js next to the shell.
      await startMain(dir);
      await vi.waitFor(() => expect(state.exits).toEqual([2]), { timeout: 5000 });
    } finally {
      process.argv.pop();
      stdout.mockRestore();
    }
    expect(state.windows).toHaveLength(0);
    expect(state.schemes).toHaveLength(0);
    expect(fs.existsSync(path.join(dir, 'warta.sqlite'))).toBe(false);
    expect(state.exits).toEqual([2]);
    expect(out.join('')).toMatch(/^WARTA_SYNC_FAILED \{.*Server sinkronisasi tidak dapat dimuat/m);
  });
});
