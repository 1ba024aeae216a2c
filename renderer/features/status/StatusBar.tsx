import { formatLongDate } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { useConnection } from '../../api/connection-store';
import { useT } from '../../i18n/use-t';
import { useNow } from './use-now';
import { useOnline } from './use-online';
import { useSyncStatus } from './sync-status-store';
import { syncStateText } from '../sync/SyncStateLabel';

/**
 * Says plainly what is true: whether there is a network, whether this window still reaches
 * the Warta core, that sync is not set up (until the sync issue lands), and today's date in
 * the office's zone, which may differ from this computer's.
 */
export function StatusBar({ zone }: { zone: ZoneLabel }) {
  const { t, language } = useT();
  const online = useOnline();
  const connection = useConnection((s) => s.state);
  const sync = useSyncStatus((s) => s.status);
  const now = useNow();

  const link = connection === 'connecting' ? t('status.connecting') : connection === 'reconnecting' ? t('status.reconnecting') : null;
  const reachable = online && connection === 'open';

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className={`status-bar__item status-bar__net status-bar__net--${reachable ? 'on' : 'off'}`} data-testid="status-network" role="status">
        <span className="status-bar__dot" aria-hidden="true" />
        {online ? t('status.online') : t('status.offline')}
        {link ? <span className="status-bar__link"> · {link}</span> : null}
      </span>
      {sync ? (
        <span className="status-bar__item" data-testid="status-sync" data-state={sync.state}>
          {sync.configured ? syncStateText(sync, t, zone, language) : t('status.syncNotConfigured')}
          {' · '}
          {sync.pendingChanges > 0 ? t('status.localChanges', { count: sync.pendingChanges }) : t('status.noLocalChanges')}
        </span>
      ) : null}
      <span className="status-bar__item status-bar__date" data-testid="status-date">
        <span className="visually-hidden">{t('status.today')}: </span>
        {formatLongDate(now, zone, language)} ({zone})
      </span>
    </footer>
  );
}
