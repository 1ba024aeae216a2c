/**
 * Deadline reminders of the public desk (issue 14 item 3), raised while Warta runs: an item due
 * within a working day reminds its assignee, a late one its assignee and the head of the desk;
 * on an OPD contributor's device, its own OPD's parts nearing or past their deadline. They go out
 * as `desktop.notice` like the other OS notifications (electron/core/features/desktop/notices.ts),
 * so the shell shows them; the switch and quiet hours of Settings › Desktop are read here too, so
 * a reminder held back by quiet hours is raised when they end rather than lost. What was raised is
 * written to this machine's `publicdesk_reminders_sent` per person, item, stage and deadline:
 * a restart raises nothing twice, and an extended deadline may remind again.
 */
import { inQuietHours, type Notice } from '../../../../shared/desktop/settings';
import { DESK_SETTINGS_ID, itemNumber, OPEN_DESK_STATUSES, OPEN_PART_STATUSES, type DeskKind } from '../../../../shared/publicdesk/model';
import { addDaysToKey } from '../../../../shared/agenda/zones';
import type { CoreContext } from '../../rpc/handler-types';
import { readDesktopSettings } from '../desktop/handlers';
import { isWorkingDay } from '../../../../shared/agenda/working-days';
import { deskCalendar, type DeskCalendar } from './calendar';
import { boundOpd } from './steps';

const TICK_MS = 60_000;
const FIRST_CHECK_MS = 5_000;
/** Calendar days ahead that can hold "due within one working day" (a long weekend with cuti bersama). */
const LOOKAHEAD_DAYS = 14;
const LISTED = 5;
/** Rows older than this are forgotten: their deadline is long past and the item long reminded. */
const KEEP_DAYS = 400;

export type ReminderStage = 'soon' | 'late';

interface Due {
  id: string;
  number: string;
  dueDate: string;
  stage: ReminderStage;
}

export function startDeskReminders(ctx: CoreContext): () => void {
  const check = () => {
    try {
      for (const notice of findDeskReminders(ctx)) ctx.events.emit('desktop.notice', notice);
    } catch (err) {
      ctx.logger.warn('publicdesk.reminders_failed', { message: String((err as Error)?.message ?? err).slice(0, 200) });
    }
  };
  const first = setTimeout(check, FIRST_CHECK_MS);
  first.unref?.();
  const tick = setInterval(check, TICK_MS);
  tick.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(tick);
  };
}

/** The reminders due now for the person signed in here, recorded as raised; exported for tests that drive the clock. */
export function findDeskReminders(ctx: CoreContext): Notice[] {
  const caller = ctx.currentCaller();
  const settings = readDesktopSettings(ctx.db).notifications;
  if (!settings.deskDeadline) return [];
  const now = new Date(ctx.now());
  // Held back, not dropped: nothing is recorded, so the next check after the quiet hours raises it.
  if (inQuietHours(settings.quietHours, now.getHours() * 60 + now.getMinutes())) return [];
  const opd = boundOpd(ctx);
  // The calendar seeds a year's holidays on first use (a synced write): not for a desk with nothing open.
  if (!anyOpen(ctx, opd)) return [];
  let due: Due[];
  const cal = deskCalendar(ctx);
  if (opd) {
    if (!caller.can('publicdesk.answer')) return [];
    due = dueParts(ctx, cal, opd);
  } else {
    if (!caller.can('publicdesk.manage')) return [];
    due = dueItems(ctx, cal, caller.userId);
  }
  const person = caller.userId ?? 'local';
  const sent = ctx.db.prepare('SELECT 1 FROM publicdesk_reminders_sent WHERE person = ? AND item_id = ? AND stage = ? AND due_date = ?');
  const fresh = due.filter((d) => !sent.get(person, d.id, d.stage, d.dueDate));
  if (!fresh.length) return [];
  const at = now.toISOString();
  const record = ctx.db.prepare('INSERT OR IGNORE INTO publicdesk_reminders_sent (person, item_id, stage, due_date, sent_at) VALUES (?, ?, ?, ?, ?)');
  ctx.db.transaction(() => {
    for (const d of fresh) record.run(person, d.id, d.stage, d.dueDate, at);
    ctx.db.prepare('DELETE FROM publicdesk_reminders_sent WHERE sent_at < ?').run(new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString());
  })();
  const notices: Notice[] = [];
  for (const stage of ['late', 'soon'] as const) {
    const these = fresh.filter((d) => d.stage === stage).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
    const head = these[0];
    if (!head) continue;
    notices.push({
      id: `desk:${stage}:${person}:${head.id}:${head.dueDate}:${these.length}`,
      kind: 'deskDeadline',
      title: titleOf(stage, these, !!opd),
      body: these
        .slice(0, LISTED)
        .map((d) => `${d.number || 'Tanpa nomor'} — ${daysText(cal.view(d.dueDate).daysLeft ?? 0)}`)
        .join('; ')
        .concat(these.length > LISTED ? `; dan ${these.length - LISTED} lainnya` : ''),
      target: { section: 'publicdesk', id: head.id },
    });
  }
  return notices;
}

