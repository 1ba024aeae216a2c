/**
 * The desktop shell's parts around the one window (issue 17): the press-room kiosk lock, the tray
 * and running in the background, OS notifications, printing, the right-click menu, long jobs in the title and taskbar, and their wiring to the real Electron. main.ts makes two calls —
 * `startDesktop` once the core is open and `attachWindow` for every window it opens — so that its
 * start-up stays small. Each part takes Electron as a small interface and is tested with stand-ins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, Menu, nativeImage, Notification, session, Tray, type MenuItemConstructorOptions } from 'electron';
import type { CallResult } from '../../shared/contract/result';
import type { EventMap, EventName } from '../../shared/contract/events';
import { IPC_CHANNEL_EVENT } from '../../shared/contract/wire';
import type { Language } from '../../shared/contract/methods';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/log/logger';
import { installContextMenu, setUpSpelling } from './context-menu';
import { createKioskLock, type KioskLock } from './kiosk';
import type { ContextItem } from './policy/context-menu-template';
import { createNotifier, type Notifier } from './notifications';
import { createPrintService, type PrintService } from './print';
import { createProgressDisplay } from './progress';
import { createOpenFiles, icsPathsIn } from './open-files';
import { createTrayController, type TrayController } from './tray';

export interface DesktopOptions {
  /** The core as the relay serves it (electron/core/worker), or an in-process core in tests. */
  core: Pick<Core, 'invoke' | 'call' | 'on'>;
  logger: Logger;
  language(): Language;
  /** Installs the application menu in the current language (app-menu.ts). */
  installMenu(): void;
  /** Shows the window, opening a new one if it was closed. */
  openWindow(): void;
  /** The window, if one is open (a notification's click sends it the screen to open). */
  window(): BrowserWindow | null;
  platform?: string;
  /** The command line this Warta started with (an .ics opened from the file manager). */
  argv?: readonly string[];
}

export interface Desktop {
  kiosk: KioskLock;
  tray: TrayController;
  notifier: Notifier;
  print: PrintService;
  /** Methods the shell answers itself (print.open), for connectCoreToIpc. */
  shellCalls(method: string, input: unknown): Promise<CallResult<unknown>> | null;
  attachWindow(win: BrowserWindow): void;
  /** Whether the menu may be (re)installed now: never while the kiosk is locked. */
  menuAllowed(): boolean;
  /** The language changed: the tray's words follow. */
  languageChanged(): void;
  /** A second start of Warta (Windows/Linux) with these arguments: .ics files among them are opened. */
  secondInstance(argv: readonly string[]): void;
}

/** Core events after which the tray re-reads what it shows (outbox rows, sync, settings, kiosk). */
const TRAY_EVENTS: EventName[] = ['sync.status', 'desktop.settings', 'session.changed'];
const OUTBOX_TABLES = ['distribution_recipients', 'distributions'];

