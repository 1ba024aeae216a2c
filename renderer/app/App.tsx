import { useEffect } from 'react';
import { useConnection } from '../api/connection-store';
import { CenteredMessage } from '../components/CenteredMessage';
import { ErrorMessage } from '../components/ErrorMessage';
import { FirstRunScreen } from '../features/office/FirstRunScreen';
import { useOfficeStore } from '../features/office/office-store';
import { SessionGate } from '../features/people/SessionGate';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { useLiveData } from './use-live-data';

/** Decides what the window shows: a loading or failure message, first run, or (through the session gate) the app. */
export function App() {
  const { t, language } = useT();
  const connection = useConnection((s) => s.state);
  const languageLoaded = useLanguageStore((s) => s.loaded);
  const officeStatus = useOfficeStore((s) => s.status);
  const profile = useOfficeStore((s) => s.profile);
  const officeError = useOfficeStore((s) => s.error);
  const joining = useOfficeStore((s) => s.joining);
  useLiveData();

  useEffect(() => {
    void useLanguageStore.getState().load();
    void useOfficeStore.getState().load();
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  if (connection === 'no-token') {
    return (
      <CenteredMessage title={t('app.noToken.title')}>
        <p>{t('app.noToken.body')}</p>
      </CenteredMessage>
    );
  }
  if (!languageLoaded || officeStatus === 'loading') {
    return (
      <CenteredMessage title={t('app.loading')}>
        <p className="spinner" aria-hidden="true" />
      </CenteredMessage>
    );
  }
  if (officeStatus === 'failed') {
    return (
      <CenteredMessage title={t('app.loadFailed')}>
        {officeError ? <ErrorMessage error={officeError} /> : null}
        <button type="button" className="button button--primary" onClick={() => void useOfficeStore.getState().load()}>
          {t('app.retry')}
        </button>
      </CenteredMessage>
    );
  }
  return profile && !joining ? <SessionGate profile={profile} /> : <FirstRunScreen />;
}
