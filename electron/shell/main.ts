/**
 * The Electron main process: lifecycle, the one window, menus and the security hooks.
 * All of Warta's work happens in the core (electron/core), which runs in plain Node in a worker
 * thread this process owns (electron/core/worker): this thread only relays calls and events,
 * so a long export or a big pull never stalls the window's process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, safeStorage, session, type BrowserWindow } from 'electron';
import electronUpdater from 'electron-updater';
import { IPC_CHANNEL_EVENT } from '../../shared/contract/wire';
import { createFileLogger, type Logger } from '../core/log/logger';
import type { PrefsStore } from '../core/prefs';
import { startCoreRelay, type CoreRelay } from '../core/worker/core-relay';
import { cipherTokenVault, insecureFileTokenVault, SMTP_PASSWORD_FILES } from '../core/sync/token-vault';
import { installAppMenu } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { connectCoreToIpc } from './ipc-bridge';
import { machinePrefs, openMachineStore, type MachineStore } from './machine-store';
import { createMainWindow } from './main-window';
import { chromiumLocale } from './policy/chromium-lang';
import { createKeyVault } from './key-vault';
import { startDesktop, type Desktop } from './desktop';
import { askPassphrase } from './passphrase-window';
import { openShellSecrets, weakStoreMessage } from './secrets';
import { hardenAllWebContents, hardenSession } from './security';
import { showStartupError } from './startup-error';
import { appSyncServerLaunch, isSyncServerMode, runSyncServerMode } from './sync-server-launch';
import { createUpdateAgent, updateShellCalls, type UpdateAgent } from './updater';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '..', 'renderer');
const PRELOAD_PATH = path.join(here, 'preload.cjs');

if (isSyncServerMode()) {
  // Started by a running Warta to host the office sync server: no window, no lock, no core.
  void runSyncServerMode(here);
} else {
  startApp();
}

function startApp(): void {
  // The same override browser mode honours (core/default-data-dir.ts): tests and portable
  // installs point Warta at another folder. Must happen before the single-instance lock,
  // which lives in the user-data folder.
  if (process.env.WARTA_DATA_DIR) app.setPath('userData', path.resolve(process.env.WARTA_DATA_DIR));

  // Native date/time/file inputs in the app's language (they follow Chromium's locale, not the page's).
  app.commandLine.appendSwitch('lang', chromiumLocale(app.getPath('userData')));

  registerAppScheme();
  // Every renderer sandboxed, whatever a future window forgets to say.
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    // Another Warta owns this data folder; it gets focused through 'second-instance'.
    app.quit();
  } else {
    void run();
  }
}

async function run(): Promise<void> {
  let win: BrowserWindow | null = null;
  const currentWindow = () => (win && !win.isDestroyed() ? win : null);

  app.on('second-instance', (_event, argv) => {
    // An .ics opened while Warta runs arrives as the second start's command line.
    desktop?.secondInstance(argv);
    const w = currentWindow();
    if (!w) return;
    if (w.isMinimized()) w.restore();
    w.show();
    w.focus();
  });

  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId('id.go.warta.desktop');
  const dataDir = app.getPath('userData');

  let store: MachineStore;
  let core: CoreRelay;
  let prefs: PrefsStore;
  // This thread's log; the core's worker writes to the same file (one line per append).
  const logger = createFileLogger(dataDir);
  let updates: UpdateAgent | null = null;
  let desktop: Desktop | null = null;
  const menuContext = { window: currentWindow, dataDir, checkForUpdates: () => void updates?.check('menu') };
  // One vault for the core's sync and for the updater, which sends the same device token.
  let tokenVault: ReturnType<typeof cipherTokenVault>;
  try {
    store = openMachineStore();
    prefs = machinePrefs(store, (next) => {
      if (desktop?.menuAllowed() ?? true) installAppMenu(next.language, menuContext);
      desktop?.languageChanged();
    });
    // The OS keychain where it protects; a secrets passphrase where it does not (Linux basic_text).
    const secrets = await openShellSecrets(dataDir, safeStorage, process.platform, askPassphrase);
    if (secrets.protection === 'locked') {
      app.exit(0);
      return;
    }
    if (secrets.report.strength !== 'keychain') process.stderr.write(`Warta: ${weakStoreMessage(secrets.report)} [${secrets.protection}]\n`);
    const { vault, key } = createKeyVault(dataDir, secrets.cipher);
    const vaultOf = (files?: typeof SMTP_PASSWORD_FILES) => (secrets.cipher ? cipherTokenVault(dataDir, secrets.cipher, files) : insecureFileTokenVault(dataDir, files));
    tokenVault = vaultOf();
    // The core in its worker thread; the stores backed by safeStorage and electron-store stay on
    // this thread and the worker reaches them through the relay (core/worker/host-services.ts).
    core = await startCoreRelay({
      dataDir,
      mode: 'electron',
      logger,
      databaseKey: key,
      secretStore: { protection: secrets.protection, backend: secrets.report.backend },
      // "Host the office sync server": this binary again, in its server mode, as a child process.
      syncServerLaunch: appSyncServerLaunch(),
      services: {
        prefs,
        keyVault: vault,
        tokenVault,
        // The office's SMTP password: kept by this machine's secret store, never in the synced workspace.
        smtpPasswordVault: vaultOf(SMTP_PASSWORD_FILES),
      },
    });
  } catch (err) {
    showStartupError(err, dataDir);
    app.exit(1);
    return;
  }
  logger.info('shell.start', { electron: process.versions.electron, packaged: app.isPackaged });

  hardenSession(session.defaultSession, logger);
  hardenAllWebContents({ logger, language: () => prefs.get().language, parentWindow: currentWindow });
  serveRenderer(session.defaultSession, RENDERER_DIR, logger, (url) => desktop?.print.document(url) ?? null);
  updates = startUpdates(core, logger, tokenVault, currentWindow);
  const updateCalls = updateShellCalls(updates);
  const disconnect = connectCoreToIpc(core, currentWindow, logger, (method, input) => updateCalls(method) ?? desktop?.shellCalls(method, input) ?? null);
  installAppMenu(prefs.get().language, menuContext);
  desktop = startDesktop({
    core,
    logger,
    argv: process.argv,
    language: () => prefs.get().language,
    installMenu: () => installAppMenu(prefs.get().language, menuContext),
    window: currentWindow,
    // The tray's "Buka Warta" and its click: the hidden window again, or a new one.
    openWindow: () => {
      const w = currentWindow();
      if (!w) return openWindow();
      if (w.isMinimized()) w.restore();
      w.show();
      w.focus();
    },
  });

  const openWindow = () => {
    win = createMainWindow({ preloadPath: PRELOAD_PATH, store, devTools: !app.isPackaged });
    desktop?.attachWindow(win);
    win.webContents.on('render-process-gone', (_event, details) => logger.error('shell.renderer_gone', { reason: details.reason, exitCode: details.exitCode }));
    win.on('closed', () => {
      win = null;
    });
  };
  openWindow();

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open brings one back.
    if (!currentWindow()) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('child-process-gone', (_event, details) => logger.warn('shell.child_process_gone', { type: details.type, reason: details.reason }));
  let coreClosed = false;
  app.on('will-quit', (event) => {
    if (coreClosed) return;
    // The worker closes the database before the process ends: quit again once it has.
    event.preventDefault();
    coreClosed = true;
    disconnect();
    void core.close().finally(() => app.quit());
  });
}

/**
 * Updates from the office sync server (electron/shell/updater.ts): the feed is the server this
 * device is enrolled with and its token; a check 30 s after start and every 4 hours.
 */
