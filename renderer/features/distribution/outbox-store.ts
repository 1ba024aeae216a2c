import { create } from 'zustand';
import { useNavigation } from '../../app/navigation-store';

/** Which distribution the Kotak Keluar page shows (null: the list), so other screens can link to one. */
export const useOutboxStore = create<{ openId: string | null; open(id: string | null): void }>()((set) => ({
  openId: null,
  open: (openId) => set({ openId }),
}));

/** Go to Kotak Keluar, at one distribution or at the list. */
export function goToOutbox(distributionId: string | null = null): void {
  useOutboxStore.getState().open(distributionId);
  useNavigation.getState().go('outbox');
}
