/**
 * The tray and running in the background (issue 17 item 2). Closing the window hides it into the
 * tray instead of quitting while Warta has work — e-mails in the outbox, or a sync server to follow —
 * and the person's setting allows it (shared/desktop/settings.ts: the default follows the platform).
 * The tray menu opens the window, syncs now, shows the outbox and quits. Start at login follows its
 * setting (on by default for a press-room PC). Electron comes in as small interfaces, so this is
 * tested with stand-ins (test/unit/shell/tray.test.ts).
 */
import type { BackgroundWork, Language } from '../../shared/contract/methods';
import { runsInBackground, startsAtLogin, type DesktopSettings } from '../../shared/desktop/settings';

export type TrayMenuItem = { type: 'separator' } | { label: string; enabled?: boolean; click?: () => void };

export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayWindow {
  isDestroyed(): boolean;
  hide(): void;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface TrayDeps {
  platform: string;
  language(): Language;
  createTray(): TrayLike;
  buildMenu(items: TrayMenuItem[]): unknown;
  setOpenAtLogin(open: boolean): void;
  readSettings(): Promise<DesktopSettings>;
  readWork(): Promise<BackgroundWork>;
  syncNow(): Promise<void>;
  openWindow(): void;
  quit(): void;
  /** The press-room kiosk is locked: no tray (its Quit would be a way out), no hiding. */
  kioskLocked(): boolean;
  log(event: string, data?: Record<string, unknown>): void;
}

const LABELS = {
  id: {
    open: 'Buka Warta',
    syncNow: 'Sinkronkan sekarang',
    noSync: 'Sinkronisasi belum diatur',
    outboxEmpty: 'Kotak keluar kosong',
    outbox: (n: number) => `Kotak keluar: ${n} surel menunggu`,
    quit: 'Keluar dari Warta',
    tooltip: (n: number) => (n > 0 ? `Warta — ${n} surel menunggu dikirim` : 'Warta'),
  },
  en: {
    open: 'Open Warta',
    syncNow: 'Sync now',
    noSync: 'Sync is not set up',
    outboxEmpty: 'Outbox is empty',
    outbox: (n: number) => `Outbox: ${n} e-mails waiting`,
    quit: 'Quit Warta',
    tooltip: (n: number) => (n > 0 ? `Warta — ${n} e-mails waiting to be sent` : 'Warta'),
  },
} as const;

export interface TrayController {
  /** Re-reads settings and work; rebuilds the tray; applies start at login. Called on start and on core events. */
  refresh(): Promise<void>;
  attach(win: TrayWindow): void;
  /** A real quit is under way (tray Quit, the menu, the OS): the window may close. */
  markQuitting(): void;
  /** Whether closing the window now would hide it rather than close it (for tests and logs). */
  keepsRunning(): boolean;
  hasTray(): boolean;
}

export function createTrayController(deps: TrayDeps): TrayController {
  let settings: DesktopSettings | null = null;
  let work: BackgroundWork | null = null;
  let tray: TrayLike | null = null;
  let quitting = false;
  let appliedLogin: boolean | null = null;

  // Hidden without a tray icon, the window could only come back by starting Warta again, except on
  // macOS where the dock icon brings it back.
  const keepsRunning = () =>
    !quitting && !deps.kioskLocked() && (tray !== null || deps.platform === 'darwin') && !!settings && !!work && runsInBackground(settings.background, deps.platform) && (work.outboxWaiting > 0 || work.syncConfigured);

  const rebuild = () => {
    if (deps.kioskLocked()) {
      tray?.destroy();
      tray = null;
      return;
    }
    if (!tray) {
      tray = deps.createTray();
      tray.on('click', () => deps.openWindow());
    }
    const t = LABELS[deps.language()] ?? LABELS.id;
    const waiting = work?.outboxWaiting ?? 0;
    tray.setToolTip(t.tooltip(waiting));
    tray.setContextMenu(
      deps.buildMenu([
        { label: t.open, click: () => deps.openWindow() },
        work?.syncConfigured
          ? { label: t.syncNow, click: () => void deps.syncNow().catch((err: unknown) => deps.log('shell.tray.sync_failed', { message: String((err as Error)?.message ?? err).slice(0, 200) })) }
          : { label: t.noSync, enabled: false },
        { label: waiting > 0 ? t.outbox(waiting) : t.outboxEmpty, enabled: false },
        { type: 'separator' },
        {
          label: t.quit,
          click: () => {
            quitting = true;
            deps.quit();
          },
        },
      ]),
    );
  };

  return {
    async refresh() {
      try {
        [settings, work] = await Promise.all([deps.readSettings(), deps.readWork()]);
      } catch (err) {
        deps.log('shell.tray.read_failed', { message: String((err as Error)?.message ?? err).slice(0, 200) });
      }
      if (settings && work && deps.platform !== 'linux') {
        // Electron has no login items on Linux; the settings screen says so.
        const login = startsAtLogin(settings.startAtLogin, work.pressRoom);
        if (login !== appliedLogin) {
          deps.setOpenAtLogin(login);
          appliedLogin = login;
        }
      }
      try {
        rebuild();
      } catch (err) {
        // A desktop without a tray area: Warta keeps working, only without its tray icon.
        deps.log('shell.tray.unavailable', { message: String((err as Error)?.message ?? err).slice(0, 200) });
      }
    },
    attach(win) {
      win.on('close', (event) => {
        if (!keepsRunning()) return;
        event.preventDefault();
        win.hide();
        deps.log('shell.tray.hidden', { outboxWaiting: work?.outboxWaiting ?? 0, syncConfigured: work?.syncConfigured ?? false });
      });
    },
    markQuitting() {
      quitting = true;
    },
    keepsRunning,
    hasTray: () => tray !== null,
  };
}
