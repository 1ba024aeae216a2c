/**
 * Press releases in the core: list/search, the body (Yjs updates), workflow with numbering,
 * embargo visibility, comments, versions, photos and exports. See README "Siaran pers".
 */
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import { WartaError } from '../../../../shared/contract/errors';
import type { MethodParsedInput } from '../../../../shared/contract/methods';
import type { FieldValue } from '../../../../shared/sync/replicated-tables';
import { zonedParts } from '../../../../shared/format/dates';
import { checkNumberPattern, formatReleaseNumber } from '../../../../shared/office/number-pattern';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import { BODY_FRAGMENT } from '../../../../shared/releases/editor-schema';
import { bodyPlainText, type PmNode } from '../../../../shared/releases/body-text';
import { diffBodies } from '../../../../shared/releases/diff';
import { isEmbargoed, isPublic } from '../../../../shared/releases/embargo';
import {
  BODY_UPDATE_MAX_BYTES,
  countWords,
  PASTE_MAX_BYTES,
  readingMinutes,
  TITLE_MAX,
  type NumberConflict,
  type ReleaseDetail,
  type ReleaseFields,
  type ReleaseStatus,
  type ReleaseSummary,
  type ReleaseVersionSummary,
} from '../../../../shared/releases/model';
import { datelineOpening, DEFAULT_DATELINE_FORM, type DatelineForm } from '../../../../shared/releases/dateline';
import { sanitizeHtmlToDoc } from '../../../../shared/releases/sanitize-html';
import { canTransition, isEditable, transitionPermission } from '../../../../shared/releases/workflow';
import type { Caller } from '../../caller';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { readOfficeProfile } from '../office/handlers';
import { bodySchema, checkUpdate, docFromJson, docToJson } from '../../../../shared/releases/body-merge';
import { catchUp, ftsRowidFloor, loadBody } from './body-store';
import { buildExport } from './exports';
import { photoDataUrl, storePhoto } from './photos';
import { feedHasPhoto, feedSource, listPublic } from './public-feed-read';
import { COLUMN_OF, fieldsOf, statusOf, type ReleaseRow } from './rows';

/** The release settings row has a fixed id, like the office profile: devices merge into one. */
export const RELEASE_SETTINGS_ID = '00000000-0000-7000-8000-000000000004';
export const DEFAULT_TARGET_MINUTES = 60;
/** A search counts its matches up to here; more is shown as "more than 1,000". */
export const COUNT_CAP = 1000;

const STATUS_WORD: Record<ReleaseStatus, string> = {
  draft: 'draf',
  in_review: 'dalam tinjauan',
  approved: 'disetujui',
  published: 'terbit',
  withdrawn: 'ditarik',
};

export function zoneOf(ctx: CoreContext): ZoneLabel {
  return (readOfficeProfile(ctx)?.timeZone as ZoneLabel | undefined) ?? 'WIB';
}

function readRow(ctx: CoreContext, id: string): ReleaseRow {
  const row = ctx.db.prepare('SELECT * FROM releases WHERE id = ?').get(id) as ReleaseRow | undefined;
  if (!row || row.deleted_at) throw new WartaError('not_found', 'Rilis tidak ditemukan.', { id });
  return row;
}

function isoNow(ctx: CoreContext): string {
  return new Date(ctx.now()).toISOString();
}

/** Journalists and guests (no `releases.read`) see only published, embargo-passed releases; anything else is "not found". */
export function readVisibleRow(ctx: CoreContext, caller: Caller, id: string): ReleaseRow {
  const row = readRow(ctx, id);
  if (!caller.can('releases.read') && !isPublic({ status: row.status, urgency: row.urgency, embargoAt: row.embargo_at }, ctx.now())) {
    throw new WartaError('not_found', 'Rilis tidak ditemukan.', { id });
  }
  return row;
}

export function readTargetMinutes(ctx: CoreContext): number {
  const r = ctx.db.prepare('SELECT target_minutes FROM release_settings WHERE id = ?').get(RELEASE_SETTINGS_ID) as { target_minutes: number | null } | undefined;
  return r?.target_minutes ?? DEFAULT_TARGET_MINUTES;
}

