import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { useSyncStatus } from '../status/sync-status-store';
import { JoinOfficeForm } from '../sync/JoinOfficeForm';
import { OfficeProfileForm } from './OfficeProfileForm';
import { useOfficeStore } from './office-store';

/**
 * Shown while no office profile exists: nothing else in Warta makes sense without one. The
 * person founds a new office (the profile form) or joins an existing one (JoinOfficeForm). A
 * computer already enrolled whose office has no profile it may take (e.g. a writer's device,
 * whose own profile the office refused) waits for the office's instead of offering a form its
 * role may not save.
 */
export function FirstRunScreen() {
  const { t } = useT();
  const [mode, setMode] = useState<'new' | 'join'>('new');
  const status = useSyncStatus((s) => s.status);
  useEffect(() => {
    void useSyncStatus.getState().load();
  }, []);
  const joining = useOfficeStore((s) => s.joining);
  // A join in progress is enrolled already: its form stays until the office's data is here.
  const waiting = status?.configured === true && !joining;

  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <header className="first-run__header">
        <div className="first-run__brand">
          <span className="sidebar__logo" aria-hidden="true">W</span>
          <span className="first-run__app">{t('app.name')}</span>
        </div>
        <LanguageSwitch compact />
      </header>
      <div className="first-run__body">
        <h1 id="first-run-title">{t('firstRun.title')}</h1>
        {waiting ? (
          <section data-testid="first-run-waiting" aria-labelledby="first-run-waiting-title">
            <h2 id="first-run-waiting-title">{t('join.waiting.title')}</h2>
            <p>{t('join.waiting.body', { workspace: status.workspaceName ?? '', role: status.role ?? '' })}</p>
          </section>
        ) : (
          <>
            <fieldset className="first-run__choice">
              <legend>{t('join.choice')}</legend>
              <label>
                <input type="radio" name="first-run-mode" value="new" checked={mode === 'new'} onChange={() => setMode('new')} /> <strong>{t('join.new')}</strong>
                <span className="field__hint"> — {t('join.newHint')}</span>
              </label>
              <label>
                <input type="radio" name="first-run-mode" value="join" checked={mode === 'join'} onChange={() => setMode('join')} /> <strong>{t('join.existing')}</strong>
                <span className="field__hint"> — {t('join.existingHint')}</span>
              </label>
            </fieldset>
            {mode === 'new' ? (
              <>
                <p className="first-run__intro">{t('firstRun.intro')}</p>
                <h2 className="first-run__form-title">{t('office.title')}</h2>
                {/* Saving updates the office store, and the app frame replaces this screen. */}
                <OfficeProfileForm initial={null} submitLabel={t('firstRun.save')} />
              </>
            ) : (
              <>
                <h2 className="first-run__form-title">{t('join.existing')}</h2>
                <JoinOfficeForm />
              </>
            )}
          </>
        )}
      </div>
    </main>
  );
}
