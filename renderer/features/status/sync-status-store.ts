import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/contract/methods';
import { call } from '../../api/client';

interface SyncStatusStore {
  status: SyncStatus | null;
  load(): Promise<void>;
  set(status: SyncStatus): void;
}

export const useSyncStatus = create<SyncStatusStore>()((set) => ({
  status: null,
  async load() {
    const result = await call('sync.status', {});
    // On failure keep the last known status rather than inventing one.
    if (result.ok) set({ status: result.value });
  },
  set: (status) => set({ status }),
}));
