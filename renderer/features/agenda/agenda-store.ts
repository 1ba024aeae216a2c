import { create } from 'zustand';
import type { CalendarItem, EventKind } from '../../../shared/agenda/event';
import { MONTH_CELL_ROWS, monthGridRange } from '../../../shared/agenda/month-cells';
import type { EventZone } from '../../../shared/agenda/zones';
import type { Holiday } from '../../../shared/agenda/holidays';
import type { CoverageStaff, Official } from '../../../shared/agenda/people';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { AgendaSettings, SaveResult } from '../../../shared/contract/methods/agenda';
import type { CallResult } from '../../../shared/contract/result';
import { call } from '../../api/client';

export interface MoveUndo {
  title: string;
  eventId: string;
  originalStartMs: number | null;
  /** Where it was before the move. */
  startMs: number;
  endMs: number | null;
  /** Where it went. */
  movedToMs: number;
}

interface AgendaStore {
  /** `perDay` for a month grid: the core answers with its rows a day and a count of the rest. */
  range: { from: number; to: number; perDay?: number } | null;
  items: CalendarItem[];
  /** Days the core left items out of (with `perDay`), and how many. */
  more: { date: string; count: number }[];
  holidays: Holiday[];
  truncated: boolean;
  officials: Official[];
  staff: CoverageStaff[];
  settings: AgendaSettings | null;
  leaderFilter: string[];
  kindFilter: EventKind[];
  error: ErrorPayload | null;
  undo: MoveUndo | null;
  loadRange(from: number, to: number, perDay?: number): Promise<void>;
  /**
   * Asks for the month grid of `day` as the page opens, before FullCalendar has drawn and reported
   * its dates (datesSet), so the query runs while the empty grid is laid out.
   */
  loadMonthEarly(day: string, zone: EventZone): void;
  reload(): Promise<void>;
  loadPeople(): Promise<void>;
  setLeaderFilter(ids: string[]): void;
  setKindFilter(kinds: EventKind[]): void;
  move(item: CalendarItem, startMs: number, endMs: number | null): Promise<CallResult<SaveResult>>;
  undoMove(): Promise<ErrorPayload | null>;
  dismissUndo(): void;
}

let seq = 0;
/** The month grid asked for by loadMonthEarly, until the calendar asks for the same (or other) dates. */
let early: { key: string; promise: Promise<void> } | null = null;

export const useAgendaStore = create<AgendaStore>()((set, get) => ({
  range: null,
  items: [],
  more: [],
  holidays: [],
  truncated: false,
  officials: [],
  staff: [],
  settings: null,
  leaderFilter: [],
  kindFilter: [],
  error: null,
  undo: null,
  loadRange(from, to, perDay) {
    const { leaderFilter, kindFilter } = get();
    const key = JSON.stringify([from, to, perDay, leaderFilter, kindFilter]);
    // The page asked for this month grid as it opened (loadMonthEarly); FullCalendar's report of
    // the same dates waits for that answer instead of asking again.
    if (early?.key === key) {
      const { promise } = early;
      early = null;
      return promise;
    }
    early = null;
    set({ range: perDay === undefined ? { from, to } : { from, to, perDay } });
    const mine = ++seq;
    return call('agenda.range', { from, to, leaderIds: leaderFilter, kinds: kindFilter, ...(perDay === undefined ? {} : { perDay }) }).then((result) => {
      // A later request (the user moved on) wins over an earlier one that answers late.
      if (mine !== seq) return;
      if (result.ok) set({ items: result.value.items, more: result.value.more, holidays: result.value.holidays, truncated: result.value.truncatedSeries.length > 0, error: null });
      else set({ error: result.error });
    });
  },
  loadMonthEarly(day, zone) {
    const { from, to } = monthGridRange(day, zone);
    const promise = get().loadRange(from, to, MONTH_CELL_ROWS);
    early = { key: JSON.stringify([from, to, MONTH_CELL_ROWS, get().leaderFilter, get().kindFilter]), promise };
  },
  async reload() {
    // A reload follows a change: an answer asked for before it is not reused.
    early = null;
    const r = get().range;
    if (r) await get().loadRange(r.from, r.to, r.perDay);
  },
  async loadPeople() {
    const [officials, staff, settings] = await Promise.all([
      call('agenda.officials.list', { includeDeleted: false }),
      call('agenda.staff.list', { includeDeleted: false }),
      call('agenda.settings.get', { includeDeleted: false }),
    ]);
    set({
      officials: officials.ok ? officials.value : get().officials,
      staff: staff.ok ? staff.value : get().staff,
      settings: settings.ok ? settings.value : get().settings,
    });
  },
  setLeaderFilter(ids) {
    set({ leaderFilter: ids });
    void get().reload();
  },
  setKindFilter(kinds) {
    set({ kindFilter: kinds });
    void get().reload();
  },
  async move(item, startMs, endMs) {
    const result = await call('agenda.events.move', { eventId: item.recurring && item.seriesId && !isException(item) ? item.seriesId : item.eventId, originalStartMs: item.recurring && !isException(item) ? item.originalStartMs : null, startMs, endMs });
    if (result.ok) {
      set({ undo: { title: item.title, eventId: result.value.event.id, originalStartMs: null, startMs: item.startMs, endMs: item.endMs, movedToMs: startMs } });
    }
    await get().reload();
    return result;
  },
  async undoMove() {
    const u = get().undo;
    if (!u) return null;
    const result = await call('agenda.events.move', { eventId: u.eventId, originalStartMs: u.originalStartMs, startMs: u.startMs, endMs: u.endMs });
    set({ undo: null });
    await get().reload();
    return result.ok ? null : result.error;
  },
  dismissUndo: () => set({ undo: null }),
}));

/** An exception row (a moved occurrence) is moved as itself; a plain occurrence through its series. */
export function isException(item: CalendarItem): boolean {
  return item.recurring && item.seriesId !== null && item.eventId !== item.seriesId;
}
