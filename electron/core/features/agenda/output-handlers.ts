import { buildDaySheet, daySheetWhatsApp, type DaySheetPerson } from '../../../../shared/agenda/day-sheet';
import type { AgendaEvent } from '../../../../shared/agenda/event';
import { expandRule } from '../../../../shared/agenda/recurrence';
import { addDaysToKey, dateKey, startOfDateKey } from '../../../../shared/agenda/zones';
import { WartaError } from '../../../../shared/contract/errors';
import { ICS_MAX_CHARS, ICS_MAX_EVENTS, type IcsPreviewRow } from '../../../../shared/contract/methods/agenda';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { itemsInWindow } from './calendar';
import { renderDaySheetDocx } from './day-sheet-docx';
import { renderPdfOffThread } from '../paper/pdf-thread';
import { toEvent, type EventRow } from '../../../../shared/agenda/event-rows';
import { exportIcs } from './ics-export';
import { parseIcs, type ParsedIcsEvent } from './ics-parse';
import { readOfficeProfile } from '../office/handlers';
import { loadLetterhead } from '../paper/letterhead';
import { listOfficials } from './people-handlers';
import { officeZone, readAgendaSettings } from './settings';
import { writeEvent } from './event-handlers';
import { eventInput } from '../../../../shared/agenda/event';

const IMPORT_CHUNK = 500;

const safeName = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'agenda';

interface Resolved {
  /** Rule occurrences to cancel (EXDATE), by their start. */
  cancel: number[];
  /** Starts to add (RDATE) that the rules do not give already. */
  extra: { startMs: number; endMs: number | null }[];
  remarks: string[];
}

const DAY_MS = 86_400_000;

/**
 * EXDATE and RDATE of one event against its rules, the way ical.js expands a series: an
 * EXDATE removes the occurrence it names (a date-only one, every occurrence on that date in
 * the series' zone), an RDATE adds a start the rules do not give. What matches nothing is
 * said in the preview instead of becoming a stray cancelled entry.
 */
function resolve(e: ParsedIcsEvent): Resolved {
  const out: Resolved = { cancel: [], extra: [], remarks: [...e.remarks] };
  const duration = e.endMs === null ? null : e.endMs - e.startMs;
  const spec = e.rrule ? { startMs: e.startMs, durationMs: duration, zone: e.zone, rrule: e.rrule, extraRules: e.rruleExtra } : null;
  const startsIn = (from: number, to: number) => (spec ? expandRule(spec, from, to).occurrences.map((o) => o.startMs) : [e.startMs].filter((s) => s >= from && s < to));
  for (const x of e.exdates) {
    if (x.kind === 'instant') {
      if (startsIn(x.ms - 1, x.ms + 1).includes(x.ms)) out.cancel.push(x.ms);
      else out.remarks.push(`EXDATE ${new Date(x.ms).toISOString().slice(0, 16).replace('T', ' ')} UTC tidak cocok dengan jadwal mana pun; diabaikan.`);
    } else {
      const from = startOfDateKey(x.key, e.zone);
      const hits = startsIn(from, from + DAY_MS).filter((s) => dateKey(s, e.zone) === x.key);
      if (hits.length) out.cancel.push(...hits);
      else out.remarks.push(`EXDATE ${x.key} tidak cocok dengan jadwal mana pun; diabaikan.`);
    }
  }
  for (const r of e.rdates) {
    if (out.cancel.includes(r.startMs)) continue;
    const given = startsIn(r.startMs - 1, r.startMs + 1).includes(r.startMs);
    const sameLength = (r.endMs === null ? null : r.endMs - r.startMs) === duration;
    if (given && sameLength) continue; // the rules already give it
    out.extra.push(r);
  }
  if (!spec && e.exdates.length) out.cancel = [];
  return out;
}

