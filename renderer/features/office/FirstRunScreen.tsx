import { useT } from '../../i18n/use-t';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { OfficeProfileForm } from './OfficeProfileForm';

/** Shown while no office profile exists: nothing else in Warta makes sense without one. */
export function FirstRunScreen() {
  const { t } = useT();
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
        <p className="first-run__intro">{t('firstRun.intro')}</p>
        <h2 className="first-run__form-title">{t('office.title')}</h2>
        {/* Saving updates the office store, and the app frame replaces this screen. */}
        <OfficeProfileForm initial={null} submitLabel={t('firstRun.save')} />
      </div>
    </main>
  );
}
