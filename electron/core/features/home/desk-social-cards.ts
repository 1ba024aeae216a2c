/**
 * Beranda's cards for the public desk (issue 14) and the social-media campaigns (issue 15).
 * Read only; each feature owns its tables (electron/core/features/publicdesk, .../campaigns).
 */
import { DESK_ITEMS_MAX, type DeskItem } from '../../../../shared/home/desk';
import { itemNumber, type DeskKind } from '../../../../shared/publicdesk/model';
import { PLATFORM_LABELS, type Platform } from '../../../../shared/campaigns/model';
import { startOfDateKey } from '../../../../shared/agenda/zones';
import { addDays, type CardAnswer, type DeskScope } from './card-query';

/**
 * Complaints and information requests due today or late: open (not closed nor merged), not yet
 * answered by the desk (no reply, no decision: what `publicdesk.numbers` counts as finished), with
 * a deadline today or earlier. Deadlines are office days; the clock runs to that day's end.
 */
const DUE = `deleted_at IS NULL AND status IN ('received', 'verified', 'disposed', 'answered') AND replied_at IS NULL AND decided_at IS NULL AND due_date <= ?`;

export function complaintsDue(s: DeskScope): CardAnswer {
  const { db } = s.ctx;
  const total = db.prepare(`SELECT count(*) FROM publicdesk_items WHERE ${DUE}`).pluck().get(s.today) as number;
  const rows = db
    .prepare(`SELECT id, kind, year, seq, body, category, due_date FROM publicdesk_items WHERE ${DUE} ORDER BY due_date, received_at, id LIMIT ?`)
    .all(s.today, DESK_ITEMS_MAX) as { id: string; kind: DeskKind; year: number | null; seq: number | null; body: string | null; category: string | null; due_date: string }[];
  const items = rows.map((r): DeskItem => {
    // The deadline day's end in the office's zone: late once it has passed.
    const dueEnd = startOfDateKey(r.due_date, s.zone) + 86_400_000;
    const title = (r.body ?? '').replace(/\s+/g, ' ').trim();
    return {
      key: r.id,
      title: title.length > 80 ? `${title.slice(0, 79)}…` : title,
      detail: [itemNumber(r.kind, r.year, r.seq), r.category].filter(Boolean).join(' · '),
      atMs: dueEnd,
      minutes: null,
      figure: r.due_date,
      flags: [r.due_date < s.today ? 'late' : 'soon'],
      target: { section: 'publicdesk' },
    };
  });
  return { items, total };
}

/**
 * Social posts planned for today, or left over from the last LEFT_OVER_DAYS days, and not yet
 * posted: the day's posting list. Older plans are the calendar's business (Kampanye), and the
 * bound keeps the query on a short range of the date index however long the history.
 */
const LEFT_OVER_DAYS = 14;
const PLANNED = `deleted_at IS NULL AND status <> 'posted' AND status <> 'idea' AND date BETWEEN ? AND ?`;

export function postsToday(s: DeskScope): CardAnswer {
  const { db } = s.ctx;
  const from = addDays(s.today, -LEFT_OVER_DAYS);
  const total = db.prepare(`SELECT count(*) FROM campaign_posts WHERE ${PLANNED}`).pluck().get(from, s.today) as number;
  const rows = db
    .prepare(`SELECT id, title, platform, account, date, time, status FROM campaign_posts WHERE ${PLANNED} ORDER BY date, coalesce(time, '99:99'), id LIMIT ?`)
    .all(from, s.today, DESK_ITEMS_MAX) as { id: string; title: string | null; platform: Platform; account: string | null; date: string; time: string | null; status: string }[];
  const items = rows.map(
    (r): DeskItem => ({
      key: r.id,
      title: r.title ?? '',
      detail: [`${PLATFORM_LABELS[r.platform] ?? r.platform} ${r.account ?? ''}`.trim(), r.time].filter(Boolean).join(' · '),
      // The start of the planned day in the office's zone (a late post shows the day it was due).
      atMs: startOfDateKey(r.date, s.zone),
      minutes: null,
      // The post's step (draft, review, approved), worded by the renderer.
      figure: r.status,
      flags: [r.date < s.today ? 'late' : r.status === 'approved' ? 'ok' : 'soon'],
      target: { section: 'campaigns' },
    }),
  );
  return { items, total };
}
