import { describe, expect, it } from 'vitest';
import { findConflicts, type Slot } from '../../../shared/agenda/conflicts';

const H = 3_600_000;
const T = Date.UTC(2026, 10, 23, 1, 0); // 08.00 WIB
const rules = { travelMinutes: 30, openEndMinutes: 120 };

function slot(over: Partial<Slot>): Slot {
  return { key: over.eventId ?? 'x', eventId: 'x', title: 'Acara', startMs: T, endMs: T + H, placeName: 'Balai Kota', leaderIds: [], staffIds: [], usesPressRoom: false, holdsLeaders: true, cancelled: false, ...over };
}

describe('conflicts', () => {
  it('finds a leader in two places at once, and not when the leader differs', () => {
    const a = slot({ eventId: 'a', leaderIds: ['wk'] });
    expect(findConflicts(a, [slot({ eventId: 'b', leaderIds: ['wk'], startMs: T + H / 2, endMs: T + 2 * H })], rules)).toMatchObject([{ kind: 'leader', personId: 'wk', otherEventId: 'b', travelOnly: false }]);
    expect(findConflicts(a, [slot({ eventId: 'b', leaderIds: ['wawali'], startMs: T + H / 2 })], rules)).toEqual([]);
  });

  it('compares instants, so 09.30 WITA overlaps 08.00–09.00 WIB', () => {
    const a = slot({ eventId: 'a', leaderIds: ['wk'] });
    const wita = Date.UTC(2026, 10, 23, 1, 30); // 09.30 WITA = 08.30 WIB
    expect(findConflicts(a, [slot({ eventId: 'b', leaderIds: ['wk'], startMs: wita, endMs: wita + H })], rules)).toHaveLength(1);
  });

  it('adds the travel time between different places only', () => {
    const a = slot({ eventId: 'a', leaderIds: ['wk'] });
    const after = slot({ eventId: 'b', leaderIds: ['wk'], startMs: T + H + 15 * 60_000, endMs: T + 2 * H, placeName: 'Pendopo Kecamatan' });
    expect(findConflicts(a, [after], rules)).toMatchObject([{ kind: 'leader', travelOnly: true }]);
    expect(findConflicts(a, [{ ...after, placeName: 'balai kota ' }], rules)).toEqual([]);
    expect(findConflicts(a, [after], { ...rules, travelMinutes: 10 })).toEqual([]);
  });

  it('counts an open end as the set length', () => {
    const a = slot({ eventId: 'a', leaderIds: ['wk'], endMs: null });
    const later = slot({ eventId: 'b', leaderIds: ['wk'], startMs: T + 90 * 60_000, endMs: T + 3 * H });
    expect(findConflicts(a, [later], rules)).toHaveLength(1);
    expect(findConflicts(a, [later], { travelMinutes: 0, openEndMinutes: 60 })).toEqual([]);
  });

  it('finds assigned staff and a doubly booked press room; ignores cancelled and represented items for leaders', () => {
    const a = slot({ eventId: 'a', staffIds: ['rep1'], usesPressRoom: true });
    const b = slot({ eventId: 'b', staffIds: ['rep1'], usesPressRoom: true, startMs: T + H / 2 });
    expect(findConflicts(a, [b], rules).map((c) => c.kind).sort()).toEqual(['press_room', 'staff']);
    expect(findConflicts(a, [{ ...b, cancelled: true }], rules)).toEqual([]);
    const lead = slot({ eventId: 'c', leaderIds: ['wk'] });
    expect(findConflicts(lead, [slot({ eventId: 'd', leaderIds: ['wk'], holdsLeaders: false })], rules)).toEqual([]);
    // The press room is free again right after: back-to-back bookings are fine.
    expect(findConflicts(a, [{ ...b, staffIds: [], startMs: T + H, endMs: T + 2 * H }], rules)).toEqual([]);
  });
});
