import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { useAppInfo } from './app-info-store';
import { UpdatesInfo } from './UpdatesInfo';

export function AppInfoSection() {
  const { t } = useT();
  const info = useAppInfo((s) => s.info);
  const error = useAppInfo((s) => s.error);
  const load = useAppInfo((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="settings-section" aria-labelledby="about-title">
      <h2 id="about-title">{t('about.title')}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      {info ? (
        <dl className="info-list" data-testid="app-info">
          <dt>{t('about.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('about.mode')}</dt>
          <dd>{t(`about.mode.${info.mode}` as const)}</dd>
          <dt>{t('about.dataDir')}</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
          <dt>{t('about.deviceId')}</dt>
          <dd>
            <code>{info.deviceId}</code>
          </dd>
          <dt>{t('about.schemaVersion')}</dt>
          <dd>{info.schemaVersion}</dd>
          <UpdatesInfo />
        </dl>
      ) : null}
    </section>
  );
}
