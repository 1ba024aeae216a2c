/**
 * The desktop shell's parts around the one window (issue 17): the press-room kiosk lock, and the
 * wiring of each part to the real Electron. main.ts makes two calls — `startDesktop` once the core
 * is open and `attachWindow` for every window it opens — so that its start-up stays small.
 * Each part takes Electron as a small interface and is tested with stand-ins.
 */
import { app, Menu, type BrowserWindow } from 'electron';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/log/logger';
import { createKioskLock, type KioskLock } from './kiosk';

export interface DesktopOptions {
  core: Core;
  logger: Logger;
  /** Installs the application menu in the current language (app-menu.ts). */
  installMenu(): void;
}

export interface Desktop {
  kiosk: KioskLock;
  attachWindow(win: BrowserWindow): void;
  /** Whether the menu may be (re)installed now: never while the kiosk is locked. */
  menuAllowed(): boolean;
}

export function startDesktop(options: DesktopOptions): Desktop {
  const { core, logger } = options;
  const kiosk = createKioskLock({
    async readState() {
      const session = await core.invoke('session.get');
      return { pressRoom: session.pressRoom && session.accountsExist, signedIn: !!session.user };
    },
    applyMenu: (locked) => (locked ? Menu.setApplicationMenu(null) : options.installMenu()),
    log: (event, data) => logger.info(event, data ?? {}),
  });
  core.on('session.changed', () => void kiosk.refresh());
  app.on('before-quit', (event) => {
    if (kiosk.refusesQuit()) {
      logger.warn('shell.kiosk.quit_refused', {});
      event.preventDefault();
    }
  });
  void kiosk.refresh();

  return {
    kiosk,
    attachWindow: (win) => kiosk.attach(win),
    menuAllowed: () => !kiosk.locked(),
  };
}
