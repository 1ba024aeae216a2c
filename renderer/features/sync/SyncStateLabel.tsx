import type { SyncStatus } from '../../../shared/contract/methods';
import { formatTime } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import type { Translate } from '../../i18n/use-t';

/**
 * The sync state in plain words: offline / syncing with progress / up to date / error. "Up to date"
 * carries the time of the last completed round: the core learns that the server went away only at
 * its next round (a minute at most), and until then the sentence must stay true.
 */
export function syncStateText(status: SyncStatus, t: Translate, zone: ZoneLabel, language: 'id' | 'en'): string {
  if (status.state === 'syncing' && status.progress && status.progress.total) return t('sync.state.syncingProgress', { done: status.progress.done, total: status.progress.total });
  if (status.state === 'up_to_date' && status.lastSyncAt) return t('sync.state.up_to_date_at', { time: formatTime(Date.parse(status.lastSyncAt), zone, language) });
  return t(`sync.state.${status.state}`);
}