export function numberConflictOf(ctx: CoreContext, row: ReleaseRow): NumberConflict | null {
  if (!row.number) return null;
  const same = ctx.db
    .prepare('SELECT id, title, approved_at FROM releases WHERE number = ? AND deleted_at IS NULL ORDER BY approved_at, id')
    .all(row.number) as { id: string; title: string | null; approved_at: string | null }[];
  if (same.length < 2) return null;
  return {
    others: same.filter((s) => s.id !== row.id).map((s) => ({ id: s.id, title: s.title ?? '' })),
    // The one approved first keeps the number; ties broken by id, the same on every device.
    mustRenumber: same[0]?.id !== row.id,
  };
}

function detail(ctx: CoreContext, caller: Caller, id: string): ReleaseDetail {
  catchUp(ctx.db);
  const staff = caller.can('releases.read');
  // A press-room device reads the office's public feed (public-feed-read.ts) before its own rows.
  const fed = staff ? null : feedSource(ctx, id);
  const row = fed?.row ?? readVisibleRow(ctx, caller, id);
  const body = fed?.body ?? loadBody(ctx.db, id);
  const fields = fieldsOf(row);
  const comments = staff
    ? (ctx.db.prepare('SELECT id, author, body, at FROM release_comments WHERE release_id = ? AND deleted_at IS NULL ORDER BY at, id').all(id) as {
        id: string;
        author: string | null;
        body: string | null;
        at: string | null;
      }[]).map((c) => ({ id: c.id, author: c.author ?? '', body: c.body ?? '', at: c.at ?? '' }))
    : [];
  const transitions = staff
    ? (ctx.db.prepare('SELECT id, from_status, to_status, actor, at, note FROM release_transitions WHERE release_id = ? ORDER BY at, id').all(id) as {
        id: string;
        from_status: string | null;
        to_status: string | null;
        actor: string | null;
        at: string | null;
        note: string | null;
      }[]).map((t) => ({ id: t.id, from: t.from_status as ReleaseStatus | null, to: (t.to_status ?? 'draft') as ReleaseStatus, actor: t.actor ?? '', at: t.at ?? '', note: t.note ?? '' }))
    : [];
  let timeToRelease: ReleaseDetail['timeToRelease'] = null;
  if (fields.eventEndAt && staff) {
    const end = Date.parse(fields.eventEndAt);
    const published = statusOf(row) === 'published' && row.published_at !== null;
    const until = published ? Date.parse(row.published_at as string) : ctx.now();
    const minutes = Math.round((until - end) / 60_000);
    const targetMinutes = readTargetMinutes(ctx);
    timeToRelease = { eventEndAt: fields.eventEndAt, minutes, targetMinutes, published, met: published ? minutes <= targetMinutes : null };
  }
  return {
    ...fields,
    id,
    status: statusOf(row),
    number: row.number,
    approvedAt: staff ? row.approved_at : null,
    approvedBy: staff ? row.approved_by : null,
    publishedAt: row.published_at,
    publishedBy: staff ? row.published_by : null,
    createdAt: row.created_at ?? row.updated_at,
    updatedAt: row.updated_at,
    bodyState: Buffer.from(body.state).toString('base64'),
    bodyUpdateCount: body.updateCount,
    bodyJson: body.docJson,
    wordCount: body.wordCount,
    readingMinutes: readingMinutes(body.wordCount),
    embargoed: isEmbargoed(fields, ctx.now()),
    comments,
    transitions,
    numberConflict: staff ? numberConflictOf(ctx, row) : null,
    timeToRelease,
  };
}

function checkTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length > TITLE_MAX) {
    throw new WartaError('invalid_input', `Judul terlalu panjang: ${t.length.toLocaleString('id-ID')} karakter, maksimal ${TITLE_MAX}. Judul yang tersimpan tidak berubah.`, {
      field: 'title',
      maximum: TITLE_MAX,
      length: t.length,
    });
  }
  return t;
}

function todayIso(ctx: CoreContext, zone: ZoneLabel): string {
  const p = zonedParts(ctx.now(), zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** A new release's body: the dateline opening ("SUKAMAJU – "), the city in bold; typing continues in plain text. */
function templateBody(city: string, form: DatelineForm, dateKey: string, zone: ZoneLabel): PmNode {
  if (!city) return { type: 'doc', content: [{ type: 'paragraph' }] };
  const opening = datelineOpening(form, city, dateKey, zone);
  return {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: opening.city, marks: [{ type: 'bold' }] }, { type: 'text', text: opening.tail }] }],
  };
}

