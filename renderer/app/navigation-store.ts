import { create } from 'zustand';
import type { MessageKey } from '../i18n/messages-id';

export const SECTIONS = ['home', 'releases', 'agenda', 'media', 'outbox', 'pressroom', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABEL: Record<Section, MessageKey> = {
  home: 'nav.home',
  releases: 'nav.releases',
  agenda: 'nav.agenda',
  media: 'nav.media',
  outbox: 'nav.outbox',
  pressroom: 'nav.pressroom',
  settings: 'nav.settings',
};

/** Which section is open; renderer/app/route.ts mirrors it (and the open item) in the URL fragment. */
export const useNavigation = create<{ section: Section; go(section: Section): void }>()((set) => ({
  section: 'home',
  go: (section) => set({ section }),
}));
