/**
 * Reading campaigns and planned posts, and the content calendar: each day of a window with the
 * themes of the campaigns that run on it and the posts planned for it. One query per table for
 * the whole window (a month of 5,000 posts stays one pass), themes computed per campaign.
 */
import { parseCard } from '../../../../shared/campaigns/cards';
import { WartaError } from '../../../../shared/contract/errors';
import type { CalendarDay, CampaignSummary, ContentCalendar, Platform, PlannedPost, PostStatus } from '../../../../shared/campaigns/model';
import { daysBetween, describeRecurrence, firstOccurrence, occurrencesIn, type Recurrence, type RecurrenceKind } from '../../../../shared/campaigns/recurrence';
import { addDaysToKey } from '../../../../shared/agenda/zones';
import type { CoreContext } from '../../rpc/handler-types';

/** A calendar asks for a month view with its spill-over weeks at most (and a little room). */
export const MAX_CALENDAR_DAYS = 62;

export interface CampaignRow {
  id: string;
  name: string | null;
  theme: string | null;
  recurrence: string | null;
  weekdays: string | null;
  nth: number | null;
  weekday: number | null;
  start_date: string | null;
  end_date: string | null;
  hashtags: string | null;
  owner: string | null;
  opd_id: string | null;
  opd_name: string | null;
}

export interface PostRow {
  id: string;
  title: string | null;
  platform: string | null;
  account: string | null;
  date: string | null;
  time: string | null;
  zone: string | null;
  status: string | null;
  owner: string | null;
  campaign_id: string | null;
  campaign_name: string | null;
  release_id: string | null;
  agenda_event_id: string | null;
  caption: string | null;
  posted_url: string | null;
  posted_at: string | null;
  card: string | null;
}

const CAMPAIGN_SELECT = 'SELECT c.*, o.name AS opd_name FROM campaigns c LEFT JOIN opd o ON o.id = c.opd_id';
const POST_COLUMNS = 'p.id, p.title, p.platform, p.account, p.date, p.time, p.zone, p.status, p.owner, p.campaign_id, p.release_id, p.agenda_event_id, p.caption, p.posted_url, p.posted_at, p.card';
export const POST_SELECT = `SELECT ${POST_COLUMNS}, c.name AS campaign_name FROM campaign_posts p LEFT JOIN campaigns c ON c.id = p.campaign_id`;

function list<T>(json: string | null): T[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export function recurrenceOf(r: CampaignRow): Recurrence {
  return {
    kind: (r.recurrence ?? 'weekly') as RecurrenceKind,
    weekdays: list<number>(r.weekdays),
    nth: r.nth,
    weekday: r.weekday,
    startDate: r.start_date,
    endDate: r.end_date,
  };
}

function summaryOf(r: CampaignRow, today: string): CampaignSummary {
  const recurrence = recurrenceOf(r);
  return {
    id: r.id,
    name: r.name ?? '',
    theme: r.theme ?? '',
    recurrence,
    recurrenceText: describeRecurrence(recurrence, 'id'),
    hashtags: list<string>(r.hashtags),
    owner: r.owner ?? '',
    opdId: r.opd_id,
    opdName: r.opd_name,
    nextDate: firstOccurrence(recurrence, today),
  };
}

export function postOf(r: PostRow): PlannedPost {
  return {
    id: r.id,
    title: r.title ?? '',
    platform: (r.platform ?? 'instagram') as Platform,
    account: r.account ?? '',
    date: r.date ?? '',
    time: r.time,
    status: (r.status ?? 'idea') as PostStatus,
    owner: r.owner ?? '',
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    releaseId: r.release_id,
    agendaEventId: r.agenda_event_id,
    caption: r.caption ?? '',
    postedUrl: r.posted_url,
    postedAt: r.posted_at,
    card: parseCard(r.card),
  };
}

export function listCampaigns(ctx: CoreContext, today: string): CampaignSummary[] {
  const rows = ctx.db.prepare(`${CAMPAIGN_SELECT} WHERE c.deleted_at IS NULL ORDER BY c.name COLLATE NOCASE, c.id`).all() as CampaignRow[];
  return rows.map((r) => summaryOf(r, today));
}

export function readCampaign(ctx: CoreContext, id: string, today: string): CampaignSummary {
  const row = ctx.db.prepare(`${CAMPAIGN_SELECT} WHERE c.id = ? AND c.deleted_at IS NULL`).get(id) as CampaignRow | undefined;
  if (!row) throw new WartaError('not_found', 'Kampanye tidak ditemukan; mungkin sudah dihapus. (The campaign was not found.)', { id });
  return summaryOf(row, today);
}

export function readPostRow(ctx: CoreContext, id: string): PostRow {
  const row = ctx.db.prepare(`${POST_SELECT} WHERE p.id = ? AND p.deleted_at IS NULL`).get(id) as PostRow | undefined;
  if (!row) throw new WartaError('not_found', 'Rencana unggahan tidak ditemukan; mungkin sudah dihapus. (The planned post was not found.)', { id });
  return row;
}

export function contentCalendar(ctx: CoreContext, from: string, to: string, today: string): ContentCalendar {
  if (daysBetween(from, to) >= MAX_CALENDAR_DAYS)
    throw new WartaError('invalid_input', `Kalender konten dibuka paling panjang ${MAX_CALENDAR_DAYS} hari sekaligus. (The content calendar opens at most ${MAX_CALENDAR_DAYS} days at once.)`, { field: 'to' });
  const days = new Map<string, CalendarDay>();
  for (let d = from; d <= to; d = addDaysToKey(d, 1)) days.set(d, { date: d, themes: [], posts: [] });
  // A month of thousands of posts: only the post's own columns (not its clocks), campaign names
  // looked up from one small list rather than joined per row; sorted by day here, in one pass.
  const names = new Map(ctx.db.prepare('SELECT id, name FROM campaigns').raw().all() as [string, string | null][]);
  const posts = ctx.db.prepare(`SELECT ${POST_COLUMNS}, NULL AS campaign_name FROM campaign_posts p WHERE p.deleted_at IS NULL AND p.date >= ? AND p.date <= ?`).all(from, to) as PostRow[];
  posts.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : (a.time ?? '').localeCompare(b.time ?? '') || (a.platform ?? '').localeCompare(b.platform ?? '') || (a.id < b.id ? -1 : 1)));
  for (const p of posts) if (p.campaign_id) p.campaign_name = names.get(p.campaign_id) ?? null;
  const planned = new Map<string, number>();
  for (const row of posts) {
    const day = days.get(row.date ?? '');
    if (!day) continue;
    day.posts.push(postOf(row));
    if (row.campaign_id) planned.set(`${row.date}|${row.campaign_id}`, (planned.get(`${row.date}|${row.campaign_id}`) ?? 0) + 1);
  }
  const campaigns = ctx.db
    .prepare(`${CAMPAIGN_SELECT} WHERE c.deleted_at IS NULL AND (c.start_date IS NULL OR c.start_date <= ?) AND (c.end_date IS NULL OR c.end_date >= ?) ORDER BY c.name COLLATE NOCASE`)
    .all(to, from) as CampaignRow[];
  for (const c of campaigns) {
    const hashtags = list<string>(c.hashtags);
    for (const date of occurrencesIn(recurrenceOf(c), from, to))
      days.get(date)?.themes.push({ campaignId: c.id, name: c.name ?? '', theme: c.theme ?? '', hashtags, planned: planned.get(`${date}|${c.id}`) ?? 0 });
  }
  return { from, to, today, days: [...days.values()] };
}
