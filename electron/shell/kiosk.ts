/**
 * The press-room kiosk lock (issue 17 item 6). While this machine is set as a press-room PC and
 * nobody from the staff is signed in, the window is a full-screen kiosk: no menu, no quit, no
 * reload, no developer tools, the window cannot be closed; only a staff sign-in (the kiosk's
 * "Masuk staf") unlocks it, and the idle lock or a sign-out locks it again.
 *
 * The state comes from the core (`session.get` after every `session.changed` event), so the rule
 * lives where the sign-in lives. Electron is passed in as small interfaces so that the lock can be
 * tested with stand-ins (test/unit/shell/kiosk.test.ts).
 */
import { isKioskBlockedKey, type KeyInput } from './policy/kiosk-keys';

interface Preventable {
  preventDefault(): void;
}

/** The parts of a BrowserWindow the lock uses. */
export interface KioskWindow {
  isDestroyed(): boolean;
  setKiosk(flag: boolean): void;
  setFullScreen(flag: boolean): void;
  setMenuBarVisibility(visible: boolean): void;
  setAutoHideMenuBar(hide: boolean): void;
  setClosable?(closable: boolean): void;
  show(): void;
  focus(): void;
  on(event: 'close', listener: (event: Preventable) => void): unknown;
  webContents: {
    on(event: 'before-input-event', listener: (event: Preventable, input: KeyInput) => void): unknown;
    on(event: 'devtools-opened', listener: () => void): unknown;
    closeDevTools(): void;
  };
}

export interface KioskDeps {
  /** Press-room machine and whether someone from the staff is signed in (core `session.get`). */
  readState(): Promise<{ pressRoom: boolean; signedIn: boolean }>;
  /** Puts the application menu back (unlocked) or removes it (locked). */
  applyMenu(locked: boolean): void;
  log(event: string, data?: Record<string, unknown>): void;
}

export interface KioskLock {
  locked(): boolean;
  /** Re-reads the session and applies the lock; called on start and on every `session.changed`. */
  refresh(): Promise<void>;
  /** Wires a (new) window: its keys, its close button, its developer tools. */
  attach(win: KioskWindow): void;
  /** For app 'before-quit': true when the quit must be refused. */
  refusesQuit(): boolean;
}

export function createKioskLock(deps: KioskDeps): KioskLock {
  let locked = false;
  let window: KioskWindow | null = null;
  const live = () => (window && !window.isDestroyed() ? window : null);

  const applyWindow = () => {
    const win = live();
    if (!win) return;
    win.setKiosk(locked);
    win.setFullScreen(locked);
    win.setAutoHideMenuBar(locked);
    win.setMenuBarVisibility(!locked);
    win.setClosable?.(!locked);
    if (locked) {
      win.webContents.closeDevTools();
      win.show();
      win.focus();
    }
  };

  return {
    locked: () => locked,
    async refresh() {
      let next: boolean;
      try {
        const state = await deps.readState();
        next = state.pressRoom && !state.signedIn;
      } catch (err) {
        // The core did not answer: keep what holds, never unlock a kiosk on an error.
        deps.log('shell.kiosk.state_failed', { message: String((err as Error)?.message ?? err).slice(0, 200) });
        return;
      }
      if (next === locked) return;
      locked = next;
      deps.log('shell.kiosk', { locked });
      deps.applyMenu(locked);
      applyWindow();
    },
    attach(win) {
      window = win;
      win.on('close', (event) => {
        if (locked) event.preventDefault();
      });
      win.webContents.on('before-input-event', (event, input) => {
        if (locked && isKioskBlockedKey(input)) event.preventDefault();
      });
      win.webContents.on('devtools-opened', () => {
        if (locked) win.webContents.closeDevTools();
      });
      if (locked) applyWindow();
    },
    refusesQuit: () => locked,
  };
}