/**
 * A new draft from the office's template (dateline, boilerplate, contacts), with its first
 * transition row; `paragraphs` follow the dateline (an OPD's material for publication, issue 13).
 * Also used by requests: an accepted request becomes a draft linked to it (`requestId`).
 */
export function createReleaseDraft(
  ctx: CoreContext,
  writer: string,
  o: { title: string; eventId: string | null; eventEndAt: string | null; opdId: string | null; requestId?: string | null; paragraphs?: readonly string[] },
): string {
  const profile = readOfficeProfile(ctx);
  const zone = (profile?.timeZone as ZoneLabel | undefined) ?? 'WIB';
  const city = profile?.city ?? '';
  const today = todayIso(ctx, zone);
  return ctx.mutator.transaction(() => {
    const newId = ctx.mutator.insert('releases', {
      status: 'draft',
      label: 'SIARAN PERS',
      urgency: 'immediate',
      title: o.title,
      subtitle: '',
      dateline_city: city,
      release_date: today,
      quotes: [],
      boilerplate: profile ? [profile.unit, profile.institution].filter(Boolean).join(', ') + '.' : '',
      source: profile ? profile.unit : '',
      writer,
      photographer: '',
      editor: '',
      contacts: profile ? [{ name: '', position: '', phone: profile.phone, email: profile.email }] : [],
      opd_id: o.opdId,
      tags: [],
      event_id: o.eventId,
      event_end_at: o.eventEndAt,
      info_category: 'serta_merta',
      ...(o.requestId ? { request_id: o.requestId } : {}),
    });
    const body = templateBody(city, profile?.datelineForm ?? DEFAULT_DATELINE_FORM, today, zone);
    for (const p of o.paragraphs ?? []) if (p.trim()) (body.content as PmNode[]).push({ type: 'paragraph', content: [{ type: 'text', text: p.trim() }] });
    const doc = docFromJson(body);
    appendUpdate(ctx, newId, Y.encodeStateAsUpdate(doc));
    doc.destroy();
    ctx.mutator.insert('release_transitions', { release_id: newId, from_status: null, to_status: 'draft', actor: writer, at: isoNow(ctx), note: '' });
    return newId;
  });
}

function appendUpdate(ctx: CoreContext, releaseId: string, update: Uint8Array): void {
  ctx.mutator.insert('release_body_updates', { release_id: releaseId, update_b64: Buffer.from(update).toString('base64') });
}

function fieldsToColumns(fields: Partial<ReleaseFields>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[COLUMN_OF[k as keyof ReleaseFields]] = v as FieldValue;
  }
  return out;
}

function snapshot(ctx: CoreContext, caller: Caller, id: string, reason: string, label: string): string {
  const row = readRow(ctx, id);
  const body = loadBody(ctx.db, id);
  return ctx.mutator.insert('release_versions', {
    release_id: id,
    reason,
    label,
    author: caller.name,
    at: isoNow(ctx),
    state_b64: Buffer.from(body.state).toString('base64'),
    fields: { ...fieldsOf(row), status: statusOf(row), number: row.number },
  });
}

function nextSeq(ctx: CoreContext, year: number): number {
  const r = ctx.db.prepare('SELECT coalesce(max(number_seq), 0) AS m FROM releases WHERE number_year = ?').get(year) as { m: number };
  return r.m + 1;
}

/**
 * Gives the release the next number of its year from the office pattern. The number follows
 * the release's own date, as *tata naskah dinas* numbers a document by the date it carries: a
 * release dated 30 December 2026 and approved on 2 January 2027 is `…/XII/2026`, in 2026's
 * sequence. (Numbering by the approval day gave it January 2027 without a word.)
 */
