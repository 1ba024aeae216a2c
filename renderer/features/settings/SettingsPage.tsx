import type { MouseEvent } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { useT } from '../../i18n/use-t';
import { OfficeProfileForm } from '../office/OfficeProfileForm';
import { AccountsSection } from '../people/AccountsSection';
import { AuditSection } from '../people/AuditSection';
import { GuestbookSection } from '../people/GuestbookSection';
import { MachineSection } from '../people/MachineSection';
import { PeopleSettingsLinks } from '../people/PeopleSettingsLinks';
import { useOfficeStore } from '../office/office-store';
import { useCan } from '../people/session-store';
import { AppInfoSection } from './AppInfoSection';
import { EncryptionSection } from './EncryptionSection';
import { LanguageSwitch } from './LanguageSwitch';
import { OpdSection } from './OpdSection';
import { AgendaSettingsSection } from '../agenda/AgendaSettingsSection';
import { SyncSection } from '../sync/SyncSection';
import { EmailSection } from './EmailSection';
import { DesktopSection } from './DesktopSection';

export function SettingsPage() {
  const { t } = useT();
  const profile = useOfficeStore((s) => s.profile);
  const canManageOffice = useCan('office.manage');
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeading>{t('settings.title')}</PageHeading>
      <nav className="settings-toc" aria-label={t('settings.title')}>
        <a href="#settings-office" onClick={jumpTo('settings-office')}>{t('office.title')}</a>
        <a href="#settings-language" onClick={jumpTo('settings-language')}>{t('settings.language')}</a>
        <a href="#settings-opd" onClick={jumpTo('settings-opd')}>{t('opd.title')}</a>
        <PeopleSettingsLinks />
        <a href="#settings-about" onClick={jumpTo('settings-about')}>{t('about.title')}</a>
      </nav>
      <section id="settings-office" className="settings-section" aria-labelledby="office-title">
        <h2 id="office-title">{t('office.title')}</h2>
        {canManageOffice ? <OfficeProfileForm initial={profile} submitLabel={t('office.save')} /> : <p>{t('settings.officeReadOnly')}</p>}
      </section>
      <section id="settings-language" className="settings-section">
        <LanguageSwitch />
      </section>
      <div id="settings-opd">
        <OpdSection />
      </div>
      <AgendaSettingsSection />
      <AccountsSection />
      <MachineSection />
      <SyncSection />
      <EmailSection />
      <DesktopSection />
      <EncryptionSection />
      <AuditSection />
      <GuestbookSection />
      <div id="settings-about">
        <AppInfoSection />
      </div>
    </section>
  );
}

/**
 * In-page links scroll without touching location.hash: in browser mode the fragment holds
 * the session token, which a reload needs.
 */
function jumpTo(id: string) {
  return (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
}
