import { DEFAULT_DESKTOP_SETTINGS, desktopSettingsSchema, type DesktopSettings } from '../../../../shared/desktop/settings';
import type { Db } from '../../db/open-database';
import type { HandlerGroup } from '../../rpc/handler-types';
import { syncEngineOf } from '../../sync/engine';
import { outboxStatus } from '../distribution/handlers';

const KEY = 'desktop_settings';

/** Stored as one JSON value in the workspace's local (never synced) table; a damaged value reads as the defaults. */
export function readDesktopSettings(db: Db): DesktopSettings {
  const row = db.prepare('SELECT value FROM local_meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_DESKTOP_SETTINGS;
  try {
    const parsed = desktopSettingsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_DESKTOP_SETTINGS;
  } catch {
    return DEFAULT_DESKTOP_SETTINGS;
  }
}

export const desktopHandlers: HandlerGroup<'desktop.settings.get' | 'desktop.settings.save' | 'desktop.backgroundWork' | 'desktop.openedFiles'> = {
  // Files are opened with the desktop app only (electron/shell/open-files.ts answers there).
  'desktop.openedFiles': () => [],
  'desktop.settings.get': (_input, ctx) => readDesktopSettings(ctx.db),
  'desktop.settings.save': (input, ctx) => {
    ctx.db.prepare('INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)').run(KEY, JSON.stringify(input));
    const saved = readDesktopSettings(ctx.db);
    ctx.events.emit('desktop.settings', saved);
    return saved;
  },
  'desktop.backgroundWork': (_input, ctx) => {
    const outbox = outboxStatus(ctx);
    return {
      outboxWaiting: outbox.pending + outbox.retrying + outbox.waitingEmbargo + outbox.uncertain,
      syncConfigured: syncEngineOf(ctx).status().configured,
      pressRoom: ctx.session.machine.read().pressRoom,
    };
  },
};
