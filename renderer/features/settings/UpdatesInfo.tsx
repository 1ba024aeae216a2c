import { useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../shared/contract/methods';
import { formatDateTime } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { call, onEvent } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useOfficeStore } from '../office/office-store';

/**
 * Settings › Tentang: where this machine stands with updates from the office server. The desktop
 * shell answers `updates.*` and pushes `updates.status`; browser mode says updates are for the
 * installed app.
 */
export function UpdatesInfo() {
  const { t, language } = useT();
  const zone = (useOfficeStore((s) => s.profile?.timeZone) ?? 'WIB') as ZoneLabel;
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('updates.status', {}).then((r) => live && r.ok && setStatus(r.value));
    const stop = onEvent('updates.status', (s) => setStatus(s));
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (!status) return null;
  const check = async () => {
    setBusy(true);
    const r = await call('updates.check', {});
    if (r.ok) setStatus(r.value);
    setBusy(false);
  };
  const canCheck = status.state !== 'unsupported' && status.state !== 'checking' && status.state !== 'downloading';
  const progress = status.progress ? t('about.updates.progress', { percent: status.progress.percent.toLocaleString(language === 'en' ? 'en-US' : 'id-ID') }) : '';
  return (
    <>
      <dt>{t('about.updates')}</dt>
      <dd className="update-status" data-testid="update-status" aria-live="polite">
        <span>
          {t(`about.updates.state.${status.state}` as const, { version: status.availableVersion ?? '' })}
          {progress ? ` ${progress}` : ''}
        </span>
        {status.message ? <span className="muted"> {status.message}</span> : null}
        {status.checkedAt ? <span className="muted"> {t('about.updates.checkedAt', { when: formatDateTime(Date.parse(status.checkedAt), zone, language) })}</span> : null}
        <span className="button-row">
          {canCheck ? (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void check()}>
              {t('about.updates.check')}
            </button>
          ) : null}
          {status.state === 'downloaded' ? (
            <button type="button" className="button button--primary" onClick={() => void call('updates.install', {})}>
              {t('about.updates.installNow')}
            </button>
          ) : null}
        </span>
      </dd>
    </>
  );
}
