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

/** An .ics opened with Warta from the file manager: its text, or why it could not be read. */
export type OpenedFile = { fileName: string; text: string } | { fileName: string; error: string };

export const desktopMethods = {
  /** The .ics files opened with Warta since the last call (the desktop shell answers; elsewhere none). */
  'desktop.openedFiles': mutation<typeof empty, OpenedFile[]>('agenda.write', empty),
  'desktop.settings.get': query<typeof empty, DesktopSettings>('app.use', empty),
  /** The whole settings (a missing field takes its default). Staff only (every staff role reads releases): a kiosk visitor cannot silence or start anything. */
  'desktop.settings.save': mutation<typeof desktopSettingsSchema, DesktopSettings>('releases.read', desktopSettingsSchema),
  /** Counts only, for the tray and the close button: nothing a visitor at the kiosk could read. */
  'desktop.backgroundWork': query<typeof empty, BackgroundWork>('app.use', empty),
};