function assignNumber(ctx: CoreContext, id: string): Record<string, FieldValue> {
  const profile = readOfficeProfile(ctx);
  if (!profile) throw new WartaError('conflict', 'Profil kantor belum diisi; nomor rilis dibuat dari pola nomor di Pengaturan.');
  const check = checkNumberPattern(profile.numberPattern);
  if (!check.ok) {
    throw new WartaError(
      'invalid_number_pattern',
      check.reason === 'unknown_placeholder'
        ? `Pola nomor memuat penanda yang tidak dikenal: {${check.placeholder}}. Perbaiki di Pengaturan; rilis tetap dalam tinjauan.`
        : 'Pola nomor di Pengaturan tidak sah; perbaiki dulu, rilis tetap dalam tinjauan.',
      check.reason === 'unknown_placeholder' ? { placeholder: check.placeholder, id } : { reason: check.reason, id },
    );
  }
  const row = readRow(ctx, id);
  const dated = /^(\d{4})-(\d{2})-(\d{2})$/.exec(row.release_date ?? '');
  const p = dated ? { year: Number(dated[1]), month: Number(dated[2]), day: Number(dated[3]) } : zonedParts(ctx.now(), profile.timeZone as ZoneLabel);
  const seq = nextSeq(ctx, p.year);
  const number = formatReleaseNumber(profile.numberPattern, {
    seq,
    unit: profile.unitCode || profile.unit,
    institution: profile.institutionCode || profile.institution,
    year: p.year,
    month: p.month,
    day: p.day,
  });
  return { number, number_year: p.year, number_seq: seq };
}

export function escapeFts(query: string): string | null {
  const tokens = query
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (!tokens.length) return null;
  // Each word as a prefix: "pasa" finds "pasar"; tokens are letters/digits only, so no FTS syntax gets through.
  return tokens.map((t) => `"${t}"*`).join(' ');
}

export interface ListRow extends ReleaseRow {
  opd_name: string | null;
  conflict: number;
  snippet?: string;
}

/** The list's filters on a release row `r` (status, dates, OPD, writer, tag), for every caller. */
export function listFilters(input: MethodParsedInput<'releases.list'>, where: string[], args: unknown[]): void {
  if (input.statuses.length) {
    // Written so the status index can serve it (a missing status reads as draft).
    const list = `r.status IN (${input.statuses.map(() => '?').join(', ')})`;
    where.push(input.statuses.includes('draft') ? `(${list} OR r.status IS NULL)` : list);
    args.push(...input.statuses);
  }
  if (input.from) {
    where.push('r.release_date >= ?');
    args.push(input.from);
  }
  if (input.to) {
    where.push('r.release_date <= ?');
    args.push(input.to);
  }
  if (input.opdId) {
    where.push('r.opd_id = ?');
    args.push(input.opdId);
  }
  if (input.writer) {
    where.push('r.writer = ?');
    args.push(input.writer);
  }
  if (input.tag) {
    where.push('EXISTS (SELECT 1 FROM json_each(r.tags) WHERE value = ?)');
    args.push(input.tag);
  }
}

export function summaryOf(r: ListRow, now: number): ReleaseSummary {
  const f = fieldsOf(r);
  return {
    id: r.id,
    status: statusOf(r),
    number: r.number,
    title: f.title,
    releaseDate: f.releaseDate,
    writer: f.writer,
    opdId: f.opdId,
    opdName: r.opd_name,
    tags: f.tags,
    urgency: f.urgency,
    embargoAt: f.embargoAt,
    embargoZone: f.embargoZone,
    embargoed: isEmbargoed(f, now),
    numberConflict: r.conflict === 1,
    updatedAt: r.updated_at,
    ...(r.snippet ? { snippet: r.snippet } : {}),
  };
}

export const releasesHandlers: HandlerGroup<
  | 'releases.list'
  | 'releases.get'
  | 'releases.create'
  | 'releases.update'
  | 'releases.appendBody'
  | 'releases.importHtml'
  | 'releases.transition'
  | 'releases.renumber'
  | 'releases.comment'
  | 'releases.versions'
  | 'releases.version'
  | 'releases.snapshot'
  | 'releases.restoreVersion'
  | 'releases.export'
  | 'releases.putPhoto'
  | 'releases.photo'
  | 'releases.settings'
  | 'releases.saveSettings'
