import { mutation, query } from '../define';
import { empty } from './common';

/**
 * Desktop updates from the office sync server (README, "Pembaruan aplikasi"). The updater lives
 * in the Electron main process (electron/shell/updater.ts), which answers these methods itself;
 * the core answers them in browser mode and tests with state `unsupported`.
 */
export interface UpdateStatus {
  /**
   * unsupported (browser mode, or not an installed app) · not_configured (no sync server: updates come from it) ·
   * idle (not checked yet) · checking · up_to_date · downloading · downloaded (installed when Warta quits) · error
   */
  state: 'unsupported' | 'not_configured' | 'idle' | 'checking' | 'up_to_date' | 'downloading' | 'downloaded' | 'error';
  currentVersion: string;
  /** The version on the server when it is newer than this one. */
  availableVersion: string | null;
  progress: { percent: number; transferred: number; total: number } | null;
  /** When the server was last asked (ISO). */
  checkedAt: string | null;
  /**
   * Why, for unsupported / not_configured / error and a few up_to_date cases, in plain words
   * (Indonesian, English in parentheses).
   */
  message: string | null;
  /** unreachable · refused · bad_feed · checksum · none_published · other, for error states. */
  problem: 'unreachable' | 'refused' | 'bad_feed' | 'checksum' | 'none_published' | 'other' | null;
}

export const updatesMethods = {
  'updates.status': query<typeof empty, UpdateStatus>('app.use', empty),
  /** Asks the server now (also done at start and every few hours); a newer version downloads in the background. */
  'updates.check': mutation<typeof empty, UpdateStatus>('app.use', empty),
  /** Restarts Warta into the downloaded version now instead of at the next quit. */
  'updates.install': mutation<typeof empty, { restarting: boolean }>('app.use', empty),
};
