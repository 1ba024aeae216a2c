import { findConflicts, type Conflict, type ConflictRules, type Slot } from '../../../../shared/agenda/conflicts';
import { MAX_EVENT_MS, type CalendarItem } from '../../../../shared/agenda/event';
import { expandRule } from '../../../../shared/agenda/recurrence';
import type { Db } from '../../db/open-database';
import { itemsInWindow } from './calendar';

/** How far ahead a recurring candidate is checked. */
export const SERIES_CHECK_HORIZON_MS = 366 * 24 * 3_600_000;
/** Candidate occurrences checked per save. */
export const SERIES_CHECK_MAX = 400;

export function slotOf(i: CalendarItem): Slot & { seriesId: string | null; originalStartMs: number | null } {
  return {
    key: i.key,
    eventId: i.eventId,
    seriesId: i.seriesId,
    originalStartMs: i.originalStartMs,
    title: i.title,
    startMs: i.startMs,
    endMs: i.endMs,
    placeName: i.placeName,
    leaderIds: i.leaderIds,
    staffIds: [i.reporterId, i.photographerId, i.videographerId].filter((x): x is string => !!x),
    usesPressRoom: i.usesPressRoom,
    holdsLeaders: i.status === 'confirmed' || i.status === 'tentative',
    cancelled: i.status === 'cancelled' || i.status === 'postponed',
  };
}

export interface Candidate {
  item: CalendarItem;
  rrule: string | null;
}

/**
 * Conflicts of an event about to be saved. `self` is the event's id (and for a moved
 * occurrence, the series it belongs to): its own rows and occurrences never conflict with it.
 */
export function checkCandidate(db: Db, cand: Candidate, rules: ConflictRules, self: { eventId?: string | undefined; seriesId?: string | null; originalStartMs?: number | null }, now: number): Conflict[] {
  const duration = cand.item.endMs === null ? null : cand.item.endMs - cand.item.startMs;
  // A series is checked for the year ahead (from its start, or from today for one begun long ago).
  const horizonFrom = Math.max(cand.item.startMs, now - 24 * 3_600_000);
  const occurrences = cand.rrule
    ? expandRule({ startMs: cand.item.startMs, durationMs: duration, zone: cand.item.zone, rrule: cand.rrule }, horizonFrom, horizonFrom + SERIES_CHECK_HORIZON_MS, rules.openEndMinutes * 60_000).occurrences.slice(0, SERIES_CHECK_MAX)
    : [{ originalStartMs: cand.item.startMs, startMs: cand.item.startMs, endMs: cand.item.endMs }];
  if (occurrences.length === 0) return [];
  const pad = rules.travelMinutes * 60_000 + rules.openEndMinutes * 60_000;
  const first = occurrences[0]!.startMs;
  const lastOcc = occurrences[occurrences.length - 1]!;
  const last = (lastOcc.endMs ?? lastOcc.startMs) + pad;
  const { items } = itemsInWindow(db, first - pad, last, rules.openEndMinutes * 60_000);
  const others = items
    .filter((i) => {
      if (self.eventId && (i.eventId === self.eventId || i.seriesId === self.eventId)) return false;
      // The occurrence a moved exception replaces is not "another" event.
      if (self.seriesId && i.seriesId === self.seriesId && i.originalStartMs === self.originalStartMs) return false;
      return true;
    })
    .map(slotOf);
  const out: Conflict[] = [];
  const base = slotOf(cand.item);
  let lo = 0;
  for (const o of occurrences) {
    const slot = { ...base, startMs: o.startMs, endMs: o.endMs, eventId: self.eventId ?? '__candidate__' };
    while (lo < others.length && others[lo]!.startMs < o.startMs - MAX_EVENT_MS - pad) lo += 1;
    const near: Slot[] = [];
    const end = (o.endMs ?? o.startMs) + pad;
    for (let k = lo; k < others.length && others[k]!.startMs < end; k++) near.push(others[k]!);
    out.push(...findConflicts(slot, near, rules));
  }
  return out;
}
