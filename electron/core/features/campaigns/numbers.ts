/**
 * The campaigns' numbers for the reports (issue 15 item 6), over a date window: posts per
 * account, per campaign and per ISO week; for each campaign how many of its theme days had a
 * post of it; and the time from a release's publication to its first post.
 */
import { occurrencesIn } from '../../../../shared/campaigns/recurrence';
import type { CampaignNumbers } from '../../../../shared/campaigns/model';
import type { CoreContext } from '../../rpc/handler-types';
import { recurrenceOf, type CampaignRow } from './rows';

/** Monday of the ISO week of a "YYYY-MM-DD", as the week's key. */
function weekOf(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

export function campaignNumbers(ctx: CoreContext, from: string, to: string): CampaignNumbers {
  const db = ctx.db;
  // Posted posts count by the day they were planned for; plans not yet posted are not output.
  const where = "p.deleted_at IS NULL AND p.status = 'posted' AND p.date >= ? AND p.date <= ?";
  const perAccount = db.prepare(`SELECT p.platform AS platform, p.account AS account, count(*) AS posts FROM campaign_posts p WHERE ${where} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`).all(from, to) as CampaignNumbers['perAccount'];
  const perWeek = new Map<string, number>();
  for (const r of db.prepare(`SELECT p.date AS date, count(*) AS n FROM campaign_posts p WHERE ${where} GROUP BY 1`).all(from, to) as { date: string; n: number }[])
    perWeek.set(weekOf(r.date), (perWeek.get(weekOf(r.date)) ?? 0) + r.n);
  const postedDays = new Map<string, Set<string>>();
  const postsOf = new Map<string, number>();
  for (const r of db.prepare(`SELECT p.campaign_id AS id, p.date AS date FROM campaign_posts p WHERE ${where} AND p.campaign_id IS NOT NULL`).all(from, to) as { id: string; date: string }[]) {
    postsOf.set(r.id, (postsOf.get(r.id) ?? 0) + 1);
    const days = postedDays.get(r.id) ?? new Set<string>();
    days.add(r.date);
    postedDays.set(r.id, days);
  }
  const campaigns = (db.prepare('SELECT c.*, NULL AS opd_name FROM campaigns c WHERE c.deleted_at IS NULL ORDER BY c.name COLLATE NOCASE').all() as CampaignRow[]).map((c) => {
    const themeDays = occurrencesIn(recurrenceOf(c), from, to);
    const posted = postedDays.get(c.id) ?? new Set<string>();
    return { id: c.id, name: c.name ?? '', posts: postsOf.get(c.id) ?? 0, themeDays: themeDays.length, themeDaysWithPost: themeDays.filter((d) => posted.has(d)).length };
  });
  // Minutes from publication to the first post, per release published in the window.
  const lags = db
    .prepare(
      `SELECT r.id AS id, r.title AS title, r.published_at AS published, min(p.posted_at) AS first
       FROM releases r JOIN campaign_posts p ON p.release_id = r.id AND p.deleted_at IS NULL AND p.status = 'posted' AND p.posted_at IS NOT NULL
       WHERE r.deleted_at IS NULL AND r.published_at IS NOT NULL AND substr(r.published_at, 1, 10) >= ? AND substr(r.published_at, 1, 10) <= ?
       GROUP BY r.id ORDER BY r.published_at`,
    )
    .all(from, to) as { id: string; title: string | null; published: string; first: string }[];
  const releaseToFirstPost = lags.map((l) => ({ releaseId: l.id, title: l.title ?? '', minutes: Math.max(0, Math.round((Date.parse(l.first) - Date.parse(l.published)) / 60_000)) }));
  return { from, to, perAccount, perWeek: [...perWeek.entries()].sort().map(([week, posts]) => ({ week, posts })), campaigns, releaseToFirstPost };
}
