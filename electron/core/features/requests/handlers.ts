/**
 * Requests from the agencies (issue 13): a contributor's device (bound to one OPD at enrolment)
 * sends its OPD's requests; the PR desk enters requests on an OPD's behalf, numbers them per
 * year, answers them, and turns an accepted one into its agenda item and release draft in one
 * step, linked both ways. What may be written is the rulebook's (shared/rules/tables/requests.ts):
 * these handlers check the input and the moment, the mutation path judges every write.
 */
import { WartaError } from '../../../../shared/contract/errors';
import { eventInput } from '../../../../shared/agenda/event';
import { addDaysToKey, dateKey, startOfDateKey } from '../../../../shared/agenda/zones';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_REQUEST, OPEN_STATUSES, REQUEST_STATUSES, type RequestAction, type RequestStatus } from '../../../../shared/requests/model';
import { matchClause } from '../../db/search-match';
import { keptUntilWrite } from '../../db/until-write';
import type { Caller } from '../../caller';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { syncEngineOf } from '../../sync/engine';
import { looksLike } from '../attachments/file-sniff';
import { conflictsFor, refusePressRoom, writeEvent } from '../agenda/event-handlers';
import { officeZone } from '../agenda/settings';
import { createReleaseDraft } from '../releases/handlers';
import { readRequest, readRequestRow, REQUEST_SELECT, summaryOf, type RequestRow } from './rows';