function startUpdates(core: CoreRelay, logger: Logger, tokenVault: ReturnType<typeof cipherTokenVault>, currentWindow: () => BrowserWindow | null): UpdateAgent {
  const updater = electronUpdater.autoUpdater;
  updater.logger = {
    info: (m?: unknown) => logger.info('updates.log', { message: String(m).slice(0, 300) }),
    warn: (m?: unknown) => logger.warn('updates.log', { message: String(m).slice(0, 300) }),
    error: (m?: unknown) => logger.error('updates.log', { message: String(m).slice(0, 300) }),
  };
  // The updater's own cache config (electron-builder writes app-update.yml only with a publish
  // setting, and the office server's address is known only at run time).
  const configPath = path.join(app.getPath('userData'), 'app-update.yml');
  fs.writeFileSync(configPath, 'provider: generic\nurl: http://127.0.0.1/\nupdaterCacheDirName: warta-updater\n');
  updater.updateConfigPath = configPath;
  const agent = createUpdateAgent({
    updater,
    currentVersion: app.getVersion(),
    unsupportedReason: app.isPackaged
      ? null
      : 'Pembaruan otomatis hanya untuk Warta yang terpasang dari pemasangnya, bukan yang dijalankan dari kode sumber. (Automatic updates are for the installed app only.)',
    feed: async () => {
      const sync = await core.invoke('sync.status');
      const token = tokenVault.load();
      return sync.configured && sync.serverUrl && token ? { serverUrl: sync.serverUrl, token } : null;
    },
    onStatus: (status) => {
      const w = currentWindow();
      if (w && !w.isDestroyed() && !w.webContents.isDestroyed()) w.webContents.send(IPC_CHANNEL_EVENT, 'updates.status', status);
    },
    log: (event, data) => logger.info(event, data ?? {}),
  });
  agent.schedule(30_000, 4 * 3600_000);
  return agent;
}
