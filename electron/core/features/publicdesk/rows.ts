import { WartaError } from '../../../../shared/contract/errors';
import {
  itemNumber,
  type Decision,
  type DeskAction,
  type DeskChannel,
  type DeskFile,
  type DeskHistoryEntry,
  type DeskItem,
  type DeskKind,
  type DeskOutcome,
  type DeskPart,
  type DeskPriority,
  type DeskStatus,
  type DeskSummary,
  type MergedPost,
  type PartStatus,
} from '../../../../shared/publicdesk/model';
import type { CoreContext } from '../../rpc/handler-types';
import type { DeskCalendar } from './calendar';

export interface ItemRow {
  id: string;
  kind: string | null;
  channel: string | null;
  ticket: string | null;
  post_url: string | null;
  year: number | null;
  seq: number | null;
  anonymous: number | null;
  person_name: string | null;
  person_phone: string | null;
  person_email: string | null;
  person_address: string | null;
  consent: number | null;
  body: string | null;
  category: string | null;
  location: string | null;
  priority: string | null;
  status: string | null;
  received_at: string | null;
  received_date: string | null;
  due_date: string | null;
  extended: number | null;
  assignee_id: string | null;
  reply_text: string | null;
  reply_url: string | null;
  replied_at: string | null;
  merged_into: string | null;
  outcome: string | null;
  closed_at: string | null;
  escalated_at: string | null;
  purpose: string | null;
  receive_by: string | null;
  copy_by: string | null;
  decision: string | null;
  exemption_basis: string | null;
  decided_at: string | null;
  fee: number | null;
  deleted_at: string | null;
}

export interface PartRow {
  id: string;
  item_id: string | null;
  opd_id: string | null;
  opd_name: string | null;
  opd_deleted: string | null;
  number: string | null;
  kind: string | null;
  summary: string | null;
  category: string | null;
  location: string | null;
  due_date: string | null;
  status: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  extension_reason: string | null;
  extension_days: number | null;
  disposed_at: string | null;
  escalated_at: string | null;
}

export const PART_SELECT = 'SELECT p.*, o.name AS opd_name, o.deleted_at AS opd_deleted FROM publicdesk_parts p LEFT JOIN opd o ON o.id = p.opd_id';

const OPEN_ITEM = new Set(['received', 'verified', 'disposed']);

export const numberOf = (r: Pick<ItemRow, 'kind' | 'year' | 'seq'>): string => itemNumber((r.kind ?? 'complaint') as DeskKind, r.year, r.seq);
const personLabel = (r: ItemRow): string => (r.anonymous ? 'Anonim' : (r.person_name ?? ''));

export function summaryOf(r: ItemRow, cal: DeskCalendar): DeskSummary {
  // A closed or answered item has no days left to show.
  const view = OPEN_ITEM.has(r.status ?? '') ? cal.view(r.due_date, r.received_date ?? undefined) : { dueDate: r.due_date, daysLeft: null, holidaysMissing: [] };
  return {
    id: r.id,
    number: numberOf(r),
    kind: (r.kind ?? 'complaint') as DeskKind,
    channel: (r.channel ?? 'walk_in') as DeskChannel,
    ticket: r.ticket ?? '',
    status: (r.status ?? 'received') as DeskStatus,
    priority: (r.priority ?? 'normal') as DeskPriority,
    category: r.category ?? '',
    location: r.location ?? '',
    excerpt: (r.body ?? '').split('\n', 1)[0]?.slice(0, 200) ?? '',
    personLabel: personLabel(r),
    receivedAt: r.received_at ?? '',
    escalatedAt: r.escalated_at,
    ...view,
  };
}

export function readItemRow(ctx: CoreContext, id: string): ItemRow {
  const row = ctx.db.prepare('SELECT * FROM publicdesk_items WHERE id = ?').get(id) as ItemRow | undefined;
  if (!row || row.deleted_at) throw new WartaError('not_found', 'Aduan atau permohonan tidak ditemukan di komputer ini.', { id });
  return row;
}

export function readPartRow(ctx: CoreContext, id: string): PartRow {
  const row = ctx.db.prepare(`${PART_SELECT} WHERE p.id = ? AND p.deleted_at IS NULL`).get(id) as PartRow | undefined;
  if (!row) throw new WartaError('not_found', 'Disposisi tidak ditemukan di komputer ini.', { id });
  return row;
}

