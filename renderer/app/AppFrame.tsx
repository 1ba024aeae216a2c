import { useEffect, useRef } from 'react';
import { call, onEvent } from '../api/client';
import type { OfficeProfile } from '../../shared/office/profile';
import { useDeskStore } from '../features/home/desk-store';
import { asZone } from '../features/office/office-form-values';
import { cappedPermissions, sectionAllowed } from '../features/people/section-permissions';
import { useSession } from '../features/people/session-store';
import { useIdleLock } from '../features/people/use-idle-lock';
import { StatusBar } from '../features/status/StatusBar';
import { useSyncStatus } from '../features/status/sync-status-store';
import { useT } from '../i18n/use-t';
import { useBrowserCommandKeys } from './command-keys';
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
  // Beranda's desk is read as soon as Beranda opens, not after its chunk has arrived and
  // rendered: the core query and the chunk load run side by side (a waterfall cost ~300 ms).
  const deskFirst = useRef<Promise<void> | null>(null);
  useEffect(() => {
    if (section === 'home') deskFirst.current = useDeskStore.getState().load();
  }, [section]);
  const loadSync = useSyncStatus((s) => s.load);
  useEffect(() => {
    void loadSync();
  }, [loadSync]);
  // The other sections' chunks (ReleasesPage alone is ~690 kB to parse) wait until the first
  // screen has its data, so they do not hold the main thread while Beranda paints.
  useEffect(() => preloadSections(deskFirst.current ?? Promise.resolve()), []);
  // The desktop shell sends this when an OS notification is clicked (electron/shell/notifications.ts).
  useEffect(() => onEvent('desktop.open', (target) => useNavigation.getState().openTarget(target)), []);
  // The desktop app's menu: Rilis Baru, Cetak Rilis, Ekspor Rilis, Pengaturan (electron/shell/app-menu.ts);
  // in browser mode the same commands by their shortcuts.
  useEffect(() => onEvent('desktop.command', ({ command }) => useNavigation.getState().runCommand(command)), []);
  useBrowserCommandKeys();
  // .ics files opened with Warta (the file association): taken once someone who may import is here.
  const canImportAgenda = !!permissions?.includes('agenda.write');
  useEffect(() => {
    if (!canImportAgenda) return;
    const take = () =>
      void call('desktop.openedFiles', {}).then((r) => {
        const last = r.ok ? r.value.at(-1) : undefined;
        if (last) useNavigation.getState().openIcs(last);
      });
    take();
    return onEvent('desktop.openedFiles', take);
  }, [canImportAgenda]);

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
