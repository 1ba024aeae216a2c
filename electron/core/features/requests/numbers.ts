/**
 * The numbers that matter (issue 13, item 5): per OPD and month of arrival (office time zone),
 * requests received, accepted, declined, the median time from arrival to the desk's first answer
 * (accepted, declined, asked for more, or an invitation's decision), and how many became a
 * published release. The request board shows one month; the reports feature calls
 * `requests.numbers` (or `requestNumbers` here) for a range. A contributor's device counts only
 * its own OPD and holds no releases, so its release column is 0: the board shows it at the desk.
 */
import type { RequestNumbers, RequestNumbersRow } from '../../../../shared/requests/model';
import { dateKey, startOfDateKey } from '../../../../shared/agenda/zones';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { syncEngineOf } from '../../sync/engine';
import { officeZone } from '../agenda/settings';

const FIRST_ANSWER = "('accepted', 'declined', 'needs_info', 'decided')";

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return Math.round(s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2);
}

interface Tally {
  received: number;
  accepted: number;
  declined: number;
  waits: number[];
  releases: number;
}

const emptyTally = (): Tally => ({ received: 0, accepted: 0, declined: 0, waits: [], releases: 0 });
const rowOf = (opdId: string | null, opdName: string, month: string, t: Tally): RequestNumbersRow => ({
  opdId,
  opdName,
  month,
  received: t.received,
  accepted: t.accepted,
  declined: t.declined,
  answered: t.waits.length,
  medianAnswerMinutes: median(t.waits),
  releases: t.releases,
});

export function requestNumbers(ctx: CoreContext, input: { fromMonth: string; toMonth: string; opdId: string | null }): RequestNumbers {
  const zone = officeZone(ctx);
  const months = monthsBetween(input.fromMonth, input.toMonth);
  const last = months[months.length - 1] as string;
  const after = last.endsWith('-12') ? `${Number(last.slice(0, 4)) + 1}-01` : `${last.slice(0, 5)}${String(Number(last.slice(5)) + 1).padStart(2, '0')}`;
  const from = new Date(startOfDateKey(`${input.fromMonth}-01`, zone)).toISOString();
  const to = new Date(startOfDateKey(`${after}-01`, zone)).toISOString();
  const where = ['r.deleted_at IS NULL', 'r.submitted_at >= ?', 'r.submitted_at < ?'];
  const args: unknown[] = [from, to];
  // A contributor's device holds only its own OPD's requests; the count says so once more.
  const bound = syncEngineOf(ctx).boundOpd;
  if (bound) {
    where.push('r.opd_id = ?');
    args.push(bound);
  }
  if (input.opdId !== null) {
    where.push("coalesce(r.opd_id, '') = ?");
    args.push(input.opdId);
  }
  const rows = ctx.db
    .prepare(
      `SELECT coalesce(r.opd_id, '') AS opd, r.status AS status, r.submitted_at AS submitted,
        (SELECT min(h.at) FROM request_history h WHERE h.request_id = r.id AND h.action IN ${FIRST_ANSWER}) AS answered,
        EXISTS (SELECT 1 FROM releases x WHERE x.id = r.release_id AND x.status = 'published' AND x.deleted_at IS NULL) AS published
       FROM requests r WHERE ${where.join(' AND ')}`,
    )
    .raw()
    .all(...args) as [string, string | null, string, string | null, number][];
  const perOpd = new Map<string, Map<string, Tally>>();
  const totals = new Map<string, Tally>(months.map((m) => [m, emptyTally()]));
  for (const [opd, status, submitted, answered, published] of rows) {
    const t0 = Date.parse(submitted);
    const month = dateKey(t0, zone).slice(0, 7);
    let byMonth = perOpd.get(opd);
    if (!byMonth) perOpd.set(opd, (byMonth = new Map()));
    let t = byMonth.get(month);
    if (!t) byMonth.set(month, (t = emptyTally()));
    for (const x of [t, totals.get(month) ?? emptyTally()]) {
      x.received += 1;
      if (status === 'accepted') x.accepted += 1;
      if (status === 'declined') x.declined += 1;
      if (answered) x.waits.push(Math.max(0, (Date.parse(answered) - t0) / 60_000));
      if (published) x.releases += 1;
    }
  }
  const names = new Map((ctx.db.prepare('SELECT id, name FROM opd').raw().all() as [string, string | null][]).map(([id, name]) => [id, name ?? '']));
  const opds = [...perOpd.keys()].sort((a, b) => (names.get(a) ?? '\uffff').localeCompare(names.get(b) ?? '\uffff', 'id'));
  const out: RequestNumbersRow[] = [];
  for (const opd of opds) {
    const byMonth = perOpd.get(opd) as Map<string, Tally>;
    for (const m of months) {
      const t = byMonth.get(m);
      if (t) out.push(rowOf(opd, names.get(opd) ?? '', m, t));
    }
  }
  return { months, rows: out, totals: months.map((m) => rowOf(null, '', m, totals.get(m) as Tally)) };
}

export const numbersHandlers: HandlerGroup<'requests.numbers'> = {
  'requests.numbers': (input, ctx) => requestNumbers(ctx, input),
};
