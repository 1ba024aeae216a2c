import { mutation, query } from '../define';
import { desktopSettingsSchema, type DesktopSettings } from '../../desktop/settings';
import { empty } from './common';

/** What keeps Warta running after its window closes: e-mails to send, a sync server to follow. */
export interface BackgroundWork {
  /** E-mails this machine still has to send (queued, retrying, waiting for an embargo, uncertain). */
  outboxWaiting: number;
  syncConfigured: boolean;
  pressRoom: boolean;
}

export const desktopMethods = {
  'desktop.settings.get': query<typeof empty, DesktopSettings>('app.use', empty),
  /** The whole settings (a missing field takes its default). Staff only (every staff role reads releases): a kiosk visitor cannot silence or start anything. */
  'desktop.settings.save': mutation<typeof desktopSettingsSchema, DesktopSettings>('releases.read', desktopSettingsSchema),
  /** Counts only, for the tray and the close button: nothing a visitor at the kiosk could read. */
  'desktop.backgroundWork': query<typeof empty, BackgroundWork>('app.use', empty),
};
