/**
 * The desk's inbox list (issue 14): a page of items by status, kind, deadline and text, with the
 * tabs' counts. Text goes through the local full-text index (migration 0017): words as prefixes
 * over the text, ticket, category, place and reporter's name, case and diacritics folded.
 */
import type { MethodParsedInput } from '../../../../shared/contract/methods';
import { DESK_STATUSES, type DeskBoard, type DeskStatus } from '../../../../shared/publicdesk/model';
import { matchExpression } from '../../db/search-match';
import { keptUntilWrite } from '../../db/until-write';
import type { CoreContext } from '../../rpc/handler-types';
import { deskCalendar } from './calendar';
import { summaryOf, type ItemRow } from './rows';

export const OPEN_SQL = "('received', 'verified', 'disposed')";

/**
 * Above this many matches the newest page is found by walking the inbox's received-date index
 * and stopping after a page; below it, fetching the matches and sorting them is cheaper (a rare
 * word or a ticket number would otherwise walk the whole index).
 */
const WALK_ABOVE = 2000;

const MATCHES = 'SELECT count(*) FROM publicdesk_fts WHERE publicdesk_fts MATCH ?';
const MATCHED = 'rowid IN (SELECT rowid FROM publicdesk_fts WHERE publicdesk_fts MATCH ?)';

export function listItems(ctx: CoreContext, input: MethodParsedInput<'publicdesk.list'>): DeskBoard {
  const cal = deskCalendar(ctx);
  const db = ctx.db;
  const where = ['deleted_at IS NULL'];
  const args: unknown[] = [];
  if (input.status) {
    where.push('status = ?');
    args.push(input.status);
  } else where.push("status <> 'merged'");
  if (input.kind) {
    where.push('kind = ?');
    args.push(input.kind);
  }
  const search = input.query.trim() ? matchExpression(input.query) : undefined;
  // Matches in the index, all live rows: deleted ones are not indexed.
  let matches = 0;
  if (search === null) where.push('0');
  else if (search) {
    where.push(MATCHED);
    args.push(search);
    matches = db.prepare(MATCHES).pluck().get(search) as number;
  }
  if (input.due === 'today') where.push(`status IN ${OPEN_SQL} AND due_date = '${cal.today}'`);
  if (input.due === 'late') where.push(`status IN ${OPEN_SQL} AND due_date < '${cal.today}'`);
  const order = input.due === 'all' ? 'received_at DESC, id DESC' : 'due_date, received_at';
  const walk = search && input.due === 'all' && matches > WALK_ABOVE ? ' INDEXED BY publicdesk_items_inbox' : '';
  const rows = db.prepare(`SELECT * FROM publicdesk_items${walk} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`).all(...args, input.limit) as ItemRow[];
  return { items: rows.map((r) => summaryOf(r, cal)), total: totalOf(ctx, input, rows.length, where, args, search ? matches : null), ...tabCounts(ctx, cal.today) };
}

/** A page shorter than the limit is the whole match; text alone is counted in the index (merged items taken off), not by reading every matching row. */
function totalOf(ctx: CoreContext, input: MethodParsedInput<'publicdesk.list'>, page: number, where: string[], args: unknown[], matches: number | null): number {
  if (page < input.limit) return page;
  if (matches !== null && !input.status && !input.kind && input.due === 'all') {
    const merged = ctx.db.prepare("SELECT count(*) FROM publicdesk_items WHERE deleted_at IS NULL AND status = 'merged'").pluck().get() as number;
    if (merged === 0) return matches;
    return matches - (ctx.db.prepare(`SELECT count(*) FROM publicdesk_items WHERE deleted_at IS NULL AND status = 'merged' AND ${MATCHED}`).pluck().get(args[args.length - 1]) as number);
  }
  return ctx.db.prepare(`SELECT count(*) FROM publicdesk_items WHERE ${where.join(' AND ')}`).pluck().get(...args) as number;
}

/** The tabs' counts and the day's deadlines: they do not change while a person types a search. */
function tabCounts(ctx: CoreContext, today: string): Pick<DeskBoard, 'counts' | 'dueToday' | 'late'> {
  return keptUntilWrite(ctx.db, `publicdesk.list:${today}`, () => {
    const counts = Object.fromEntries(DESK_STATUSES.map((s) => [s, 0])) as Record<DeskStatus, number>;
    for (const c of ctx.db.prepare('SELECT status, count(*) AS n FROM publicdesk_items WHERE deleted_at IS NULL GROUP BY status').all() as { status: DeskStatus; n: number }[])
      if (c.status in counts) counts[c.status] = c.n;
    const due = ctx.db.prepare(`SELECT sum(due_date = ?) AS today, sum(due_date < ?) AS late FROM publicdesk_items WHERE deleted_at IS NULL AND status IN ${OPEN_SQL}`).get(today, today) as {
      today: number | null;
      late: number | null;
    };
    return { counts, dueToday: due.today ?? 0, late: due.late ?? 0 };
  });
}
