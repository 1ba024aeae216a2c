/**
 * The Electron main process: lifecycle, the one window, menus and the security hooks.
 * All of Warta's work happens in the core (electron/core), which runs in plain Node; this
 * file only wires it to Electron.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, safeStorage, session, type BrowserWindow } from 'electron';
import { createCore, type Core } from '../core/create-core';
import { cipherTokenVault, insecureFileTokenVault, SMTP_PASSWORD_FILES } from '../core/sync/token-vault';
import { installAppMenu } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { connectCoreToIpc } from './ipc-bridge';
import { machinePrefs, openMachineStore, type MachineStore } from './machine-store';
import { createMainWindow } from './main-window';
import { createKeyVault } from './key-vault';
import { askPassphrase } from './passphrase-window';
import { openShellSecrets, weakStoreMessage } from './secrets';
import { hardenAllWebContents, hardenSession } from './security';
import { showStartupError } from './startup-error';
import { appSyncServerLaunch, isSyncServerMode, runSyncServerMode } from './sync-server-launch';

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

  app.on('second-instance', () => {
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
  let core: Core;
  try {
    store = openMachineStore();
    const prefs = machinePrefs(store, (next) => installAppMenu(next.language, { window: currentWindow, dataDir }));
    // The OS keychain where it protects; a secrets passphrase where it does not (Linux basic_text).
    const secrets = await openShellSecrets(dataDir, safeStorage, process.platform, askPassphrase);
    if (secrets.protection === 'locked') {
      app.exit(0);
      return;
    }
    if (secrets.report.strength !== 'keychain') process.stderr.write(`Warta: ${weakStoreMessage(secrets.report)} [${secrets.protection}]\n`);
    const { vault, key } = createKeyVault(dataDir, secrets.cipher);
    const vaultOf = (files?: typeof SMTP_PASSWORD_FILES) => (secrets.cipher ? cipherTokenVault(dataDir, secrets.cipher, files) : insecureFileTokenVault(dataDir, files));
    core = createCore({
      dataDir,
      mode: 'electron',
      prefs,
      databaseKey: key,
      keyVault: vault,
      tokenVault: vaultOf(),
      // The office's SMTP password: kept by this machine's secret store, never in the synced workspace.
      smtpPasswordVault: vaultOf(SMTP_PASSWORD_FILES),
      secretStore: { protection: secrets.protection, backend: secrets.report.backend },
      // "Host the office sync server": this binary again, in its server mode, as a child process.
      syncServerLaunch: appSyncServerLaunch(),
    });
  } catch (err) {
    showStartupError(err, dataDir);
    app.exit(1);
    return;
  }
  const logger = core.context.logger;
  logger.info('shell.start', { electron: process.versions.electron, packaged: app.isPackaged });

  hardenSession(session.defaultSession, logger);
  hardenAllWebContents({ logger, language: () => core.context.prefs.get().language, parentWindow: currentWindow });
  serveRenderer(session.defaultSession, RENDERER_DIR, logger);
  const disconnect = connectCoreToIpc(core, currentWindow, logger);
  installAppMenu(core.context.prefs.get().language, { window: currentWindow, dataDir });

  const openWindow = () => {
    win = createMainWindow({ preloadPath: PRELOAD_PATH, store, devTools: !app.isPackaged });
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
  app.on('will-quit', () => {
    disconnect();
    core.close();
  });
}