/** A start this far in the past is still "now" (the form was filled a moment ago). */
const PAST_GRACE_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The OPD this device is bound to (a contributor's), or null at the office. */
function boundOpd(ctx: CoreContext): string | null {
  return syncEngineOf(ctx).boundOpd;
}

export const iso = (ctx: CoreContext) => new Date(ctx.now()).toISOString();

export function note(ctx: CoreContext, caller: Caller, r: { id: string; opd_id: string | null }, action: RequestAction, status: RequestStatus, text = ''): void {
  ctx.mutator.insert('request_history', { request_id: r.id, opd_id: r.opd_id, action, status, actor: caller.name, at: iso(ctx), note: text });
}

/** The next number of the year on this desk. Desks offline at once may give one twice: the board shows both (as releases' numbers). */
export function numberIfNeeded(ctx: CoreContext, caller: Caller, r: RequestRow): void {
  if (r.seq !== null) return;
  const year = Number(dateKey(ctx.now(), officeZone(ctx)).slice(0, 4));
  const max = (ctx.db.prepare('SELECT max(seq) FROM requests WHERE year = ?').pluck().get(year) as number | null) ?? 0;
  ctx.mutator.update('requests', r.id, { year, seq: max + 1 });
  note(ctx, caller, r, 'numbered', (r.status ?? 'submitted') as RequestStatus, `${String(max + 1).padStart(4, '0')}/PRM/${year}`);
}

/** A contributor's device names a request of another OPD (it should not even hold one): refused and kept in the audit log. */
export function refuseOtherOpd(ctx: CoreContext, caller: Caller, r: RequestRow, opd: string, what: string): void {
  if (r.opd_id === opd) return;
  ctx.audit.record(caller, { action: 'request.refused_other_opd', targetType: 'request', targetId: r.id, details: { what, deviceOpd: opd, requestOpd: r.opd_id } });
  throw new WartaError('forbidden', 'Permohonan ini milik OPD lain; perangkat ini hanya dapat mengurus permohonan OPD-nya sendiri.', { id: r.id });
}

function dayWindow(ctx: CoreContext): [number, number] {
  const zone = officeZone(ctx);
  const today = dateKey(ctx.now(), zone);
  return [startOfDateKey(today, zone), startOfDateKey(addDaysToKey(today, 1), zone)];
}

type Methods = 'requests.list' | 'requests.get' | 'requests.submit' | 'requests.withdraw' | 'requests.answer' | 'requests.assign' | 'requests.attach' | 'requests.attachment';

export const requestsHandlers: HandlerGroup<Methods> = {
  'requests.list': (input, ctx) => {
    const opd = boundOpd(ctx);
    const where: string[] = ['r.deleted_at IS NULL'];
    const args: unknown[] = [];
    // A contributor's device holds only its own OPD's requests; the filter says so once more.
    const filter = (clause: string, value: unknown) => {
      where.push(clause);
      args.push(value);
    };
    if (opd) filter('r.opd_id = ?', opd);
    const scope = [...where];
    const scopeArgs = [...args];
    if (input.opdId) filter('r.opd_id = ?', input.opdId);
    if (input.status) filter('r.status = ?', input.status);
    const q = input.query.trim();
    if (q) {
      // Title, description and inviter through the local full-text index (migration 0017); the
      // OPD's name is matched once against the 60-odd OPDs, not once per request.
      const match = matchClause('requests_fts', 'r.rowid', q);
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(${match.sql} OR r.opd_id IN (SELECT id FROM opd WHERE name LIKE ? ESCAPE '\\'))`);
      args.push(...match.args, like);
    }
    const [dayStart, dayEnd] = dayWindow(ctx);
    // Open requests due or starting today, each half read from its own index (migration 0017), not by
    // reading every open request of the year.
    const open = "deleted_at IS NULL AND status IN ('submitted', 'needs_info')";
    const dueClause = `r.rowid IN (SELECT rowid FROM requests WHERE ${open} AND due_ms >= ${dayStart} AND due_ms < ${dayEnd} UNION SELECT rowid FROM requests WHERE ${open} AND start_ms >= ${dayStart} AND start_ms < ${dayEnd})`;
    if (input.dueToday) where.push(`(${dueClause})`);
    const rows = ctx.db.prepare(`${REQUEST_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.submitted_at DESC, r.id DESC LIMIT ?`).all(...args, input.limit) as RequestRow[];
    // A page shorter than the limit is the whole match: no second pass over the table to count it.
    // Counts are kept until the next write: filters and pages change far more often than requests do.
    const db = ctx.db;
    const totalSql = `SELECT count(*) FROM requests r WHERE ${where.join(' AND ')}`;
    const total = rows.length < input.limit ? rows.length : keptUntilWrite(db, `requests.list:${totalSql}:${JSON.stringify(args)}`, () => db.prepare(totalSql).pluck().get(...args) as number);
    const { counts, dueToday } = keptUntilWrite(db, `requests.list:counts:${dueClause}:${JSON.stringify(scopeArgs)}`, () => {
      const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
      for (const c of db.prepare(`SELECT r.status AS status, count(*) AS n FROM requests r WHERE ${scope.join(' AND ')} GROUP BY r.status`).all(...scopeArgs) as { status: RequestStatus; n: number }[])
        if (c.status in counts) counts[c.status] = c.n;
      const dueToday = db.prepare(`SELECT count(*) FROM requests r WHERE ${scope.join(' AND ')} AND ${dueClause}`).pluck().get(...scopeArgs) as number;
      return { counts, dueToday };
    });
    const name = opd ? ((ctx.db.prepare('SELECT name FROM opd WHERE id = ?').pluck().get(opd) as string | undefined) ?? '') : '';
    return { items: rows.map(summaryOf), counts, dueToday, boundOpd: opd ? { id: opd, name } : null, total };
  },

  'requests.get': (input, ctx) => readRequest(ctx, input.id),

  'requests.submit': (input, ctx, caller) => {
    const opd = boundOpd(ctx);
    const existing = ctx.db.prepare(`${REQUEST_SELECT} WHERE r.id = ?`).get(input.id) as RequestRow | undefined;
    if (existing && opd) refuseOtherOpd(ctx, caller, existing, opd, 'submit');
    // The same form sent again (a double click, a retry after a hiccup): one request, not two.
    if (existing && existing.status !== 'needs_info') return readRequest(ctx, input.id);
    let opdId: string | null;
    let channel = input.channel;
    if (opd) {
      if (!caller.can('requests.submit') && !caller.can('requests.manage')) throw new WartaError('forbidden', 'Anda tidak boleh mengirim permohonan.', { permission: 'requests.submit' });
      opdId = opd;
      channel = 'app';
    } else {
      if (!caller.can('requests.manage')) throw new WartaError('forbidden', 'Permohonan atas nama OPD dicatat oleh staf Humas (izin requests.manage).', { permission: 'requests.manage' });
      // An invitation may come from outside the government (a university, a company): no OPD, its inviter named.
      const outside = input.kind === 'invitation' && !input.opdId;
      if (outside && !input.inviter) throw new WartaError('invalid_input', 'Pilih OPD pengundang, atau tuliskan nama pihak luar yang mengundang.', { field: 'inviter' });
      if (!outside && !input.opdId) throw new WartaError('invalid_input', 'Pilih OPD yang mengajukan permohonan.', { field: 'opdId' });
      if (input.opdId && !ctx.db.prepare('SELECT 1 FROM opd WHERE id = ? AND deleted_at IS NULL').get(input.opdId)) throw new WartaError('not_found', 'OPD itu tidak ada di daftar OPD.', { field: 'opdId' });
      if (channel === 'app') throw new WartaError('invalid_input', 'Catat lewat saluran apa permohonan ini datang (telepon, WhatsApp, surat …).', { field: 'channel' });
      opdId = existing?.opd_id ?? input.opdId;
    }
    if (input.startMs !== null && input.startMs < ctx.now() - PAST_GRACE_MS && input.kind !== 'material')
      throw new WartaError('invalid_input', 'Waktu kegiatan sudah lewat; periksa tanggal dan jamnya.', { field: 'startMs' });
    const values = {
      kind: input.kind,
      title: input.title,
      description: input.description,
      place: input.place,
      start_ms: input.kind === 'material' ? null : input.startMs,
      end_ms: input.kind === 'material' ? null : input.endMs,
      zone: input.zone,
      attendees: input.attendees,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      material: input.material,
      inviter: input.kind === 'invitation' ? input.inviter : null,
      invitation_number: input.kind === 'invitation' ? input.invitationNumber : null,
      invitation_date: input.kind === 'invitation' ? input.invitationDate : null,
      status: 'submitted',
    };
    ctx.mutator.transaction(() => {
      if (existing) {
        // Sent again after the desk asked for more.
        ctx.mutator.update('requests', input.id, values);
        note(ctx, caller, existing, 'resubmitted', 'submitted');
        return;
      }
      ctx.mutator.write('requests', input.id, { ...values, opd_id: opdId, channel, submitted_at: iso(ctx), submitted_by: caller.name, created_at: iso(ctx) });
      const row = { id: input.id, opd_id: opdId };
      note(ctx, caller, row, 'submitted', 'submitted', opd ? '' : `Dicatat oleh Humas (${channel}).`);
      // The desk entering a request takes it up at once: it gets its number.
      if (!opd) numberIfNeeded(ctx, caller, readRequestRow(ctx, input.id));
    });
    return readRequest(ctx, input.id);
  },

  'requests.withdraw': (input, ctx, caller) => {
    const r = readRequestRow(ctx, input.id);
    const opd = boundOpd(ctx);
    if (opd) refuseOtherOpd(ctx, caller, r, opd, 'withdraw');
    if (!OPEN_STATUSES.includes(r.status as RequestStatus)) throw new WartaError('conflict', 'Permohonan ini sudah dijawab atau ditarik; tidak dapat ditarik lagi.', { status: r.status });
    ctx.mutator.transaction(() => {
      ctx.mutator.update('requests', r.id, { status: 'withdrawn' });
      note(ctx, caller, r, 'withdrawn', 'withdrawn');
    });
    return readRequest(ctx, r.id);
  },

  'requests.answer': (input, ctx, caller) => {
    if (boundOpd(ctx)) throw new WartaError('forbidden', 'Perangkat kontributor OPD tidak menjawab permohonan; jawaban datang dari Humas.', { permission: 'requests.manage' });
    const r = readRequestRow(ctx, input.id);
    if (!OPEN_STATUSES.includes(r.status as RequestStatus)) throw new WartaError('conflict', 'Permohonan ini sudah dijawab atau ditarik OPD.', { status: r.status });
    if (input.action === 'accept' && r.kind === 'invitation')
      throw new WartaError('conflict', 'Undangan pimpinan dijawab dengan disposisi pimpinan (hadir, diwakilkan atau tidak hadir), bukan diterima.', { kind: r.kind });
    if (input.action === 'accept' && r.status === 'needs_info')
      throw new WartaError('conflict', 'Humas masih menunggu kelengkapan dari OPD; terima setelah OPD mengirim ulang.', { status: r.status });
    ctx.mutator.transaction(() => {
      numberIfNeeded(ctx, caller, r);
      const answer = { answer: input.note, answered_at: iso(ctx) };
      if (input.action !== 'accept') {
        const status: RequestStatus = input.action === 'decline' ? 'declined' : 'needs_info';
        ctx.mutator.update('requests', r.id, { ...answer, status });
        note(ctx, caller, r, input.action === 'decline' ? 'declined' : 'needs_info', status, input.note);
        return;
      }
      let eventId: string | null = null;
      let releaseId: string | null = null;
      const title = r.title ?? '';
      if (r.kind === 'publicity' || r.kind === 'press_conference') {
        const press = r.kind === 'press_conference';
        const v = eventInput.parse({
          kind: press ? 'press_conference' : 'leader_agenda',
          title,
          startMs: r.start_ms,
          endMs: r.end_ms,
          zone: r.zone ?? 'WIB',
          placeName: press ? 'Ruang pers' : (r.place ?? ''),
          usesPressRoom: press,
          organiserOpdId: r.opd_id && UUID.test(r.opd_id) ? r.opd_id : null,
          pressOpen: true,
          notes: [r.attendees ? `Yang hadir: ${r.attendees}` : '', r.contact_name ? `Narahubung: ${r.contact_name} ${r.contact_phone ?? ''}`.trim() : ''].filter(Boolean).join('\n'),
        });
        // The press room holds one booking at a time: a clash refuses the acceptance, naming the booking.
        refusePressRoom(conflictsFor(ctx, v, {}));
        eventId = writeEvent(ctx, v, undefined, { request_id: r.id });
        if (input.makeRelease) {
          // The release's time-to-release clock runs from the activity's end.
          const end = new Date(r.end_ms ?? r.start_ms ?? ctx.now()).toISOString();
          releaseId = createReleaseDraft(ctx, caller.name, { title, eventId, eventEndAt: end, opdId: r.opd_id, requestId: r.id });
        }
      } else {
        const paragraphs = (r.material ?? '').split(/\n\s*\n|\r?\n/);
        releaseId = createReleaseDraft(ctx, caller.name, { title, eventId: null, eventEndAt: null, opdId: r.opd_id, requestId: r.id, paragraphs });
      }
      ctx.mutator.update('requests', r.id, { ...answer, status: 'accepted', agenda_event_id: eventId, release_id: releaseId });
      note(ctx, caller, r, 'accepted', 'accepted', input.note);
    });
    ctx.audit.record(caller, { action: `request.${input.action}`, targetType: 'request', targetId: r.id, details: { opdId: r.opd_id } });
    return readRequest(ctx, r.id);
  },

  'requests.assign': (input, ctx, caller) => {
    if (boundOpd(ctx)) throw new WartaError('forbidden', 'Perangkat kontributor OPD tidak menugaskan staf Humas.', { permission: 'requests.manage' });
    const r = readRequestRow(ctx, input.id);
    if (input.assigneeId && !ctx.db.prepare('SELECT 1 FROM staff_accounts WHERE id = ? AND deleted_at IS NULL').get(input.assigneeId))
      throw new WartaError('not_found', 'Akun staf itu tidak ada.', { field: 'assigneeId' });
    ctx.mutator.transaction(() => {
      numberIfNeeded(ctx, caller, r);
      ctx.mutator.update('requests', r.id, { assignee_id: input.assigneeId, due_ms: input.dueMs });
      note(ctx, caller, r, 'assigned', (r.status ?? 'submitted') as RequestStatus);
    });
    return readRequest(ctx, r.id);
  },

  'requests.attach': (input, ctx, caller) => {
    const r = readRequestRow(ctx, input.requestId);
    const opd = boundOpd(ctx);
    if (opd) refuseOtherOpd(ctx, caller, r, opd, 'attach');
    const data = Buffer.from(input.base64, 'base64');
    if (data.length === 0) throw new WartaError('invalid_input', 'Berkas lampiran kosong.', { field: 'file' });
    if (data.length > ATTACHMENT_MAX_BYTES) throw new WartaError('payload_too_large', 'Lampiran lebih dari 10 MB.', { field: 'file', limit: ATTACHMENT_MAX_BYTES });
    if (!looksLike(input.mime, data)) throw new WartaError('unsupported_file', `Isi berkas "${input.fileName}" tidak sesuai jenisnya (harus PDF, PNG, JPEG atau DOCX).`, { field: 'file' });
    const held = ctx.db.prepare('SELECT count(*) FROM request_attachments WHERE request_id = ? AND deleted_at IS NULL').pluck().get(r.id) as number;
    if (held >= ATTACHMENTS_PER_REQUEST) throw new WartaError('invalid_input', `Satu permohonan paling banyak ${ATTACHMENTS_PER_REQUEST} lampiran.`, { field: 'file' });
    const { hash } = ctx.blobs.put(data);
    ctx.mutator.insert('request_attachments', { request_id: r.id, opd_id: r.opd_id, file_hash: hash, file_name: input.fileName, file_mime: input.mime, file_size: data.length, added_by: caller.name, added_at: iso(ctx) });
    return readRequest(ctx, r.id);
  },

  'requests.attachment': (input, ctx) => {
    const a = ctx.db.prepare('SELECT request_id, file_hash, file_name, file_mime FROM request_attachments WHERE id = ? AND deleted_at IS NULL').get(input.id) as
      | { request_id: string; file_hash: string | null; file_name: string | null; file_mime: string | null }
      | undefined;
    if (!a || !a.file_hash) throw new WartaError('not_found', 'Lampiran tidak ditemukan.', { id: input.id });
    if (!ctx.blobs.has(a.file_hash)) throw new WartaError('not_found', 'Berkas lampiran belum sampai di komputer ini; sinkronkan lalu coba lagi.', { id: input.id });
    return { fileName: a.file_name || 'lampiran', mime: a.file_mime || 'application/octet-stream', base64: ctx.blobs.get(a.file_hash).toString('base64') };
  },
};
