/**
 * Themed campaigns and the content calendar (issue 15): a campaign gives days their theme; a
 * planned post belongs to an official account of the office on one platform, moves
 * idea → draft → review → approved → posted, and may come from a release or an agenda item.
 * Warta prepares and records; posting itself happens in the platforms' own apps.
 */
import type { CardSpec } from './cards';
import type { Recurrence } from './recurrence';

export const PLATFORMS = ['instagram', 'facebook', 'x', 'tiktok', 'youtube', 'website'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  website: 'Situs web',
};

export const POST_STATUSES = ['idea', 'draft', 'review', 'approved', 'posted'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const CAMPAIGN_LIMITS = { name: 120, theme: 300, hashtags: 10, hashtag: 60, owner: 120, caption: 5000, title: 200, account: 120, url: 500 } as const;

/** A hashtag as written in a caption: '#' then letters, digits or underscores. */
export const HASHTAG = /^#[\p{L}\p{N}_]{1,59}$/u;

export interface CampaignSummary {
  id: string;
  name: string;
  theme: string;
  recurrence: Recurrence;
  /** Said in words for lists ("Setiap Selasa"). */
  recurrenceText: string;
  hashtags: string[];
  owner: string;
  opdId: string | null;
  opdName: string | null;
  /** The next day it runs from today, or null when it has ended. */
  nextDate: string | null;
}

export interface PlannedPost {
  id: string;
  title: string;
  platform: Platform;
  account: string;
  /** The day it is planned for (office zone), "YYYY-MM-DD". */
  date: string;
  /** "HH:MM" in the office's zone, or null for "some time that day". */
  time: string | null;
  status: PostStatus;
  owner: string;
  campaignId: string | null;
  campaignName: string | null;
  releaseId: string | null;
  agendaEventId: string | null;
  caption: string;
  postedUrl: string | null;
  postedAt: string | null;
  /** Its infographic card, drawn from this spec on the device. */
  card: CardSpec | null;
}

export interface CalendarTheme {
  campaignId: string;
  name: string;
  theme: string;
  hashtags: string[];
  /** Posts of this campaign planned on this day. */
  planned: number;
}

export interface CalendarDay {
  date: string;
  themes: CalendarTheme[];
  posts: PlannedPost[];
}

export interface ContentCalendar {
  from: string;
  to: string;
  today: string;
  days: CalendarDay[];
}

/** The campaigns' numbers over a window (for the reports): only posts marked as posted count. */
export interface CampaignNumbers {
  from: string;
  to: string;
  perAccount: { platform: Platform; account: string; posts: number }[];
  /** By ISO week, named by its Monday. */
  perWeek: { week: string; posts: number }[];
  /** Per campaign: its posts, its theme days in the window, and how many of those had a post of it. */
  campaigns: { id: string; name: string; posts: number; themeDays: number; themeDaysWithPost: number }[];
  /** Per release published in the window and posted about: minutes from publication to its first post. */
  releaseToFirstPost: { releaseId: string; title: string; minutes: number }[];
}
