/**
 * OS notifications (issue 17 item 3). The core finds what is worth telling (`desktop.notice`,
 * electron/core/features/desktop/notices.ts); here the shell decides whether to show it — the
 * kind switched on, outside quiet hours (this computer's local time), not shown before, not on a
 * locked press-room kiosk — and shows it; a click opens the window on the right screen.
 * Electron's Notification comes in as a small interface (tested with stand-ins).
 */
import { inQuietHours, type DesktopSettings, type Notice } from '../../shared/desktop/settings';

export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface NotifierDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
  readSettings(): Promise<DesktopSettings>;
  now(): Date;
  /** Shows the window and tells the renderer which screen to open. */
  openTarget(target: Notice['target']): void;
  kioskLocked(): boolean;
  log(event: string, data?: Record<string, unknown>): void;
}

export type NoticeOutcome = 'shown' | 'kind_off' | 'quiet_hours' | 'seen' | 'kiosk' | 'unsupported';

const SEEN_LIMIT = 500;

export function createNotifier(deps: NotifierDeps) {
  let settings: DesktopSettings | null = null;
  const seen = new Set<string>();
  // Electron drops a Notification that nothing references, and its click with it.
  const live = new Set<NotificationLike>();

  const decide = (notice: Notice): NoticeOutcome => {
    if (seen.has(notice.id)) return 'seen';
    if (deps.kioskLocked()) return 'kiosk';
    if (!settings?.notifications[notice.kind]) return 'kind_off';
    const now = deps.now();
    if (inQuietHours(settings.notifications.quietHours, now.getHours() * 60 + now.getMinutes())) return 'quiet_hours';
    if (!deps.isSupported()) return 'unsupported';
    return 'shown';
  };

  return {
    async refreshSettings(): Promise<void> {
      try {
        settings = await deps.readSettings();
      } catch (err) {
        deps.log('shell.notify.settings_failed', { message: String((err as Error)?.message ?? err).slice(0, 200) });
      }
    },
    /** Handles one notice from the core; returns what happened (for the log and tests). */
    async handle(notice: Notice): Promise<NoticeOutcome> {
      if (!settings) await this.refreshSettings();
      const outcome = decide(notice);
      if (outcome !== 'seen') {
        seen.add(notice.id);
        if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value as string);
      }
      deps.log('shell.notify', { kind: notice.kind, outcome });
      if (outcome !== 'shown') return outcome;
      const n = deps.create({ title: notice.title, body: notice.body });
      live.add(n);
      n.on('click', () => {
        live.delete(n);
        deps.openTarget(notice.target);
      });
      n.on('close', () => live.delete(n));
      n.show();
      return outcome;
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