function plan(ctx: CoreContext, text: string): { rows: IcsPreviewRow[]; toCreate: ParsedIcsEvent[]; toExcept: ParsedIcsEvent[]; resolved: Map<ParsedIcsEvent, Resolved> } {
  const zone = officeZone(ctx);
  const parsed = parseIcs(text, zone, ICS_MAX_EVENTS);
  if (parsed.fileError) throw new WartaError('unsupported_file', parsed.fileError);
  const rows: IcsPreviewRow[] = parsed.skipped.map((s) => ({ index: s.index, uid: s.uid, title: s.title, startMs: null, endMs: null, zone: null, rrule: null, action: 'skip', reason: s.reason, remarks: [] }));
  const existing = ctx.db.prepare('SELECT 1 FROM agenda_events WHERE ics_uid = ? AND series_id IS NULL AND deleted_at IS NULL');
  const seen = new Set<string>();
  const seriesUids = new Set<string>();
  const toCreate: ParsedIcsEvent[] = [];
  const toExcept: ParsedIcsEvent[] = [];
  const resolved = new Map<ParsedIcsEvent, Resolved>();
  for (const e of parsed.events) if (e.recurrenceIdMs === null && e.rrule && e.uid) seriesUids.add(e.uid);
  for (const e of parsed.events) {
    const row = (action: IcsPreviewRow['action'], reason: string | null, remarks: string[] = e.remarks): IcsPreviewRow => ({
      index: e.index, uid: e.uid, title: e.title, startMs: e.startMs, endMs: e.endMs, zone: e.zone, rrule: e.rrule, action, reason, remarks,
    });
    if (e.recurrenceIdMs !== null) {
      if (!e.uid || (!seriesUids.has(e.uid) && !existing.get(e.uid))) {
        rows.push(row('skip', 'Perubahan satu jadwal tanpa agenda berulang induknya (UID) di berkas atau di agenda.'));
      } else if (seriesUids.has(e.uid)) {
        rows.push(row('exception', null));
        toExcept.push(e);
      } else rows.push(row('skip', 'Agenda berulang induknya sudah ada sebelumnya; perubahan satu jadwal tidak diimpor ulang.'));
      continue;
    }
    if (e.uid && seen.has(e.uid)) {
      rows.push(row('skip', 'UID yang sama muncul dua kali di berkas ini; yang pertama diambil.'));
      continue;
    }
    if (e.uid && existing.get(e.uid)) {
      rows.push(row('skip', 'Sudah ada di agenda (UID sama); tidak diimpor ulang.'));
      continue;
    }
    if (e.uid) seen.add(e.uid);
    const r = resolve(e);
    resolved.set(e, r);
    rows.push(row('new', null, r.remarks));
    toCreate.push(e);
  }
  rows.sort((a, b) => a.index - b.index);
  return { rows, toCreate, toExcept, resolved };
}

function valuesOf(e: ParsedIcsEvent) {
  return eventInput.parse({
    kind: 'leader_agenda',
    title: e.title,
    startMs: e.startMs,
    endMs: e.endMs,
    allDay: e.allDay,
    zone: e.zone,
    status: e.status,
    placeName: e.placeName,
    notes: e.notes,
    pressOpen: e.pressOpen,
    rrule: e.rrule,
  });
}

type OutputMethods = 'agenda.daySheet' | 'agenda.ics.export' | 'agenda.ics.preview' | 'agenda.ics.import';

