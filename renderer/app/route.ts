import type { StoreApi, UseBoundStore } from 'zustand';
import { useAgendaStore } from '../features/agenda/agenda-store';
import { clearFormDraft } from '../features/agenda/form-draft';
import { useOutboxStore } from '../features/distribution/outbox-store';
import { useMediaStore } from '../features/media/media-store';
import { useSession } from '../features/people/session-store';
import { useReleasesStore } from '../features/releases/releases-store';
import { SECTIONS, useNavigation, type Section } from './navigation-store';

/**
 * Where the window is (section, and the release or distribution open in it) lives in the URL
 * fragment, next to the session token of browser mode, so a reload comes back to the same place.
 * The fragment is rewritten with `history.replaceState`: no navigation, no request, and the token
 * (read once at start) stays where it was.
 */
export interface Route {
  section: Section;
  item: string | null;
}

/** The sections whose page shows either a list or one item of it. */
const ITEM_STORES = {
  releases: useReleasesStore,
  outbox: useOutboxStore,
} as const satisfies Partial<Record<Section, UseBoundStore<StoreApi<{ openId: string | null }>>>>;

type ItemSection = keyof typeof ITEM_STORES;
const hasItems = (section: Section): section is ItemSection => section in ITEM_STORES;
/** Ids are UUIDs; anything else in a hand-edited URL is ignored. */
const ID = /^[0-9a-f-]{36}$/i;

export function parseRoute(hash: string): Route | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const section = params.get('section');
  if (!section || !(SECTIONS as readonly string[]).includes(section)) return null;
  const item = params.get('item');
  return { section: section as Section, item: item && ID.test(item) && hasItems(section as Section) ? item : null };
}

/** The fragment with the route written in, every other parameter (the token) kept. */
export function withRoute(hash: string, route: Route): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.set('section', route.section);
  if (route.item) params.set('item', route.item);
  else params.delete('item');
  return `#${params.toString()}`;
}

function currentRoute(): Route {
  const section = useNavigation.getState().section;
  return { section, item: hasItems(section) ? ITEM_STORES[section].getState().openId : null };
}

/** The sidebar's way in: a section at its list, even when the section is already open at an item. */
export function openSection(section: Section): void {
  useNavigation.getState().go(section);
  if (hasItems(section) && ITEM_STORES[section].getState().openId !== null) ITEM_STORES[section].getState().open(null);
}

/**
 * What one person's work leaves behind in the window (open items, searches, filters, an undo of
 * their last move): cleared when another person, or nobody, takes the machine.
 */
function clearPersonalState(): void {
  useNavigation.getState().go('home');
  const releases = useReleasesStore.getInitialState();
  useReleasesStore.setState({ openId: null, filters: releases.filters, items: [], total: 0, capped: false, status: 'loading', error: null });
  useOutboxStore.setState({ openId: null });
  const media = useMediaStore.getInitialState();
  useMediaStore.setState({ tab: media.tab, filter: media.filter, query: media.query, hits: [], selection: null, lastDeleted: null });
  useAgendaStore.setState({ leaderFilter: [], kindFilter: [], undo: null });
  clearFormDraft();
}

/** Restores the route of the URL, then keeps the URL following the window. Returns the unsubscribe. */
export function startRoute(): () => void {
  const start = parseRoute(window.location.hash);
  if (start) {
    useNavigation.getState().go(start.section);
    if (start.item && hasItems(start.section)) ITEM_STORES[start.section].setState({ openId: start.item });
  }
  const write = () => {
    const next = withRoute(window.location.hash, currentRoute());
    if (next !== window.location.hash) window.history.replaceState(window.history.state, '', next);
  };
  write();
  const offs = [useNavigation.subscribe(write), ...Object.values(ITEM_STORES).map((store) => store.subscribe(write))];
  offs.push(
    useSession.subscribe((now, before) => {
      // Only a change of person once a session was known: the first answer after a reload keeps the route.
      if (before.status !== 'ready') return;
      if ((now.info?.user?.id ?? null) !== (before.info?.user?.id ?? null)) clearPersonalState();
    }),
  );
  return () => offs.forEach((off) => off());
}
