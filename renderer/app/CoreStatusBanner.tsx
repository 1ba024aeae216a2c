import { useEffect, useState } from 'react';
import type { EventMap } from '../../shared/contract/events';
import { onEvent } from '../api/client';
import { useT } from '../i18n/use-t';

type CoreStatus = EventMap['core.status'];

/**
 * Says so when Warta's core stopped and was restarted (electron/core/worker/core-relay.ts): while
 * it restarts, once it is back (what was saved is safe; the last command may not have finished,
 * and the person signs in again), or that it could not be restarted. Shown above every screen,
 * sign-in included, until dismissed; the keyboard reaches its button.
 */
export function CoreStatusBanner() {
  const { t } = useT();
  const [status, setStatus] = useState<(CoreStatus & { at: Date }) | null>(null);
  useEffect(() => onEvent('core.status', (s) => setStatus({ ...s, at: new Date() })), []);
  if (!status) return null;
  const time = status.at.toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit' });
  const text =
    status.state === 'restarting'
      ? t('core.restarting')
      : status.state === 'running'
        ? t('core.restarted', { time })
        : t('core.failed', { message: status.message ?? '' });
  return (
    <div className={`core-banner core-banner--${status.state}`} role="alert" data-testid="core-status-banner" data-state={status.state}>
      <span>{text}</span>
      {status.state === 'running' ? (
        <button type="button" className="button" onClick={() => setStatus(null)}>
          {t('core.dismiss')}
        </button>
      ) : null}
    </div>
  );
}
