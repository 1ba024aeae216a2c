/**
 * `publicdesk.numbers`: the desk's numbers for a year by month, OPD, category and channel
 * (definitions in shared/publicdesk/numbers.ts), in the office's zone and working days. Duplicates
 * merged into another item are not counted again. A working-day index over the span makes each
 * count a subtraction, so a year of 100,000 items is counted without walking their days.
 */
import { MONTHS } from '../../../../shared/format/calendar-words';
import { addDaysToKey, dateKey, offsetMinutes } from '../../../../shared/agenda/zones';
import { isWorkingDay } from '../../../../shared/agenda/working-days';
import { median, percentile, type DeskNumbers, type NumbersRow } from '../../../../shared/publicdesk/numbers';
import { CHANNEL_WORDS } from '../../../../shared/publicdesk/paper-words';
import type { DeskChannel } from '../../../../shared/publicdesk/model';
import type { CoreContext } from '../../rpc/handler-types';
import { officeZone } from '../agenda/settings';
import { deskCalendar } from './calendar';

interface Tally {
  label: string;
  received: number;
  late: number;
  days: number[];
}

/** Working days after `from` up to and including `to`, by subtracting running counts. */
function workingDayCounter(fromKey: string, toKey: string, offDays: ReadonlySet<string>): (from: string, to: string) => number {
  const running = new Map<string, number>();
  let n = 0;
  for (let d = fromKey; d <= toKey; d = addDaysToKey(d, 1)) {
    if (isWorkingDay(d, offDays)) n += 1;
    running.set(d, n);
  }
  return (from, to) => {
    if (to <= from) return 0;
    const a = running.get(from);
    const b = running.get(to);
    if (a !== undefined && b !== undefined) return b - a;
    // Outside the index (a date typed far off): walk the days.
    let k = 0;
    for (let d = addDaysToKey(from, 1); d <= to; d = addDaysToKey(d, 1)) if (isWorkingDay(d, offDays)) k += 1;
    return k;
  };
}

function rowOf(key: string, t: Tally): NumbersRow {
  const sorted = [...t.days].sort((a, b) => a - b);
  return { key, label: t.label, received: t.received, closed: sorted.length, medianDays: median(sorted), p90Days: percentile(sorted, 0.9), late: t.late };
}

class Tallies {
  readonly map = new Map<string, Tally>();
  add(key: string, label: string, late: boolean, days: number | null): void {
    let t = this.map.get(key);
    if (!t) this.map.set(key, (t = { label, received: 0, late: 0, days: [] }));
    t.received += 1;
    if (late) t.late += 1;
    if (days !== null) t.days.push(days);
  }
  /** Most received first, then by label. */
  rows(): NumbersRow[] {
    return [...this.map].map(([k, t]) => rowOf(k, t)).sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'id'));
  }
}

interface ItemGroup {
  channel: string | null;
  category: string | null;
  received_date: string;
  due_date: string | null;
  status: string | null;
  /** The office's day the item was first finished (replied, decided or closed); null while not. */
  finished: string | null;
  /** The office's day it was closed, for a closed item. */
  closed: string | null;
  n: number;
}

interface PartFacts {
  opd_id: string | null;
  opd_name: string | null;
  status: string | null;
  disposed_at: string | null;
  answered_at: string | null;
  due_date: string | null;
}

export function deskNumbers(ctx: CoreContext, year: number): DeskNumbers {
  const zone = officeZone(ctx);
  const cal = deskCalendar(ctx);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const inYear = (k: string | null): k is string => !!k && k >= first && k <= last;
  const end = [cal.today, `${year + 1}-12-31`].sort()[1]!;
  const span = workingDayCounter(`${year - 1}-12-01`, end, cal.offDays);
  const dayOf = (at: string) => dateKey(Date.parse(at), zone);
  // Dispositions: the instants a day either side of the year, then the office's day.
  const lo = new Date(Date.UTC(year, 0, 1) - 86_400_000).toISOString();
  const hi = new Date(Date.UTC(year + 1, 0, 1) + 86_400_000).toISOString();

  const total = new Tallies();
  const months = new Tallies();
  const byCategory = new Tallies();
  const byChannel = new Tallies();
  // Grouped in SQLite by what the counts need, the office's days computed there: the zones are
  // fixed offsets (WIB, WITA, WIT), so `date(instant, '+420 minutes')` is the office's day.
  // Scanning 100,000 rows into one object each took seconds; the groups are far fewer.
  const shift = `${offsetMinutes(zone, ctx.now())} minutes`;
  const groups = ctx.db
    .prepare(
      `SELECT channel, category, received_date, due_date, status,
        CASE WHEN coalesce(replied_at, decided_at, closed_at) IS NOT NULL
          THEN date(min(coalesce(replied_at, '9999-12-31'), coalesce(decided_at, '9999-12-31'), coalesce(closed_at, '9999-12-31')), ?) END AS finished,
        CASE WHEN status = 'closed' THEN date(closed_at, ?) END AS closed, count(*) AS n
      FROM publicdesk_items WHERE deleted_at IS NULL AND received_date BETWEEN ? AND ? AND status <> 'merged'
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    )
    .all(shift, shift, first, last) as ItemGroup[];
  for (const g of groups) {
    const late = !!g.due_date && (g.finished ?? cal.today) > g.due_date;
    const days = g.closed ? span(g.received_date, g.closed) : null;
    const month = g.received_date.slice(5, 7);
    const category = g.category?.trim() || '';
    const channel = g.channel ?? 'walk_in';
    for (let i = 0; i < g.n; i++) {
      total.add('all', 'Jumlah', late, days);
      months.add(month, MONTHS.id[Number(month) - 1]!, late, days);
      byCategory.add(category, category || 'Tanpa kategori', late, days);
      byChannel.add(channel, CHANNEL_WORDS[channel as DeskChannel] ?? channel, late, days);
    }
  }

  const byOpd = new Tallies();
  const parts = ctx.db
    .prepare(
      "SELECT p.opd_id, o.name AS opd_name, p.status, p.disposed_at, p.answered_at, p.due_date FROM publicdesk_parts p LEFT JOIN opd o ON o.id = p.opd_id WHERE p.deleted_at IS NULL AND p.status <> 'cancelled' AND p.disposed_at >= ? AND p.disposed_at < ?",
    )
    .all(lo, hi) as PartFacts[];
  for (const p of parts) {
    const disposed = p.disposed_at ? dayOf(p.disposed_at) : null;
    if (!inYear(disposed)) continue;
    const answered = p.status === 'answered' && p.answered_at ? dayOf(p.answered_at) : null;
    const late = !!p.due_date && (answered ?? cal.today) > p.due_date;
    byOpd.add(p.opd_id ?? '', p.opd_name ?? 'OPD yang sudah dihapus', late, answered ? span(disposed, answered) : null);
  }

  const monthRows = Array.from({ length: 12 }, (_, i) => {
    const key = String(i + 1).padStart(2, '0');
    const t = months.map.get(key) ?? { label: MONTHS.id[i]!, received: 0, late: 0, days: [] };
    return rowOf(key, t);
  });
  const years = [year, Number(cal.today.slice(0, 4))].filter((y, i, a) => a.indexOf(y) === i && y >= year);
  return {
    year,
    asOf: cal.today,
    total: rowOf('all', total.map.get('all') ?? { label: 'Jumlah', received: 0, late: 0, days: [] }),
    months: monthRows,
    byOpd: byOpd.rows(),
    byCategory: byCategory.rows(),
    byChannel: byChannel.rows(),
    holidaysMissing: years.filter((y) => !cal.knownYears.has(y)),
  };
}
