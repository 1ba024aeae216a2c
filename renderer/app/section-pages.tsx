import type { OfficeProfile } from '../../shared/office/profile';
import { lazyPage } from './lazy-page';
import type { Section } from './navigation-store';

/**
 * The pages behind the sidebar, each loaded on first use (renderer/app/lazy-page.tsx). Beranda is
 * the first screen after sign-in, but the window's first screen is the sign-in: its chunk (the
 * morning desk) starts loading as soon as the frame appears, before the other sections.
 */
const home = lazyPage<{ profile: OfficeProfile }>(() => import('../features/home/HomePage').then((m) => m.HomePage));
const pages = {
  releases: lazyPage(() => import('../features/releases/ReleasesPage').then((m) => m.ReleasesPage)),
  agenda: lazyPage(() => import('../features/agenda/AgendaPage').then((m) => m.AgendaPage)),
  campaigns: lazyPage(() => import('../features/campaigns/CampaignsPage').then((m) => m.CampaignsPage)),
  requests: lazyPage(() => import('../features/requests/RequestsPage').then((m) => m.RequestsPage)),
  network: lazyPage(() => import('../features/network/NetworkPage').then((m) => m.NetworkPage)),
  publicdesk: lazyPage(() => import('../features/publicdesk/PublicDeskPage').then((m) => m.PublicDeskPage)),
  media: lazyPage(() => import('../features/media/MediaPage').then((m) => m.MediaPage)),
  outbox: lazyPage(() => import('../features/distribution/OutboxPage').then((m) => m.OutboxPage)),
  reports: lazyPage(() => import('../features/reports/ReportsPage').then((m) => m.ReportsPage)),
  pressroom: lazyPage(() => import('../features/pressroom/PressRoomPage').then((m) => m.PressRoomPage)),
  settings: lazyPage(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage)),
} satisfies Record<Exclude<Section, 'home'>, unknown>;

export function SectionPage({ section, profile }: { section: Section; profile: OfficeProfile }) {
  if (section === 'home') return <home.Component profile={profile} />;
  const { Component } = pages[section];
  return <Component />;
}

/**
 * Loads the other sections' chunks one after another once the first screen's data is in
 * (`after`, at most 5 s) and the window is idle.
 */
export function preloadSections(after: Promise<unknown>): () => void {
  let cancelled = false;
  let handle: number | undefined;
  const run = async () => {
    for (const page of [home, ...Object.values(pages)]) {
      if (cancelled) return;
      await page.preload();
    }
  };
  const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
  const waited = new Promise<void>((resolve) => window.setTimeout(resolve, 5000));
  void Promise.race([after.catch(() => undefined), waited]).then(() => {
    if (!cancelled) handle = idle(() => void run());
  });
  return () => {
    cancelled = true;
    if (handle !== undefined) (window.cancelIdleCallback ?? window.clearTimeout)(handle);
  };
}