> = {
  'releases.list': (input, ctx, caller) => {
    catchUp(ctx.db);
    const where: string[] = ['r.deleted_at IS NULL'];
    const args: unknown[] = [];
    const fts = escapeFts(input.query);
    if (input.query.trim() && !fts) return { items: [], total: 0, capped: false };
    // Journalists and guests: this device's public releases and the office's public feed.
    if (!caller.can('releases.read')) return listPublic(ctx, input, fts);
    listFilters(input, where, args);
    const conflict = `EXISTS (SELECT 1 FROM releases r2 WHERE r2.number_year = r.number_year AND r2.number_seq = r.number_seq AND r2.number = r.number AND r2.id <> r.id AND r2.deleted_at IS NULL)`;
    const cols = `r.*, o.name AS opd_name, ${conflict} AS conflict`;
    let rows: ListRow[];
    let total: number;
    let capped = false;
    if (fts) {
      // Newest first, walking the index in rowid order (date-keyed, see body-store.ts) so LIMIT
      // stops early; the count stops at COUNT_CAP (the list then says "more than …").
      // The date range also bounds the index walk: FTS rowids are date-keyed.
      const range: string[] = [];
      if (input.from) range.push(`f.rowid >= ${ftsRowidFloor(input.from)}`);
      if (input.to) range.push(`f.rowid < ${ftsRowidFloor(input.to) + 10_000_000}`);
      const cond = `release_fts MATCH ? ${range.map((c) => `AND ${c} `).join('')}AND ${where.join(' AND ')}`;
      const from = `FROM release_fts f JOIN releases r ON r.id = f.release_id LEFT JOIN opd o ON o.id = r.opd_id WHERE ${cond}`;
      // Deleted releases are not in the index, so without other filters the index alone counts.
      const countSql =
        where.length === 1 && args.length === 0
          ? `SELECT count(*) AS n FROM (SELECT 1 FROM release_fts f WHERE release_fts MATCH ? ${range.map((c) => `AND ${c} `).join('')}LIMIT ${COUNT_CAP + 1})`
          : `SELECT count(*) AS n FROM (SELECT 1 FROM release_fts f JOIN releases r ON r.id = f.release_id WHERE ${cond} LIMIT ${COUNT_CAP + 1})`;
      total = (ctx.db.prepare(countSql).get(fts, ...args) as { n: number }).n;
      capped = total > COUNT_CAP;
      if (capped) total = COUNT_CAP;
      rows = ctx.db
        .prepare(`SELECT ${cols}, snippet(release_fts, 3, '«', '»', '…', 12) AS snippet ${from} ORDER BY f.rowid DESC LIMIT ? OFFSET ?`)
        .all(fts, ...args, input.limit, input.offset) as ListRow[];
    } else {
      const from = `FROM releases r LEFT JOIN opd o ON o.id = r.opd_id WHERE ${where.join(' AND ')}`;
      total = (ctx.db.prepare(`SELECT count(*) AS n FROM releases r WHERE ${where.join(' AND ')}`).get(...args) as { n: number }).n;
      rows = ctx.db.prepare(`SELECT ${cols} ${from} ORDER BY r.release_date DESC, r.id DESC LIMIT ? OFFSET ?`).all(...args, input.limit, input.offset) as ListRow[];
    }
    const now = ctx.now();
    return { items: rows.map((r) => summaryOf(r, now)), total, capped };
  },

  'releases.get': (input, ctx, caller) => detail(ctx, caller, input.id),

  'releases.create': (input, ctx, caller) => {
    const id = createReleaseDraft(ctx, caller.name, { title: checkTitle(input.title), eventId: input.eventId, eventEndAt: input.eventEndAt, opdId: input.opdId });
    return detail(ctx, caller, id);
  },

  'releases.update': (input, ctx) => {
    const row = readRow(ctx, input.id);
    if (!isEditable(statusOf(row))) {
      throw new WartaError('conflict', `Rilis ${STATUS_WORD[statusOf(row)]} tidak bisa diubah; kembalikan ke tinjauan dulu.`, { status: statusOf(row) });
    }
    const fields: Partial<ReleaseFields> = { ...input.fields } as Partial<ReleaseFields>;
    if (fields.title !== undefined) fields.title = checkTitle(fields.title);
    const merged = { ...fieldsOf(row), ...fields };
    if (merged.urgency === 'embargo' && (fields.urgency !== undefined || fields.embargoAt !== undefined)) {
      if (!merged.embargoAt) throw new WartaError('invalid_input', 'Isi waktu embargo, atau pilih "Untuk disiarkan segera".', { field: 'embargoAt' });
      if (Date.parse(merged.embargoAt) <= ctx.now()) {
        throw new WartaError('invalid_input', 'Waktu embargo sudah lewat; pilih waktu yang akan datang.', { field: 'embargoAt' });
      }
      if (!merged.embargoZone) fields.embargoZone = zoneOf(ctx);
    }
    const cols = fieldsToColumns(fields);
    if (Object.keys(cols).length) ctx.mutator.update('releases', input.id, cols);
    const after = readRow(ctx, input.id);
    return { ...fieldsOf(after), updatedAt: after.updated_at };
  },

  'releases.appendBody': (input, ctx) => {
    if (input.update.length > Math.ceil((BODY_UPDATE_MAX_BYTES * 4) / 3) + 4) {
      throw new WartaError('payload_too_large', 'Perubahan isi lebih dari 5 MB sekaligus dan tidak disimpan; tempel teks dalam bagian yang lebih kecil.', {
        limit: BODY_UPDATE_MAX_BYTES,
      });
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.update)) throw new WartaError('invalid_input', 'Perubahan isi rilis rusak (bukan base64) dan tidak disimpan.');
    const data = Buffer.from(input.update, 'base64');
    checkUpdate(data);
    const row = readRow(ctx, input.id);
    if (!isEditable(statusOf(row))) {
      throw new WartaError('conflict', `Isi rilis ${STATUS_WORD[statusOf(row)]} tidak bisa diubah; kembalikan ke tinjauan dulu.`, { status: statusOf(row) });
    }
    ctx.mutator.transaction(() => appendUpdate(ctx, input.id, data));
    const body = loadBody(ctx.db, input.id);
    return { updateCount: body.updateCount, wordCount: body.wordCount };
  },

  'releases.importHtml': (input, ctx, caller) => {
    if (Buffer.byteLength(input.html, 'utf8') > PASTE_MAX_BYTES) {
      throw new WartaError('payload_too_large', 'Teks yang ditempel lebih dari 5 MB dan tidak dimasukkan; isi rilis tidak berubah.', { limit: PASTE_MAX_BYTES });
    }
    const row = readRow(ctx, input.id);
    if (!isEditable(statusOf(row))) throw new WartaError('conflict', 'Rilis ini tidak bisa diubah lagi.', { status: statusOf(row) });
    const clean = sanitizeHtmlToDoc(input.html);
    // Append the cleaned blocks after the current body, as one Yjs change.
    const current = new Y.Doc();
    Y.applyUpdate(current, loadBody(ctx.db, input.id).state);
    const before = Y.encodeStateVector(current);
    const fragment = current.getXmlFragment(BODY_FRAGMENT);
    const imported = new Y.Doc();
    prosemirrorToYXmlFragment(bodySchema().nodeFromJSON(clean), imported.getXmlFragment(BODY_FRAGMENT));
    current.transact(() => {
      const items = imported.getXmlFragment(BODY_FRAGMENT).toArray().map((n) => (n as Y.XmlElement).clone());
      fragment.insert(fragment.length, items);
    });
    ctx.mutator.transaction(() => appendUpdate(ctx, input.id, Y.encodeStateAsUpdate(current, before)));
    current.destroy();
    imported.destroy();
    return detail(ctx, caller, input.id);
  },

  'releases.transition': (input, ctx, caller) => {
    const row = readRow(ctx, input.id);
    const from = statusOf(row);
    const to = input.to;
    if (!canTransition(from, to)) {
      throw new WartaError('conflict', `Rilis ${STATUS_WORD[from]} tidak bisa langsung menjadi ${STATUS_WORD[to]}.`, { from, to });
    }
    // The one permission check of the workflow: the permission of this transition.
    const permission = transitionPermission(from, to);
    if (!caller.can(permission)) {
      throw new WartaError('forbidden', 'Anda tidak memiliki izin untuk langkah ini.', { permission, from, to });
    }
    const fields = fieldsOf(row);
    if (to === 'in_review' && !fields.title.trim()) throw new WartaError('invalid_input', 'Isi judul dulu sebelum mengirim ke editor.', { field: 'title' });
    if (to === 'published') {
      if (isEmbargoed(fields, ctx.now())) {
        throw new WartaError('conflict', 'Rilis masih diembargo; terbitkan setelah waktu embargo lewat.', { embargoAt: fields.embargoAt });
      }
      const clash = numberConflictOf(ctx, row);
      if (clash?.mustRenumber) {
        throw new WartaError('conflict', `Nomor ${row.number} juga dipakai rilis lain yang disetujui lebih dulu; beri nomor baru sebelum menerbitkan.`, { number: row.number });
      }
    }
    const at = isoNow(ctx);
    ctx.mutator.transaction(() => {
      const values: Record<string, FieldValue> = { status: to };
      if (to === 'approved') {
        if (!row.number) Object.assign(values, assignNumber(ctx, input.id));
        values.approved_at = at;
        values.approved_by = caller.name;
        if (!fields.editor) values.editor = caller.name;
      }
      if (to === 'published') {
        values.published_at = at;
        values.published_by = caller.name;
      }
      ctx.mutator.update('releases', input.id, values);
      ctx.mutator.insert('release_transitions', { release_id: input.id, from_status: from, to_status: to, actor: caller.name, at, note: input.note });
      snapshot(ctx, caller, input.id, `transition:${to}`, STATUS_WORD[to]);
      const action = { draft: 'release.reopen', in_review: 'release.submit', approved: 'release.approve', published: 'release.publish', withdrawn: 'release.withdraw' }[to];
      ctx.audit.record(caller, { action, targetType: 'release', targetId: input.id, details: { from, to, number: values.number ?? row.number } });
    });
    return detail(ctx, caller, input.id);
  },

  'releases.renumber': (input, ctx, caller) => {
    const row = readRow(ctx, input.id);
    if (!row.number) throw new WartaError('conflict', 'Rilis ini belum bernomor.');
    ctx.mutator.transaction(() => {
      const values = assignNumber(ctx, input.id);
      ctx.mutator.update('releases', input.id, values);
      ctx.audit.record(caller, { action: 'release.renumber', targetType: 'release', targetId: input.id, details: { from: row.number, to: values.number } });
      snapshot(ctx, caller, input.id, 'renumber', `Nomor baru ${String(values.number)}`);
    });
    return detail(ctx, caller, input.id);
  },

  'releases.comment': (input, ctx, caller) => {
    readRow(ctx, input.id);
    ctx.mutator.insert('release_comments', { release_id: input.id, author: caller.name, body: input.body, at: isoNow(ctx) });
    return detail(ctx, caller, input.id);
  },

  'releases.versions': (input, ctx) => {
    readRow(ctx, input.id);
    const rows = ctx.db
      .prepare('SELECT id, reason, label, author, at, state_b64 FROM release_versions WHERE release_id = ? AND deleted_at IS NULL ORDER BY at DESC, id DESC')
      .all(input.id) as { id: string; reason: string | null; label: string | null; author: string | null; at: string | null; state_b64: string | null }[];
    return rows.map((v): ReleaseVersionSummary => ({
      id: v.id,
      reason: v.reason ?? '',
      label: v.label ?? '',
      author: v.author ?? '',
      at: v.at ?? '',
      wordCount: countWords(bodyPlainText(versionJson(v.state_b64))),
    }));
  },

  'releases.version': (input, ctx) => {
    const v = readVersion(ctx, input.versionId);
    const bodyJson = versionJson(v.state_b64);
    const bodyText = bodyPlainText(bodyJson);
    // Compared here with the body as stored now (every device's edits merged), not with a copy
    // the window loaded earlier: that stale copy made older versions look "the same as now".
    catchUp(ctx.db);
    const compare = diffBodies(bodyJson, loadBody(ctx.db, v.release_id ?? '').docJson);
    return {
      id: v.id,
      releaseId: v.release_id ?? '',
      reason: v.reason ?? '',
      label: v.label ?? '',
      author: v.author ?? '',
      at: v.at ?? '',
      wordCount: countWords(bodyText),
      bodyJson,
      bodyText,
      compare,
      fields: v.fields ? (JSON.parse(v.fields) as Record<string, unknown>) : {},
    };
  },

  'releases.snapshot': (input, ctx, caller) => {
    readRow(ctx, input.id);
    const id = ctx.mutator.transaction(() => snapshot(ctx, caller, input.id, 'manual', input.label || 'Disimpan manual'));
    const v = readVersion(ctx, id);
    return { id, reason: 'manual', label: v.label ?? '', author: caller.name, at: v.at ?? '', wordCount: countWords(bodyPlainText(versionJson(v.state_b64))) };
  },

  'releases.restoreVersion': (input, ctx, caller) => {
    const v = readVersion(ctx, input.versionId);
    const releaseId = v.release_id ?? '';
    const row = readRow(ctx, releaseId);
    if (!isEditable(statusOf(row))) throw new WartaError('conflict', 'Kembalikan rilis ke draf atau tinjauan dulu untuk memulihkan versi lama.');
    const target = versionJson(v.state_b64);
    ctx.mutator.transaction(() => {
      // History is kept: the current text is saved as a version first, then the old text
      // comes back as a new change on top (other devices merge it like any edit).
      snapshot(ctx, caller, releaseId, 'before_restore', 'Sebelum pemulihan');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, loadBody(ctx.db, releaseId).state);
      const before = Y.encodeStateVector(doc);
      const fragment = doc.getXmlFragment(BODY_FRAGMENT);
      const fresh = new Y.Doc();
      prosemirrorToYXmlFragment(bodySchema().nodeFromJSON(target), fresh.getXmlFragment(BODY_FRAGMENT));
      doc.transact(() => {
        fragment.delete(0, fragment.length);
        fragment.insert(0, fresh.getXmlFragment(BODY_FRAGMENT).toArray().map((n) => (n as Y.XmlElement).clone()));
      });
      appendUpdate(ctx, releaseId, Y.encodeStateAsUpdate(doc, before));
      const old = v.fields ? (JSON.parse(v.fields) as Partial<ReleaseFields>) : {};
      const keep: (keyof ReleaseFields)[] = ['title', 'subtitle', 'quotes', 'boilerplate', 'datelineCity', 'label'];
      const restored: Partial<ReleaseFields> = {};
      for (const k of keep) if (old[k] !== undefined) (restored as Record<string, unknown>)[k] = old[k];
      if (Object.keys(restored).length) ctx.mutator.update('releases', releaseId, fieldsToColumns(restored));
      ctx.audit.record(caller, { action: 'release.restore', targetType: 'release', targetId: releaseId, details: { versionId: v.id } });
    });
    return detail(ctx, caller, releaseId);
  },

  'releases.export': async (input, ctx, caller) => {
    catchUp(ctx.db);
    const fed = caller.can('releases.read') ? null : feedSource(ctx, input.id);
    if (!fed) readVisibleRow(ctx, caller, input.id);
    return buildExport(ctx, caller, input.id, input.format, input.paper, fed ? { row: fed.row, docJson: fed.body.docJson } : undefined);
  },

  'releases.putPhoto': (input, ctx) => storePhoto(ctx, input.base64, input.fileName),

  'releases.photo': (input, ctx, caller) => {
    if (!caller.can('releases.read')) {
      catchUp(ctx.db);
      // A journalist gets a photo only when a release they may see carries it.
      const rows = ctx.db
        .prepare("SELECT r.status, r.urgency, r.embargo_at FROM release_body_cache c JOIN releases r ON r.id = c.release_id WHERE r.deleted_at IS NULL AND r.status = 'published' AND instr(c.doc_json, ?) > 0")
        .all(input.hash) as { status: string; urgency: string | null; embargo_at: string | null }[];
      if (!rows.some((r) => isPublic({ status: r.status, urgency: r.urgency, embargoAt: r.embargo_at }, ctx.now())) && !feedHasPhoto(ctx, input.hash)) {
        throw new WartaError('not_found', 'Berkas tidak ditemukan.', { hash: input.hash });
      }
    }
    return photoDataUrl(ctx, input.hash);
  },

  'releases.settings': (_input, ctx) => ({ targetMinutes: readTargetMinutes(ctx) }),

  'releases.saveSettings': (input, ctx) => {
    ctx.mutator.write('release_settings', RELEASE_SETTINGS_ID, { target_minutes: input.targetMinutes });
    return { targetMinutes: readTargetMinutes(ctx) };
  },
};

interface VersionRow {
  id: string;
  release_id: string | null;
  reason: string | null;
  label: string | null;
  author: string | null;
  at: string | null;
  state_b64: string | null;
  fields: string | null;
}

function readVersion(ctx: CoreContext, id: string): VersionRow {
  const v = ctx.db.prepare('SELECT * FROM release_versions WHERE id = ? AND deleted_at IS NULL').get(id) as VersionRow | undefined;
  if (!v) throw new WartaError('not_found', 'Versi tidak ditemukan.', { id });
  return v;
}

function versionJson(stateB64: string | null): PmNode {
  const doc = new Y.Doc();
  if (stateB64) Y.applyUpdate(doc, Buffer.from(stateB64, 'base64'));
  const json = docToJson(doc);
  doc.destroy();
  return json;
}
