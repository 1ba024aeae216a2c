/**
 * Beranda as the morning desk: a registry of cards, each one question a role asks when the day
 * starts ("what is late, what is due today"), answered by one core query over what the caller may
 * read. The registry is data so the core, the renderer and the tests agree on ids, order,
 * permissions and where each card's items lead.
 */
import type { Permission, Role } from '../contract/permissions';
import type { ZoneLabel } from '../office/time-zones';

export const DESK_CARD_IDS = [
  'release_clock',
  'awaiting_review',
  'my_drafts',
  'embargoes_today',
  'outbox_problems',
  'agenda_days',
  'contracts_behind',
  'contracts_ending',
  'ukw_expiring',
  'workspace_health',
  'requests_due',
  'complaints_due',
  'posts_today',
] as const;
export type DeskCardId = (typeof DESK_CARD_IDS)[number];

/** Where a card's items take the person: the section, and the item to open there. */
export type DeskSection = 'releases' | 'agenda' | 'media' | 'outbox' | 'settings' | 'requests' | 'publicdesk' | 'campaigns';

export interface DeskCardSpec {
  id: DeskCardId;
  /** The core answers the card only to callers holding this permission. */
  permission: Permission;
  /** The roles whose desk carries the card (an administrator's carries every card). */
  roles: readonly Role[];
  section: DeskSection;
}

const NEWSROOM: Role[] = ['editor', 'writer'];

export const DESK_REGISTRY: readonly DeskCardSpec[] = [
  { id: 'release_clock', permission: 'releases.read', roles: NEWSROOM, section: 'releases' },
  { id: 'awaiting_review', permission: 'releases.review', roles: ['editor'], section: 'releases' },
  { id: 'my_drafts', permission: 'releases.write', roles: NEWSROOM, section: 'releases' },
  { id: 'embargoes_today', permission: 'releases.read', roles: NEWSROOM, section: 'releases' },
  { id: 'outbox_problems', permission: 'distribution.send', roles: ['editor', 'media_cooperation'], section: 'outbox' },
  { id: 'agenda_days', permission: 'agenda.read', roles: ['protocol', 'editor'], section: 'agenda' },
  { id: 'contracts_behind', permission: 'media.read', roles: ['media_cooperation'], section: 'media' },
  { id: 'contracts_ending', permission: 'media.read', roles: ['media_cooperation'], section: 'media' },
  { id: 'ukw_expiring', permission: 'media.personal', roles: ['media_cooperation'], section: 'media' },
  { id: 'workspace_health', permission: 'sync.manage', roles: ['administrator'], section: 'settings' },
  // The agencies' requests are answered by the PR desk (issue 13: `requests.manage`).
  { id: 'requests_due', permission: 'requests.manage', roles: ['editor', 'protocol'], section: 'requests' },
  // The public desk is run by those holding `publicdesk.manage` (issue 14); never on an OPD's device.
  { id: 'complaints_due', permission: 'publicdesk.manage', roles: ['editor', 'media_cooperation'], section: 'publicdesk' },
  // The day's social posts are the newsroom's (issue 15: writing posts is `releases.write`).
  { id: 'posts_today', permission: 'releases.write', roles: NEWSROOM, section: 'campaigns' },
];

/** The cards a person with these roles gets, in registry order, each still subject to its permission. */
export function deskCardsFor(roles: readonly Role[], can: (p: Permission) => boolean): DeskCardSpec[] {
  const admin = roles.includes('administrator');
  return DESK_REGISTRY.filter((c) => can(c.permission) && (admin || c.roles.some((r) => roles.includes(r))));
}

/**
 * Marks an item carries; the renderer words them. `late`: past its deadline (the one-hour
 * promise, a quota's pace); `soon`: due within the card's horizon.
 */
export const DESK_FLAGS = [
  'late',
  'soon',
  'published',
  'conflict',
  'unconfirmed',
  'no_coverage',
  'represented',
  'refused',
  'uncertain',
  'ok',
  'problem',
] as const;
export type DeskFlag = (typeof DESK_FLAGS)[number];

export type DeskTarget =
  | { section: 'releases'; releaseId: string | null }
  | { section: 'agenda'; startMs: number | null }
  | { section: 'media' | 'outbox' | 'settings' | 'requests' | 'publicdesk' | 'campaigns' };

export interface DeskItem {
  key: string;
  title: string;
  /** One line under the title (leaders, outlet, reason), already in Indonesian where it is data. */
  detail: string;
  /** The instant the item's clock runs from or to (event end, embargo lift, review request). */
  atMs: number | null;
  /** Minutes of the clock: elapsed since `atMs` or left until it, as the card means it. */
  minutes: number | null;
  /** A count or share the card shows (quota delivered of expected, pending changes). */
  figure: string | null;
  flags: DeskFlag[];
  target: DeskTarget;
}

export interface DeskCard {
  id: DeskCardId;
  section: DeskSection;
  /** The first items (the most urgent first); `total` counts them all. */
  items: DeskItem[];
  total: number;
  /** Milliseconds the core spent on the card's query (benchmarks and the slow-query log read it). */
  tookMs: number;
}

export interface Desk {
  asOfMs: number;
  zone: ZoneLabel;
  /** The office's today as YYYY-MM-DD. */
  today: string;
  /** One-hour promise (minutes), from the release settings. */
  targetMinutes: number;
  cards: DeskCard[];
}

/** Items a card carries at most; the rest is counted in `total` and found behind the link. */
export const DESK_ITEMS_MAX = 8;
/** Horizons: contracts ending and UKW certificates expiring within these many days. */
export const CONTRACT_ENDING_DAYS = 30;
export const UKW_EXPIRING_DAYS = 60;
