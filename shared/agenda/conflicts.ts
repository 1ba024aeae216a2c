/**
 * Conflicts: a leader or an assigned staff member in two places at once, or the press room
 * booked twice. Times are instants, so events entered in different zones compare correctly.
 * Between events at different places the travel time is added on both sides; an open end
 * ("s.d. selesai") counts as `openEndMinutes` long.
 */
export interface Slot {
  key: string;
  eventId: string;
  title: string;
  startMs: number;
  endMs: number | null;
  placeName: string;
  leaderIds: readonly string[];
  staffIds: readonly string[];
  usesPressRoom: boolean;
  /** Cancelled, postponed and represented items do not hold the leader. */
  holdsLeaders: boolean;
  cancelled: boolean;
}

export type ConflictKind = 'leader' | 'staff' | 'press_room';

export interface Conflict {
  kind: ConflictKind;
  /** The leader or staff member concerned; null for the press room. */
  personId: string | null;
  otherKey: string;
  otherEventId: string;
  otherTitle: string;
  otherStartMs: number;
  otherEndMs: number | null;
  /** True when only the travel time makes it a conflict. */
  travelOnly: boolean;
}

export interface ConflictRules {
  travelMinutes: number;
  openEndMinutes: number;
}

export function endOf(slot: Pick<Slot, 'startMs' | 'endMs'>, rules: ConflictRules): number {
  return slot.endMs ?? slot.startMs + rules.openEndMinutes * 60_000;
}

const samePlace = (a: string, b: string) => a.trim().toLowerCase() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Conflicts of `candidate` against `others` (the candidate's own occurrences are skipped by eventId). */
export function findConflicts(candidate: Slot, others: readonly Slot[], rules: ConflictRules): Conflict[] {
  const out: Conflict[] = [];
  if (candidate.cancelled) return out;
  const aStart = candidate.startMs;
  const aEnd = endOf(candidate, rules);
  const travel = rules.travelMinutes * 60_000;
  for (const other of others) {
    if (other.eventId === candidate.eventId || other.cancelled) continue;
    const bStart = other.startMs;
    const bEnd = endOf(other, rules);
    const overlaps = aStart < bEnd && bStart < aEnd;
    const pad = samePlace(candidate.placeName, other.placeName) ? 0 : travel;
    const nearby = aStart < bEnd + pad && bStart < aEnd + pad;
    if (!nearby) continue;
    const base = { otherKey: other.key, otherEventId: other.eventId, otherTitle: other.title, otherStartMs: bStart, otherEndMs: other.endMs, travelOnly: !overlaps };
    if (candidate.holdsLeaders && other.holdsLeaders) {
      for (const l of candidate.leaderIds) if (other.leaderIds.includes(l)) out.push({ kind: 'leader', personId: l, ...base });
    }
    for (const s of candidate.staffIds) if (other.staffIds.includes(s)) out.push({ kind: 'staff', personId: s, ...base });
    if (overlaps && candidate.usesPressRoom && other.usesPressRoom) out.push({ kind: 'press_room', personId: null, ...base });
  }
  return out;
}
