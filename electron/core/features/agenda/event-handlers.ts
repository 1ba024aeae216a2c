import { monthCells } from '../../../../shared/agenda/month-cells';
import { WartaError } from '../../../../shared/contract/errors';
import { calendarItemOf, publicView, type AgendaEvent, type CalendarItem, type EventValues } from '../../../../shared/agenda/event';
import { parseRule, RecurrenceError, seriesEnd } from '../../../../shared/agenda/recurrence';
import { dateKey } from '../../../../shared/agenda/zones';
import type { Conflict } from '../../../../shared/agenda/conflicts';
import type { FieldValue } from '../../../../shared/sync/replicated-tables';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { itemsInWindow } from './calendar';
import { checkCandidate } from './conflict-check';
import { itemOf, type EventRow } from '../../../../shared/agenda/event-rows';
import { readEvent, toFields } from './event-rows';
import { holidaysBetween } from './holidays';
import { feedAgendaItems } from './public-feed-read';
import { officeZone, readAgendaSettings } from './settings';

function checkRule(rrule: string | null): void {
  if (!rrule) return;
  try {
    parseRule(rrule);
  } catch (err) {
    if (err instanceof RecurrenceError) throw new WartaError('invalid_input', err.message, { field: 'rrule' });
    throw err;
  }
}

function checkReferences(ctx: CoreContext, v: Omit<EventValues, 'id'>): void {
  if (v.invitationFileHash && !ctx.blobs.has(v.invitationFileHash)) {
    throw new WartaError('not_found', 'Berkas surat undangan belum tersimpan; unggah ulang berkasnya.', { field: 'invitationFileHash' });
  }
}

type ConflictSelf = { eventId?: string | undefined; seriesId?: string | null; originalStartMs?: number | null };

/** The press room holds one booking at a time: that conflict refuses the save, the others warn. */
export function refusePressRoom(conflicts: Conflict[]): void {
  const clash = conflicts.find((c) => c.kind === 'press_room');
  if (!clash) return;
  throw new WartaError('conflict', `Ruang pers sudah dipesan untuk "${clash.otherTitle}" pada waktu itu. Pilih waktu lain.`, { reason: 'press_room_booked', otherEventId: clash.otherEventId, otherStartMs: clash.otherStartMs });
}

export function conflictsFor(ctx: CoreContext, v: Omit<EventValues, 'id'>, self: ConflictSelf): Conflict[] {
  const rules = readAgendaSettings(ctx.db);
  const item = itemOf({ ...v, id: self.eventId ?? '__candidate__', seriesId: null, originalStartMs: null, icsUid: null });
  return checkCandidate(ctx.db, { item, rrule: v.rrule }, rules, self, ctx.now());
}

/** Writes a validated event (new or existing) with its series bound; returns its id. */
export function writeEvent(ctx: CoreContext, v: Omit<EventValues, 'id'>, id: string | undefined, extra: Record<string, FieldValue> = {}): string {
  checkRule(v.rrule);
  const fields: Record<string, FieldValue> = { ...toFields(v), ...extra };
  // An imported series may carry further RRULEs; an edit in the form keeps them.
  const extraRules = Array.isArray(extra.rrule_extra) ? (extra.rrule_extra as string[]) : id ? readEvent(ctx, id).rruleExtra : [];
  if (v.rrule) fields.series_end_ms = seriesEnd({ startMs: v.startMs, durationMs: v.endMs === null ? null : v.endMs - v.startMs, zone: v.zone, rrule: v.rrule, extraRules });
  else fields.series_end_ms = null;
  if (id) {
    ctx.mutator.update('agenda_events', id, fields);
    return id;
  }
  return ctx.mutator.insert('agenda_events', fields);
}

function exceptionRow(ctx: CoreContext, seriesId: string, originalStartMs: number): EventRow | undefined {
  return ctx.db
    .prepare('SELECT * FROM agenda_events WHERE series_id = ? AND original_start_ms = ? AND rrule IS NULL AND deleted_at IS NULL')
    .get(seriesId, originalStartMs) as EventRow | undefined;
}

export function withoutMeta(e: AgendaEvent): Omit<EventValues, 'id'> {
  const { id: _id, seriesId: _s, originalStartMs: _o, icsUid: _u, rruleExtra: _x, icsTzid: _t, icsVtimezone: _v, createdAt: _c, updatedAt: _up, deletedAt: _d, ...rest } = e;
  return rest;
}

type EventMethods =
  | 'agenda.range'
  | 'agenda.events.get'
  | 'agenda.events.save'
  | 'agenda.events.check'
  | 'agenda.events.move'
  | 'agenda.events.cancelOccurrence'
  | 'agenda.events.delete'
  | 'agenda.events.restore';

