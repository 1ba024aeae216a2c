import { useEffect } from 'react';
import type { OfficeProfile } from '../../shared/office/profile';
import { asZone } from '../features/office/office-form-values';
import { cappedPermissions, sectionAllowed } from '../features/people/section-permissions';
import { useSession } from '../features/people/session-store';
import { useIdleLock } from '../features/people/use-idle-lock';
import { StatusBar } from '../features/status/StatusBar';
import { useSyncStatus } from '../features/status/sync-status-store';
import { useT } from '../i18n/use-t';
import { PageSlot } from './lazy-page';
import { useNavigation } from './navigation-store';
import { preloadSections, SectionPage } from './section-pages';
import { Sidebar } from './Sidebar';

export function AppFrame({ profile }: { profile: OfficeProfile }) {
  const { t } = useT();
  const chosen = useNavigation((s) => s.section);
  const permissions = cappedPermissions(
    useSession((s) => s.info?.permissions),
    useSyncStatus((s) => s.status?.role),
  );
  // A section the person may not use (after a switch of user or a change of roles) falls back to Beranda.
  const section = sectionAllowed(chosen, permissions) ? chosen : 'home';
  useIdleLock();
  const loadSync = useSyncStatus((s) => s.load);
  useEffect(() => {
    void loadSync();
  }, [loadSync]);
  useEffect(() => preloadSections(), []);

  return (
    <div className="frame">
      <a href="#main" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      <Sidebar officeName={profile.unit} />
      <main id="main" className="frame__main" tabIndex={-1}>
        <PageSlot section={section}>
          <SectionPage section={section} profile={profile} />
        </PageSlot>
      </main>
      <StatusBar zone={asZone(profile.timeZone)} />
    </div>
  );
}
