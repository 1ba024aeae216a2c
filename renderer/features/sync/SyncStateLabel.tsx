import type { SyncStatus } from '../../../shared/contract/methods';
import type { Translate } from '../../i18n/use-t';

/** The sync state in plain words: offline / syncing with progress / up to date / error. */
export function syncStateText(status: SyncStatus, t: Translate): string {
  if (status.state === 'syncing' && status.progress && status.progress.total) return t('sync.state.syncingProgress', { done: status.progress.done, total: status.progress.total });
  return t(`sync.state.${status.state}`);
}
