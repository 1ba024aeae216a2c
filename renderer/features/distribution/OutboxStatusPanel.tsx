import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { OutboxStatus } from '../../../shared/contract/methods/distribution';
import { scrollToWhenShown } from '../../app/lazy-page';
import { useNavigation } from '../../app/navigation-store';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { useCan } from '../people/session-store';
import { useWhen } from './labels';

/** Top of Kotak Keluar: is email set up, what is waiting, what went wrong, and "Kirim sekarang". */
export function OutboxStatusPanel({ version }: { version: number }) {
  const { t } = useT();
  const when = useWhen();
  const canSend = useCan('distribution.send');
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [started, setStarted] = useState(false);

  useEffect(() => {
    void call('distribution.outbox.status', {}).then((r) => (r.ok ? setStatus(r.value) : setError(r.error)));
  }, [version]);

  async function sendNow() {
    setError(null);
    const r = await call('distribution.outbox.sendNow', {});
    if (r.ok) {
      setStatus(r.value);
      setStarted(true);
    } else setError(r.error);
  }

  return (
    <section className="dist-box" aria-labelledby="outbox-status-title" data-testid="outbox-status">
      <h2 id="outbox-status-title">{t('distribution.outbox.status')}</h2>
      {status && !status.configured ? (
        <p className="dist-warn">
          {t('distribution.outbox.notConfigured')}{' '}
          {canSend ? (
            <button type="button" className="link-button" onClick={openEmailSettings}>
              {t('distribution.outbox.openSettings')}
            </button>
          ) : null}
        </p>
      ) : null}
      {status?.problem ? <p className="dist-warn" role="alert">{t('distribution.outbox.problem', { problem: status.problem })}</p> : null}
      {status ? (
        <>
          <p>
            {waiting(status)
              ? t('distribution.outbox.counts', { pending: status.pending, retrying: status.retrying, waiting: status.waitingEmbargo, uncertain: status.uncertain })
              : t('distribution.outbox.nothingWaiting')}
          </p>
          <p className="dist-faint">
            {status.nextAttemptAt ? t('distribution.outbox.next', { when: when(status.nextAttemptAt) }) : null}
            {status.nextAttemptAt && status.lastAttemptAt ? ' · ' : null}
            {status.lastAttemptAt ? t('distribution.outbox.last', { when: when(status.lastAttemptAt) }) : null}
          </p>
        </>
      ) : null}
      {canSend ? (
        <div className="form-actions">
          <button type="button" className="button button--primary button--small" onClick={() => void sendNow()} disabled={!status?.configured}>
            {t('distribution.outbox.sendNow')}
          </button>
          {started && status && waiting(status) ? <span role="status">{t('distribution.outbox.sendNow.done')}</span> : null}
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}

function waiting(s: OutboxStatus): number {
  return s.pending + s.retrying + s.waitingEmbargo + s.uncertain;
}

/** Settings › Email: open the page, then scroll to the section once it is drawn. */
function openEmailSettings() {
  useNavigation.getState().go('settings');
  // The settings page is its own chunk: it may still be loading.
  scrollToWhenShown('settings-email');
}
