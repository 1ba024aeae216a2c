import { z } from 'zod';

/**
 * How Warta behaves as a desktop app on this machine (issue 17): running in the background,
 * starting at login, which OS notifications it shows and when it keeps quiet. Machine-local
 * (the workspace's local_meta, never synced): the same person may want a quiet laptop at home
 * and a loud press-room PC. The rules that read them live here, once, for the shell and the UI.
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Jam harus berbentuk JJ:MM, misalnya 21:00' });

export const NOTIFICATION_KINDS = ['embargoLifted', 'messageProblem', 'reviewRequested', 'commentOnMine', 'deskDeadline'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const desktopSettingsSchema = z
  .object({
    /** Closing the window keeps Warta in the tray while it has work: 'platform' follows the OS's custom. */
    background: z.enum(['platform', 'on', 'off']).default('platform'),
    /** 'default': on for a press-room PC, off otherwise. */
    startAtLogin: z.enum(['default', 'on', 'off']).default('default'),
    notifications: z
      .object({
        embargoLifted: z.boolean().default(true),
        messageProblem: z.boolean().default(true),
        reviewRequested: z.boolean().default(true),
        commentOnMine: z.boolean().default(true),
        /** A public-desk item nearing or past its working-day deadline (issue 14). */
        deskDeadline: z.boolean().default(true),
        quietHours: z.object({ enabled: z.boolean(), from: hhmm, to: hhmm }).strict().default({ enabled: false, from: '21:00', to: '07:00' }),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type DesktopSettings = z.output<typeof desktopSettingsSchema>;
export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = desktopSettingsSchema.parse({});

/**
 * Windows users expect a tray app with queued work to keep running (Outlook, chat apps) and on
 * macOS an app outlives its window; many Linux desktops hide tray icons, so there the window's
 * close button quits unless the person turns background running on.
 */
export function runsInBackground(setting: DesktopSettings['background'], platform: string): boolean {
  if (setting !== 'platform') return setting === 'on';
  return platform === 'win32' || platform === 'darwin';
}

export function startsAtLogin(setting: DesktopSettings['startAtLogin'], pressRoom: boolean): boolean {
  if (setting !== 'default') return setting === 'on';
  return pressRoom;
}

/** Whether a minute of the day (0–1439, local time) falls in the quiet hours; spans midnight when from > to. */
export function inQuietHours(quiet: DesktopSettings['notifications']['quietHours'], minuteOfDay: number): boolean {
  if (!quiet.enabled) return false;
  const toMinute = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const from = toMinute(quiet.from);
  const to = toMinute(quiet.to);
  if (from === to) return false;
  return from < to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}

/** One thing worth an OS notification, found by the core (electron/core/features/desktop/notices.ts). */
export interface Notice {
  /** Stable per thing noticed, so the shell never shows the same one twice. */
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** The screen that opens when the notification is clicked. */
  target: { section: 'releases' | 'outbox' | 'publicdesk'; id: string };
}
