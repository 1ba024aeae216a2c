import { useEffect } from 'react';
import { onEvent } from '../api/client';
import { useConnection } from '../api/connection-store';
import { useDeskStore } from '../features/home/desk-store';
import { useOfficeStore } from '../features/office/office-store';
import { useAppInfo } from '../features/settings/app-info-store';
import { useOpdStore } from '../features/settings/opd-store';
import { useSyncStatus } from '../features/status/sync-status-store';
import { useLanguageStore } from '../i18n/language-store';
import { useNavigation } from './navigation-store';

/**
 * Keeps the stores in step with the core: reload what a `data.changed` event names, take
 * pushed sync status, and after a lost connection reload everything (events were missed).
 */
export function useLiveData(): void {
  const reconnects = useConnection((s) => s.reconnects);

  useEffect(() => {
    const offChanged = onEvent('data.changed', ({ tables }) => {
      if (tables.includes('office_profile')) void useOfficeStore.getState().load();
      if (tables.includes('opd')) void useOpdStore.getState().load();
      // Every local write adds to the change log, so the count of unsynced changes moves too.
      void useSyncStatus.getState().load();
      // Beranda's cards read many tables: while Beranda is open, any change (local or pulled)
      // reloads them; elsewhere (an editor autosaving) they wait, and reload when Beranda opens.
      if (useNavigation.getState().section === 'home' && useDeskStore.getState().desk) void useDeskStore.getState().load();
    });
    const offSync = onEvent('sync.status', (status) => useSyncStatus.getState().set(status));
    return () => {
      offChanged();
      offSync();
    };
  }, []);

  useEffect(() => {
    if (reconnects === 0) return;
    void useLanguageStore.getState().load();
    void useOfficeStore.getState().load();
    void useSyncStatus.getState().load();
    void useAppInfo.getState().load();
    if (useNavigation.getState().section === 'home' && useDeskStore.getState().desk) void useDeskStore.getState().load();
    if (useOpdStore.getState().status !== 'loading') void useOpdStore.getState().load();
  }, [reconnects]);
}
