/**
 * Stand-ins for the parts of Electron the desktop shell uses (the real package must never load in
 * tests: it would look for its binary). Windows and the app are EventEmitters whose calls are
 * recorded, so a test can fire an OS event (close, a key, a tray click) and read what the shell did.
 */
import { EventEmitter } from 'node:events';

export interface Prevented {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export const event = (): Prevented => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

export class FakeWebContents extends EventEmitter {
  calls: string[] = [];
  replaced: string[] = [];
  replaceMisspelling(text: string) {
    this.replaced.push(text);
  }
  /** What getPrintersAsync answers: none on a machine without printers. */
  printers: { name: string }[] = [{ name: 'Kantor-Laser' }];
  getPrintersAsync() {
    return Promise.resolve(this.printers);
  }
  sent: unknown[][] = [];
  closeDevTools() {
    this.calls.push('closeDevTools');
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return false;
  }
  /** Fires a key the way Electron's before-input-event does; true if the shell swallowed it. */
  key(key: string, mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}) {
    const e = event();
    this.emit('before-input-event', e, { type: 'keyDown', key, control: false, meta: false, alt: false, shift: false, ...mods });
    return e.defaultPrevented;
  }
}

export class FakeWindow extends EventEmitter {
  webContents = new FakeWebContents();
  state = { kiosk: false, fullScreen: false, menuBarVisible: true, autoHideMenuBar: false, closable: true, visible: true, destroyed: false, title: 'Warta', progress: -1, progressMode: 'none' };
  calls: string[] = [];
  isDestroyed = () => this.state.destroyed;
  setKiosk = (f: boolean) => void (this.state.kiosk = f);
  setFullScreen = (f: boolean) => void (this.state.fullScreen = f);
  setMenuBarVisibility = (v: boolean) => void (this.state.menuBarVisible = v);
  setAutoHideMenuBar = (h: boolean) => void (this.state.autoHideMenuBar = h);
  setClosable = (c: boolean) => void (this.state.closable = c);
  setTitle = (t: string) => void (this.state.title = t);
  setProgressBar = (p: number, o?: { mode: string }) => void Object.assign(this.state, { progress: p, progressMode: o?.mode ?? 'normal' });
  isVisible = () => this.state.visible;
  isMinimized = () => false;
  restore = () => undefined;
  show = () => {
    this.state.visible = true;
    this.calls.push('show');
  };
  hide = () => {
    this.state.visible = false;
    this.calls.push('hide');
  };
  focus = () => void this.calls.push('focus');
  /** The user clicks the window's close button; true if the shell kept the window. */
  tryClose() {
    const e = event();
    this.emit('close', e);
    return e.defaultPrevented;
  }
}

export type FakeMenuItem = { type?: 'separator'; label?: string; enabled?: boolean; click?: () => void };

export class FakeTray extends EventEmitter {
  tooltip = '';
  menu: FakeMenuItem[] = [];
  destroyed = false;
  setToolTip(t: string) {
    this.tooltip = t;
  }
  setContextMenu(m: { items: FakeMenuItem[] }) {
    this.menu = m.items;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** A window the shell opens itself (the print preview). */
export class FakePreviewWindow extends EventEmitter {
  url: string | null = null;
  menu: unknown = undefined;
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  setMenu(m: unknown) {
    this.menu = m;
  }
  loadURL(url: string) {
    this.url = url;
    return Promise.resolve();
  }
}

export class FakeNotification extends EventEmitter {
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    this.shown = true;
  }
}

/**
 * The `electron` module as the desktop shell imports it, for `vi.mock('electron', …)`:
 *   vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());
 * `record` collects what the shell did (menus set, trays made, login items, quits, notifications).
 */
export function fakeElectron() {
  const record = {
    menus: [] as unknown[],
    trays: [] as FakeTray[],
    login: [] as boolean[],
    quits: 0,
    notifications: [] as FakeNotification[],
    notificationsSupported: true,
    windows: [] as FakePreviewWindow[],
    spellChecker: null as boolean | null,
    spellLanguages: [] as string[],
    addedWords: [] as string[],
    popups: [] as { items: FakeMenuItem[]; window: unknown }[],
    opened: [] as string[],
  };
  const app = Object.assign(new EventEmitter(), {
    getAppPath: () => '/app',
    quit: () => void record.quits++,
    setLoginItemSettings: (s: { openAtLogin: boolean }) => void record.login.push(s.openAtLogin),
  });
  class Tray extends FakeTray {
    constructor() {
      super();
      record.trays.push(this);
    }
  }
  class Notification extends FakeNotification {
    static isSupported = () => record.notificationsSupported;
    constructor(options: { title: string; body: string }) {
      super(options);
      record.notifications.push(this);
    }
  }
  class BrowserWindow extends FakePreviewWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      record.windows.push(this);
    }
  }
  const session = {
    defaultSession: {
      availableSpellCheckerLanguages: [] as string[],
      setSpellCheckerEnabled: (on: boolean) => void (record.spellChecker = on),
      setSpellCheckerLanguages: (l: string[]) => void (record.spellLanguages = l),
      addWordToSpellCheckerDictionary: (w: string) => record.addedWords.push(w) > 0,
    },
  };
  const shell = {
    openPath: (p: string) => {
      record.opened.push(p);
      return Promise.resolve('');
    },
  };
  return {
    record,
    app,
    session,
    shell,
    dialog: { showMessageBox: () => Promise.resolve({ response: 0 }) },
    Tray,
    Notification,
    BrowserWindow,
    Menu: {
      buildFromTemplate: (items: FakeMenuItem[]) => ({ items, popup: (o: { window: unknown }) => void record.popups.push({ items, window: o.window }) }),
      setApplicationMenu: (m: unknown) => void record.menus.push(m),
    },
    nativeImage: { createFromPath: () => ({ setTemplateImage: () => undefined }) },
  };
}
export type FakeElectron = ReturnType<typeof fakeElectron>;

/** Clears what a test recorded and the app's listeners. */
export function resetFakeElectron(e: FakeElectron) {
  e.record.menus.length = 0;
  e.record.trays.length = 0;
  e.record.login.length = 0;
  e.record.quits = 0;
  e.record.notifications.length = 0;
  e.record.notificationsSupported = true;
  e.record.windows.length = 0;
  e.record.popups.length = 0;
  e.record.addedWords.length = 0;
  e.app.removeAllListeners();
}