function titleOf(stage: ReminderStage, these: Due[], opd: boolean): string {
  const what = opd ? 'disposisi' : 'aduan/permohonan';
  if (these.length === 1) return stage === 'late' ? `Tenggat ${what} ${these[0]?.number ?? ''} terlewati` : `Tenggat ${what} ${these[0]?.number ?? ''} sudah dekat`;
  return stage === 'late' ? `${these.length} ${what} melewati tenggat` : `${these.length} ${what} mendekati tenggat`;
}

function daysText(daysLeft: number): string {
  if (daysLeft < 0) return `terlambat ${-daysLeft} hari kerja`;
  if (daysLeft === 0) return 'jatuh tempo hari ini';
  return `sisa ${daysLeft} hari kerja`;
}

/**
 * Late when a working day has passed since the deadline; soon when at most one working day is
 * left. Decided by walking a few days from today, not by counting the whole span: a desk with
 * thousands of long-late items is checked every minute.
 */
function stageOf(cal: DeskCalendar, dueDate: string): ReminderStage | null {
  const working = (d: string) => isWorkingDay(d, cal.offDays);
  if (dueDate < cal.today) {
    for (let d = cal.today; d > dueDate; d = addDaysToKey(d, -1)) if (working(d)) return 'late';
    return 'soon'; // only days off since the deadline: still due, as the board shows it
  }
  let left = 0;
  for (let d = addDaysToKey(cal.today, 1); d <= dueDate; d = addDaysToKey(d, 1)) if (working(d) && ++left > 1) return null;
  return 'soon';
}

/**
 * At the office: the assignee hears of their items nearing and past the deadline; the head of the
 * desk of every late item and of unassigned items nearing it (someone has to pick them up). Before
 * accounts exist the person at the machine is all of them.
 */
function dueItems(ctx: CoreContext, cal: DeskCalendar, userId: string | null): Due[] {
  const headId = (ctx.db.prepare('SELECT head_id FROM publicdesk_settings WHERE id = ?').pluck().get(DESK_SETTINGS_ID) as string | null | undefined) ?? null;
  const isHead = userId === null || userId === headId;
  // Anyone but the head hears only of their own items.
  const mineOnly = isHead ? '' : 'AND assignee_id = ?';
  const rows = ctx.db
    .prepare(
      `SELECT id, kind, year, seq, due_date, assignee_id FROM publicdesk_items
       WHERE deleted_at IS NULL AND status IN (${OPEN_DESK_STATUSES.map(() => '?').join(', ')}) AND due_date IS NOT NULL AND due_date <= ? ${mineOnly}`,
    )
    .all(...OPEN_DESK_STATUSES, addDaysToKey(cal.today, LOOKAHEAD_DAYS), ...(isHead ? [] : [userId])) as { id: string; kind: string | null; year: number | null; seq: number | null; due_date: string; assignee_id: string | null }[];
  const out: Due[] = [];
  for (const r of rows) {
    const stage = stageOf(cal, r.due_date);
    if (stage === null) continue;
    const mine = userId === null || r.assignee_id === userId || (r.assignee_id === null && isHead);
    if (!(mine || (stage === 'late' && isHead))) continue;
    out.push({ id: r.id, number: itemNumber((r.kind ?? 'complaint') as DeskKind, r.year, r.seq), dueDate: r.due_date, stage });
  }
  return out;
}

/** Whether anything open with a deadline is on this device: the check below needs the calendar only then. */
function anyOpen(ctx: CoreContext, opd: string | null): boolean {
  const row = opd
    ? ctx.db
        .prepare(`SELECT 1 FROM publicdesk_parts WHERE deleted_at IS NULL AND opd_id = ? AND status IN (${OPEN_PART_STATUSES.map(() => '?').join(', ')}) AND due_date IS NOT NULL LIMIT 1`)
        .get(opd, ...OPEN_PART_STATUSES)
    : ctx.db
        .prepare(`SELECT 1 FROM publicdesk_items WHERE deleted_at IS NULL AND status IN (${OPEN_DESK_STATUSES.map(() => '?').join(', ')}) AND due_date IS NOT NULL LIMIT 1`)
        .get(...OPEN_DESK_STATUSES);
  return row !== undefined;
}

/** On a contributor's device: its own OPD's open parts, whoever is signed in there answers them. */
function dueParts(ctx: CoreContext, cal: DeskCalendar, opd: string): Due[] {
  const rows = ctx.db
    .prepare(
      `SELECT id, number, due_date FROM publicdesk_parts
       WHERE deleted_at IS NULL AND opd_id = ? AND status IN (${OPEN_PART_STATUSES.map(() => '?').join(', ')}) AND due_date IS NOT NULL AND due_date <= ?`,
    )
    .all(opd, ...OPEN_PART_STATUSES, addDaysToKey(cal.today, LOOKAHEAD_DAYS)) as { id: string; number: string | null; due_date: string }[];
  const out: Due[] = [];
  for (const r of rows) {
    const stage = stageOf(cal, r.due_date);
    if (stage !== null) out.push({ id: r.id, number: r.number ?? '', dueDate: r.due_date, stage });
  }
  return out;
}
