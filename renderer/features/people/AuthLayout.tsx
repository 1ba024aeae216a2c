import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import './people.css';

/**
 * The frame of the screens before the app: brand bar with the language switch, one calm column.
 * On a press-room machine the switch is left out: it changes (and writes) the machine's
 * preference, which a visitor at the kiosk must not do.
 */
export function AuthLayout({ titleId, children, languageSwitch = true }: { titleId: string; children: ReactNode; languageSwitch?: boolean }) {
  const { t } = useT();
  return (
    <main className="auth" aria-labelledby={titleId}>
      <header className="first-run__header">
        <div className="first-run__brand">
          <span className="sidebar__logo" aria-hidden="true">W</span>
          <span className="first-run__app">{t('app.name')}</span>
        </div>
        {languageSwitch ? <LanguageSwitch compact /> : null}
      </header>
      <div className="auth__body">{children}</div>
    </main>
  );
}