export function startDesktop(options: DesktopOptions): Desktop {
  const { core, logger } = options;
  const platform = options.platform ?? process.platform;
  const log = (event: string, data?: Record<string, unknown>) => logger.info(event, data ?? {});
  const kiosk = createKioskLock({
    async readState() {
      const session = await core.invoke('session.get');
      return { pressRoom: session.pressRoom && session.accountsExist, signedIn: !!session.user };
    },
    applyMenu: (locked) => (locked ? Menu.setApplicationMenu(null) : options.installMenu()),
    log,
  });
  const tray = createTrayController({
    platform,
    language: options.language,
    createTray: () => {
      const file = platform === 'darwin' ? 'trayTemplate.png' : 'tray.png';
      const image = nativeImage.createFromPath(path.join(app.getAppPath(), 'assets', 'icons', 'tray', file));
      if (platform === 'darwin') image.setTemplateImage(true);
      return new Tray(image);
    },
    buildMenu: (items) => Menu.buildFromTemplate(items as MenuItemConstructorOptions[]),
    setOpenAtLogin: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
    readSettings: () => core.invoke('desktop.settings.get'),
    readWork: () => core.invoke('desktop.backgroundWork'),
    syncNow: async () => {
      await core.invoke('sync.now');
    },
    openWindow: options.openWindow,
    quit: () => app.quit(),
    kioskLocked: () => kiosk.locked(),
    log,
  });

  const notifier = createNotifier({
    isSupported: () => Notification.isSupported(),
    create: (o) => new Notification({ ...o, icon: path.join(app.getAppPath(), 'assets', 'icons', 'tray', 'tray@2x.png') }),
    readSettings: () => core.invoke('desktop.settings.get'),
    now: () => new Date(),
    openTarget: (target) => {
      options.openWindow();
      const win = options.window();
      const open: EventMap['desktop.open'] = target;
      if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(IPC_CHANNEL_EVENT, 'desktop.open', open);
    },
    kioskLocked: () => kiosk.locked(),
    log,
  });
  core.on('desktop.notice', (notice) => void notifier.handle(notice));
  core.on('desktop.settings', () => void notifier.refreshSettings());

  const print = createPrintService({
    async fetchPdf(request) {
      if (request.kind === 'pdf') return { ok: true, value: { fileName: request.fileName, base64: request.base64 } };
      const result =
        request.kind === 'release'
          ? await core.call('releases.export', { id: request.id, format: 'pdf', paper: request.paper })
          : await core.call('agenda.daySheet', { leaderId: request.leaderId, date: request.date, days: request.days, format: 'pdf', paper: request.paper });
      return result as CallResult<{ fileName: string; base64: string }>;
    },
    printerCount: async () => (await options.window()?.webContents.getPrintersAsync())?.length ?? 0,
    openPreview({ title, url, onClosed }) {
      const parent = options.window() ?? undefined;
      const preview = new BrowserWindow({
        ...(parent ? { parent } : {}),
        width: 900,
        height: 1000,
        title,
        autoHideMenuBar: true,
        // Chromium's PDF viewer is a plugin; nothing else in the window (no preload, sandboxed, no IPC:
        // the IPC sender check admits only the main window).
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, devTools: false },
      });
      preview.setMenu(null);
      preview.on('closed', onClosed);
      void preview.loadURL(url);
    },
    log,
  });

  const openFiles = createOpenFiles({
    stat: (file) => {
      try {
        const st = fs.statSync(file);
        return { size: st.size, isFile: st.isFile() };
      } catch {
        return null;
      }
    },
    read: (file) => fs.readFileSync(file, 'utf8'),
    baseName: (file) => path.basename(file),
    notify: () => {
      const win = options.window();
      if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(IPC_CHANNEL_EVENT, 'desktop.openedFiles', {});
    },
    log,
  });
  openFiles.open(icsPathsIn(options.argv ?? []));
  // macOS hands files to a running app (and at start) through open-file.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (/\.ics$/i.test(file)) {
      openFiles.open([file]);
      options.openWindow();
    }
  });

  // The same permission the core's own `desktop.openedFiles` names: only who may import into the agenda takes them.
  const takeOpenedFiles = async (): Promise<CallResult<unknown>> => {
    const session = await core.invoke('session.get');
    if (!session.permissions.includes('agenda.write')) return { ok: false, error: { code: 'forbidden', message: 'Hanya yang boleh mengubah agenda dapat mengimpor berkas .ics.' } };
    return { ok: true, value: openFiles.take() };
  };

  const progress = createProgressDisplay(options.window);
  core.on('progress', (p) => progress.update(p));

  const spelling = setUpSpelling(session.defaultSession, platform);
  log('shell.spelling', spelling);
  const toMenuItem = (item: ContextItem, act: (item: ContextItem) => void): MenuItemConstructorOptions => {
    if ('type' in item) return { type: 'separator' };
    if ('role' in item) return { label: item.label, role: item.role, enabled: item.enabled };
    if ('replaceWith' in item || 'addWord' in item) return { label: item.label, click: () => act(item) };
    return { label: item.label, enabled: false };
  };

  // One tray refresh at a time; events during one ask for exactly one more.
  let refreshing: Promise<void> | null = null;
  let again = false;
  const refreshTray = (): void => {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = tray.refresh().finally(() => {
      refreshing = null;
      if (again) {
        again = false;
        refreshTray();
      }
    });
  };

  core.on('session.changed', () => void kiosk.refresh().then(refreshTray));
  for (const name of TRAY_EVENTS) if (name !== 'session.changed') core.on(name, refreshTray);
  core.on('data.changed', ({ tables }) => {
    if (tables.some((t) => OUTBOX_TABLES.includes(t))) refreshTray();
  });
  app.on('before-quit', (event) => {
    if (kiosk.refusesQuit()) {
      logger.warn('shell.kiosk.quit_refused', {});
      event.preventDefault();
      return;
    }
    tray.markQuitting();
  });
  void kiosk.refresh().then(refreshTray);

  return {
    kiosk,
    tray,
    notifier,
    print,
    shellCalls: (method, input) => (method === 'desktop.openedFiles' ? takeOpenedFiles() : print.shellCalls(method, input)),
    secondInstance: (argv) => openFiles.open(icsPathsIn(argv)),
    attachWindow(win) {
      kiosk.attach(win);
      tray.attach(win);
      progress.refresh();
      installContextMenu(win.webContents, {
        language: options.language,
        spelling,
        session: session.defaultSession,
        popup: (items, act) => Menu.buildFromTemplate(items.map((item) => toMenuItem(item, act))).popup({ window: win }),
      });
    },
    menuAllowed: () => !kiosk.locked(),
    languageChanged: refreshTray,
  };
}
