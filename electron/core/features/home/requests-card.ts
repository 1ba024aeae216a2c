/**
 * The PR desk's card for the agencies' requests (issue 13): open requests due today and those
 * already late. A request's deadline is the answer-by time the desk set when it took the request
 * up, else the start of the activity it asks for: an unanswered request whose activity has begun
 * is late. Read only; the requests feature owns the table (electron/core/features/requests/).
 */
import { DESK_ITEMS_MAX, type DeskItem } from '../../../../shared/home/desk';
import { requestNumber } from '../../../../shared/requests/model';
import { minutesBetween, type CardAnswer, type DeskScope } from './card-query';

/** Open: the desk has not answered for good (shared/requests/model.ts OPEN_STATUSES). */
const DUE = `r.deleted_at IS NULL AND r.status IN ('submitted', 'needs_info') AND coalesce(r.due_ms, r.start_ms) < ?`;

export function requestsDue(s: DeskScope): CardAnswer {
  const { db } = s.ctx;
  // Everything due before today's end: today's and every earlier day's (late) open request.
  const total = db.prepare(`SELECT count(*) FROM requests r WHERE ${DUE}`).pluck().get(s.dayEnd) as number;
  const rows = db
    .prepare(
      `SELECT r.id, r.title, r.status, r.year, r.seq, coalesce(r.due_ms, r.start_ms) AS due, o.name AS opd_name
       FROM requests r LEFT JOIN opd o ON o.id = r.opd_id
       WHERE ${DUE} ORDER BY due, r.id LIMIT ?`,
    )
    .all(s.dayEnd, DESK_ITEMS_MAX) as { id: string; title: string | null; status: string; year: number | null; seq: number | null; due: number; opd_name: string | null }[];
  const items = rows.map(
    (r): DeskItem => ({
      key: r.id,
      title: r.title ?? '',
      detail: [requestNumber(r.year, r.seq), r.opd_name].filter(Boolean).join(' · '),
      atMs: r.due,
      // Minutes past the deadline (negative: still to go today).
      minutes: minutesBetween(r.due, s.now),
      figure: null,
      flags: [r.due < s.now ? 'late' : 'soon'],
      target: { section: 'requests' },
    }),
  );
  return { items, total };
}
