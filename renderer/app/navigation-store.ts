import { create } from 'zustand';
import type { MessageKey } from '../i18n/messages-id';

export const SECTIONS = ['home', 'releases', 'agenda', 'requests', 'media', 'outbox', 'pressroom', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABEL: Record<Section, MessageKey> = {
  home: 'nav.home',
  releases: 'nav.releases',
  agenda: 'nav.agenda',
  requests: 'nav.requests',
  media: 'nav.media',
  outbox: 'nav.outbox',
  pressroom: 'nav.pressroom',
  settings: 'nav.settings',
};

/**
 * Which section is open. Kept in memory, not in the URL: in browser mode the fragment holds
 * the session token, and a reload simply starts at Beranda.
 */
export const useNavigation = create<{ section: Section; go(section: Section): void }>()((set) => ({
  section: 'home',
  go: (section) => set({ section }),
}));