interface FileRow {
  id: string;
  part_id: string | null;
  purpose: string | null;
  file_name: string | null;
  file_mime: string | null;
  file_size: number | null;
  added_by: string | null;
  added_at: string | null;
}
const fileOf = (f: FileRow): DeskFile => ({
  id: f.id,
  partId: f.part_id,
  purpose: f.purpose === 'answer' ? 'answer' : 'post',
  fileName: f.file_name ?? '',
  mime: f.file_mime ?? '',
  size: f.file_size ?? 0,
  addedBy: f.added_by ?? '',
  addedAt: f.added_at ?? '',
});

export function partOf(ctx: CoreContext, p: PartRow, cal: DeskCalendar): DeskPart {
  const files = (ctx.db.prepare('SELECT * FROM publicdesk_files WHERE part_id = ? AND deleted_at IS NULL ORDER BY added_at, id').all(p.id) as FileRow[]).map(fileOf);
  const open = p.status === 'open' || p.status === 'extension_asked';
  return {
    id: p.id,
    itemId: p.item_id ?? '',
    opdId: p.opd_id ?? '',
    opdName: p.opd_name ?? '',
    opdLive: p.opd_name !== null && p.opd_deleted === null,
    number: p.number ?? '',
    kind: (p.kind ?? 'complaint') as DeskKind,
    summary: p.summary ?? '',
    category: p.category ?? '',
    location: p.location ?? '',
    status: (p.status ?? 'open') as PartStatus,
    answer: p.answer ?? '',
    answeredAt: p.answered_at,
    answeredBy: p.answered_by ?? '',
    extensionReason: p.extension_reason ?? '',
    extensionDays: p.extension_days,
    disposedAt: p.disposed_at ?? '',
    escalatedAt: p.escalated_at,
    files,
    ...(open ? cal.view(p.due_date, p.disposed_at?.slice(0, 10)) : { dueDate: p.due_date, daysLeft: null, holidaysMissing: [] }),
  };
}

export function readItem(ctx: CoreContext, id: string, cal: DeskCalendar): DeskItem {
  const r = readItemRow(ctx, id);
  const parts = (ctx.db.prepare(`${PART_SELECT} WHERE p.item_id = ? AND p.deleted_at IS NULL ORDER BY p.disposed_at, p.id`).all(id) as PartRow[]).map((p) => partOf(ctx, p, cal));
  const files = (ctx.db.prepare('SELECT * FROM publicdesk_files WHERE item_id = ? AND part_id IS NULL AND deleted_at IS NULL ORDER BY added_at, id').all(id) as FileRow[]).map(fileOf);
  const merged = (ctx.db.prepare('SELECT * FROM publicdesk_items WHERE merged_into = ? AND deleted_at IS NULL ORDER BY received_at, id').all(id) as ItemRow[]).map(
    (m): MergedPost => ({ id: m.id, number: numberOf(m), channel: (m.channel ?? 'walk_in') as DeskChannel, postUrl: m.post_url ?? '', personLabel: personLabel(m), receivedAt: m.received_at ?? '' }),
  );
  const history = (
    ctx.db.prepare('SELECT id, part_id, action, actor, at, note FROM publicdesk_history WHERE item_id = ? ORDER BY at, id').all(id) as {
      id: string;
      part_id: string | null;
      action: string;
      actor: string | null;
      at: string | null;
      note: string | null;
    }[]
  ).map((h): DeskHistoryEntry => ({ id: h.id, partId: h.part_id, action: h.action as DeskAction, actor: h.actor ?? '', at: h.at ?? '', note: h.note ?? '' }));
  return {
    ...summaryOf(r, cal),
    assigneeId: r.assignee_id ?? null,
    postUrl: r.post_url ?? '',
    anonymous: Boolean(r.anonymous),
    personName: r.person_name ?? '',
    personPhone: r.person_phone ?? '',
    personEmail: r.person_email ?? '',
    personAddress: r.person_address ?? '',
    consent: Boolean(r.consent),
    body: r.body ?? '',
    replyText: r.reply_text ?? '',
    replyUrl: r.reply_url ?? '',
    repliedAt: r.replied_at,
    mergedInto: r.merged_into,
    outcome: r.outcome as DeskOutcome | null,
    closedAt: r.closed_at,
    extended: Boolean(r.extended),
    purpose: r.purpose ?? '',
    receiveBy: r.receive_by ?? '',
    copyBy: r.copy_by ?? '',
    decision: r.decision as Decision | null,
    exemptionBasis: r.exemption_basis ?? '',
    decidedAt: r.decided_at,
    fee: r.fee,
    parts,
    files,
    merged,
    history,
  };
}
