import type { DesktopSettings, Notice } from '../desktop/settings';
import type { SyncStatus, UpdateStatus } from './methods';

/** What the core pushes to every connected renderer. */
export interface EventMap {
  /** Rows of these tables changed (locally or from sync): views reload what they show. */
  'data.changed': { tables: string[] };
  /** A long job moved on; `total` null while unknown. */
  progress: { jobId: string; label: string; done: number; total: number | null; finished: boolean };
  'sync.status': SyncStatus;
  /** Someone signed in, out, or the session locked, or the machine's settings changed: re-read session.get. */
  'session.changed': { reason: 'sign_in' | 'sign_out' | 'lock' | 'machine_settings' };
  /** Sent by the desktop shell's updater (electron/shell/updater.ts) when its status changes. */
  'updates.status': UpdateStatus;
  /** This machine's desktop settings were saved (the shell applies start-at-login and the tray). */
  'desktop.settings': DesktopSettings;
  /** Something for an OS notification (the shell filters by the settings, then shows it). */
  'desktop.notice': Notice;
  /** Sent by the desktop shell when a notification is clicked: the renderer opens that screen. */
  'desktop.open': Notice['target'];
  /** Sent by the desktop shell's application menu (new release, print, export, settings). */
  'desktop.command': { command: 'newRelease' | 'print' | 'export' | 'settings' };
  /** .ics files were opened with Warta: the renderer takes them with `desktop.openedFiles`. */
  'desktop.openedFiles': Record<string, never>;
  /**
   * The core's worker thread (electron/core/worker): `restarting` after it died (calls in flight
   * got `core_restarted`), `running` again once restarted, `failed` when it could not be.
   * Sent by the relay on the main thread, never by the core itself.
   */
  'core.status': { state: 'running' | 'restarting' | 'failed'; restarts: number; message: string | null };
}

export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = [
  'data.changed',
  'progress',
  'sync.status',
  'session.changed',
  'updates.status',
  'desktop.settings',
  'desktop.notice',
  'desktop.open',
  'desktop.command',
  'desktop.openedFiles',
  'core.status',
];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