export const eventHandlers: HandlerGroup<EventMethods> = {
  'agenda.range': (input, ctx, caller) => {
    const settings = readAgendaSettings(ctx.db);
    const { items, truncatedSeries } = itemsInWindow(ctx.db, input.from, input.to, settings.openEndMinutes * 60_000);
    const leaders = input.leaderIds && input.leaderIds.length > 0 ? new Set(input.leaderIds) : null;
    const kinds = input.kinds && input.kinds.length > 0 ? new Set<string>(input.kinds) : null;
    const staff = caller.can('agenda.read');
    const out: CalendarItem[] = [];
    for (const i of items) {
      if (leaders && !i.leaderIds.some((l) => leaders.has(l))) continue;
      if (kinds && !kinds.has(i.kind)) continue;
      const lean = calendarItemOf(i);
      const shown = staff ? lean : publicView(lean);
      if (shown) out.push(shown);
    }
    if (!staff) {
      // A press-room device's agenda comes from the office's public feed; its own items first.
      const seen = new Set(out.map((i) => i.key));
      for (const i of feedAgendaItems(ctx.db, input.from, input.to, settings.openEndMinutes * 60_000)) {
        if (seen.has(i.key) || (leaders && !i.leaderIds.some((l) => leaders.has(l))) || (kinds && !kinds.has(i.kind))) continue;
        out.push(i);
      }
      out.sort((a, b) => a.startMs - b.startMs || a.key.localeCompare(b.key));
    }
    const zone = officeZone(ctx);
    const holidays = holidaysBetween(ctx, dateKey(input.from, zone), dateKey(input.to - 1, zone));
    if (input.perDay === undefined) return { items: out, holidays, truncatedSeries, more: [] };
    const cells = monthCells(out, zone, input.perDay);
    return { items: cells.shown, holidays, truncatedSeries, more: cells.more };
  },
  'agenda.events.get': (input, ctx) => readEvent(ctx, input.id),
  'agenda.events.check': (input, ctx) => {
    const { id, ...v } = input;
    checkRule(v.rrule);
    return conflictsFor(ctx, v, { eventId: id });
  },
  'agenda.events.save': (input, ctx) => {
    const { id, ...v } = input;
    checkReferences(ctx, v);
    checkRule(v.rrule);
    let self: ConflictSelf = { eventId: id };
    if (id) {
      const existing = readEvent(ctx, id);
      if (existing.deletedAt) throw new WartaError('not_found', 'Kegiatan ini sudah dihapus; pulihkan dulu sebelum mengubahnya.', { id });
      if (existing.seriesId && v.rrule) throw new WartaError('invalid_input', 'Satu jadwal dari agenda berulang tidak dapat diberi pengulangan sendiri.', { field: 'rrule' });
      self = { eventId: id, seriesId: existing.seriesId, originalStartMs: existing.originalStartMs };
    }
    const conflicts = conflictsFor(ctx, v, self);
    refusePressRoom(conflicts);
    const saved = ctx.mutator.transaction(() => writeEvent(ctx, v, id));
    return { event: readEvent(ctx, saved), conflicts };
  },
  'agenda.events.move': (input, ctx) => {
    const target = readEvent(ctx, input.eventId);
    if (target.deletedAt) throw new WartaError('not_found', 'Kegiatan ini sudah dihapus.', { id: input.eventId });
    const occurrence = target.rrule && input.originalStartMs !== null;
    const v = { ...withoutMeta(target), startMs: input.startMs, endMs: input.endMs, ...(occurrence ? { rrule: null } : {}) };
    const ex = occurrence ? exceptionRow(ctx, target.id, input.originalStartMs as number) : undefined;
    const self: ConflictSelf = occurrence
      ? { eventId: ex?.id, seriesId: target.id, originalStartMs: input.originalStartMs }
      : { eventId: target.id, seriesId: target.seriesId, originalStartMs: target.originalStartMs };
    const conflicts = conflictsFor(ctx, v, self);
    refusePressRoom(conflicts);
    // Moving one occurrence: its exception row holds the new time; the series is untouched.
    const id = ctx.mutator.transaction(() => {
      if (!occurrence) return writeEvent(ctx, v, target.id);
      return ex ? writeEvent(ctx, v, ex.id) : writeEvent(ctx, v, undefined, { series_id: target.id, original_start_ms: input.originalStartMs });
    });
    return { event: readEvent(ctx, id), conflicts };
  },
  'agenda.events.cancelOccurrence': (input, ctx) => {
    const series = readEvent(ctx, input.seriesId);
    if (!series.rrule) throw new WartaError('invalid_input', 'Kegiatan ini tidak berulang.', { id: input.seriesId });
    const ex = exceptionRow(ctx, series.id, input.originalStartMs);
    const id = ex
      ? (ctx.mutator.update('agenda_events', ex.id, { status: 'cancelled' }), ex.id)
      : writeEvent(ctx, { ...withoutMeta(series), rrule: null, status: 'cancelled', startMs: input.originalStartMs, endMs: series.endMs === null ? null : input.originalStartMs + (series.endMs - series.startMs) }, undefined, {
          series_id: series.id,
          original_start_ms: input.originalStartMs,
        });
    return readEvent(ctx, id);
  },
  'agenda.events.delete': (input, ctx) => {
    const e = readEvent(ctx, input.id);
    ctx.mutator.transaction(() => {
      ctx.mutator.remove('agenda_events', e.id);
      // A series takes its exceptions with it; restoring it brings them back.
      if (e.rrule) {
        const ex = ctx.db.prepare('SELECT id FROM agenda_events WHERE series_id = ? AND deleted_at IS NULL').all(e.id) as { id: string }[];
        for (const x of ex) ctx.mutator.remove('agenda_events', x.id);
      }
    });
    return readEvent(ctx, e.id);
  },
  'agenda.events.restore': (input, ctx) => {
    const e = readEvent(ctx, input.id);
    ctx.mutator.transaction(() => {
      ctx.mutator.restore('agenda_events', e.id);
      if (e.rrule && e.deletedAt) {
        const ex = ctx.db.prepare('SELECT id FROM agenda_events WHERE series_id = ? AND deleted_at = ?').all(e.id, e.deletedAt) as { id: string }[];
        for (const x of ex) ctx.mutator.restore('agenda_events', x.id);
      }
    });
    return readEvent(ctx, e.id);
  },
};
