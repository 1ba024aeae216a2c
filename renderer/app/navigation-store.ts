import { create } from 'zustand';
import type { OpenedFile } from '../../shared/contract/methods/desktop';
import type { MessageKey } from '../i18n/messages-id';

export const SECTIONS = ['home', 'releases', 'agenda', 'campaigns', 'requests', 'publicdesk', 'network', 'media', 'outbox', 'reports', 'pressroom', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABEL: Record<Section, MessageKey> = {
  home: 'nav.home',
  releases: 'nav.releases',
  agenda: 'nav.agenda',
  campaigns: 'nav.campaigns',
  requests: 'nav.requests',
  network: 'nav.network',
  publicdesk: 'nav.publicdesk',
  media: 'nav.media',
  outbox: 'nav.outbox',
  reports: 'nav.reports',
  pressroom: 'nav.pressroom',
  settings: 'nav.settings',
};

/** Which section is open; renderer/app/route.ts mirrors it (and the open item) in the URL fragment. */
export const useNavigation = create<{
  section: Section;
  /** A thing to open once its section shows it (a clicked OS notification); the section clears it. */
  target: { section: Section; id: string } | null;
  /** A release command from the desktop app's menu or its shortcut (Rilis Baru, Cetak Rilis, Ekspor Rilis), run by the releases section. */
  command: 'newRelease' | 'print' | 'export' | null;
  /** The open release's side panel tab to show (the export command opens *Ekspor*); the panel clears it. */
  panel: 'export' | null;
  clearPanel(): void;
  /** An .ics opened with Warta from the file manager, for the agenda's import preview. */
  openedIcs: OpenedFile | null;
  openIcs(file: OpenedFile): void;
  clearOpenedIcs(): void;
  go(section: Section): void;
  openTarget(target: { section: Section; id: string }): void;
  clearTarget(): void;
  runCommand(command: 'newRelease' | 'print' | 'export' | 'settings'): void;
  clearCommand(): void;
}>()((set) => ({
  section: 'home',
  target: null,
  command: null,
  panel: null,
  clearPanel: () => set({ panel: null }),
  openedIcs: null,
  openIcs: (file) => set({ section: 'agenda', openedIcs: file }),
  clearOpenedIcs: () => set({ openedIcs: null }),
  go: (section) => set({ section }),
  openTarget: (target) => set({ section: target.section, target }),
  clearTarget: () => set({ target: null }),
  runCommand: (command) => (command === 'settings' ? set({ section: 'settings' }) : set({ section: 'releases', command })),
  clearCommand: () => set({ command: null }),
}));