export const outputHandlers: HandlerGroup<OutputMethods> = {
  'agenda.daySheet': async (input, ctx) => {
    const zone = officeZone(ctx);
    const dayKeys = Array.from({ length: input.days }, (_, i) => addDaysToKey(input.date, i));
    const from = startOfDateKey(input.date, zone);
    const to = startOfDateKey(addDaysToKey(input.date, input.days), zone);
    const settings = readAgendaSettings(ctx.db);
    const officials = listOfficials(ctx, true);
    const people = new Map<string, DaySheetPerson>(officials.map((o) => [o.id, { name: o.name, position: o.position }]));
    const leader = input.leaderId ? people.get(input.leaderId) ?? null : null;
    if (input.leaderId && !leader) throw new WartaError('not_found', 'Pimpinan tidak ditemukan.', { id: input.leaderId });
    const items = itemsInWindow(ctx.db, from, to, settings.openEndMinutes * 60_000, true).items.filter((i) => !input.leaderId || i.leaderIds.includes(input.leaderId));
    const sheet = buildDaySheet(items, { dayKeys, officeZone: zone, leader, people });
    if (input.format === 'whatsapp') return { text: daySheetWhatsApp(sheet) };
    const head = await loadLetterhead(ctx);
    const base = `agenda-${input.days === 7 ? 'mingguan' : 'harian'}-${input.date}${leader ? `-${safeName(leader.position)}` : ''}`;
    if (input.format === 'pdf') {
      const pdf = await renderPdfOffThread('daySheet', [sheet, head, input.paper]);
      return { fileName: `${base}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') };
    }
    const docx = await renderDaySheetDocx(sheet, head, input.paper);
    return { fileName: `${base}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: docx.toString('base64') };
  },
  'agenda.ics.export': (input, ctx) => {
    const rows = (ctx.db.prepare('SELECT * FROM agenda_events WHERE deleted_at IS NULL ORDER BY start_ms, id').all() as EventRow[]).map(toEvent);
    const seriesById = new Map<string, AgendaEvent>(rows.filter((r) => r.rrule).map((r) => [r.id, r]));
    const chosen = input.leaderId ? rows.filter((r) => r.leaderIds.includes(input.leaderId as string)) : rows;
    const leader = input.leaderId ? listOfficials(ctx, true).find((o) => o.id === input.leaderId) : null;
    if (input.leaderId && !leader) throw new WartaError('not_found', 'Pimpinan tidak ditemukan.', { id: input.leaderId });
    const name = leader ? `Agenda ${leader.position} ${leader.name}` : 'Agenda pimpinan';
    const profile = readOfficeProfile(ctx);
    const people = new Map(listOfficials(ctx, true).map((o) => [o.id, { name: o.name, position: o.position }]));
    const text = exportIcs(chosen, seriesById, {
      officeZone: officeZone(ctx),
      name,
      stampMs: ctx.now(),
      people,
      organizer: { name: profile ? `${profile.unit}, ${profile.institution}` : 'Warta', email: profile?.email ?? '' },
    });
    if (text.length > ICS_MAX_CHARS) {
      throw new WartaError('payload_too_large', `Agenda ini terlalu besar untuk satu berkas ICS (${chosen.length} kegiatan). Ekspor per pimpinan.`, { events: chosen.length });
    }
    return { fileName: `${leader ? safeName(`agenda-${leader.position}`) : 'agenda-pimpinan'}.ics`, text };
  },
  'agenda.ics.preview': (input, ctx) => {
    const { rows } = plan(ctx, input.text);
    return { rows, created: 0, exceptions: 0, skipped: rows.filter((r) => r.action === 'skip').length };
  },
  'agenda.ics.import': async (input, ctx) => {
    const { rows, toCreate, toExcept, resolved } = plan(ctx, input.text);
    const total = toCreate.length + toExcept.length;
    const progress = (done: number, finished: boolean) => ctx.events.emit('progress', { jobId: input.jobId, label: 'Impor ICS', done, total, finished });
    progress(0, false);
    const idByUid = new Map<string, string>();
    let done = 0;
    for (let i = 0; i < toCreate.length; i += IMPORT_CHUNK) {
      const chunk = toCreate.slice(i, i + IMPORT_CHUNK);
      ctx.mutator.transaction(() => {
        for (const e of chunk) {
          const r = resolved.get(e) ?? { cancel: [], extra: [], remarks: [] };
          const base = valuesOf(e);
          const id = writeEvent(ctx, base, undefined, { ics_uid: e.uid, rrule_extra: e.rruleExtra.length ? e.rruleExtra : null, ics_tzid: e.icsTzid, ics_vtimezone: e.icsVtimezone });
          if (e.uid) idByUid.set(e.uid, id);
          const length = (start: number) => (e.endMs === null ? null : start + (e.endMs - e.startMs));
          for (const ex of r.cancel) writeEvent(ctx, { ...base, rrule: null, status: 'cancelled', startMs: ex, endMs: length(ex) }, undefined, { series_id: id, original_start_ms: ex });
          r.extra.forEach((x, n) => {
            // An RDATE: an occurrence of the series at a start its rules do not give (without rules, an event of its own).
            if (e.rrule) writeEvent(ctx, { ...base, rrule: null, startMs: x.startMs, endMs: x.endMs ?? length(x.startMs) }, undefined, { series_id: id, original_start_ms: x.startMs });
            else writeEvent(ctx, { ...base, startMs: x.startMs, endMs: x.endMs ?? length(x.startMs) }, undefined, { ics_uid: e.uid ? `${e.uid}#rdate-${n + 1}` : null });
          });
        }
      });
      done += chunk.length;
      progress(done, false);
      // Let other calls (and the window) breathe between chunks.
      await new Promise((r) => setImmediate(r));
    }
    ctx.mutator.transaction(() => {
      for (const e of toExcept) {
        const seriesId = e.uid ? idByUid.get(e.uid) : undefined;
        if (!seriesId || e.recurrenceIdMs === null) continue;
        writeEvent(ctx, { ...valuesOf(e), rrule: null }, undefined, { series_id: seriesId, original_start_ms: e.recurrenceIdMs });
      }
    });
    done += toExcept.length;
    progress(done, true);
    return { rows, created: toCreate.length, exceptions: toExcept.length, skipped: rows.filter((r) => r.action === 'skip').length };
  },
};
