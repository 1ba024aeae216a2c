/**
 * Protocol's card: today's and tomorrow's agenda, leader by leader, with what still needs a
 * hand: double bookings, items without a confirmed disposition, coverage not yet assigned.
 */
import { findConflicts } from '../../../../shared/agenda/conflicts';
import type { DeskFlag, DeskItem } from '../../../../shared/home/desk';
import { slotOf } from '../agenda/conflict-check';
import { readAgendaSettings } from '../agenda/settings';
import type { CardAnswer, DeskScope } from './card-query';

/** Items a protocol desk shows for two days; more are counted and found in the agenda. */
const AGENDA_ITEMS_MAX = 16;
const COVERED_KINDS = new Set(['leader_agenda', 'press_conference', 'media_gathering']);

export function agendaDays(s: DeskScope): CardAnswer {
  const { db } = s.ctx;
  const rules = readAgendaSettings(db);
  const all = s.twoDays().filter((e) => e.startMs >= s.dayStart);
  const live = all.filter((e) => e.status !== 'cancelled' && e.status !== 'postponed');
  const slots = live.map(slotOf);
  const officials = db.prepare('SELECT id, name, precedence_rank FROM officials').all() as { id: string; name: string | null; precedence_rank: number | null }[];
  const names = new Map(officials.map((o) => [o.id, o.name ?? '']));
  const ranks = new Map(officials.map((o) => [o.id, o.precedence_rank ?? Number.MAX_SAFE_INTEGER]));
  // Per leader in order of precedence (UU 9/2010, kept as data): an item goes under its highest-ranking leader.
  const rankOf = (ids: readonly string[]) => Math.min(Number.MAX_SAFE_INTEGER, ...ids.map((id) => ranks.get(id) ?? Number.MAX_SAFE_INTEGER));
  const leaderLine = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? '').filter(Boolean).join(', ');
  const rows = live.map((e, i) => {
    const flags: DeskFlag[] = [];
    const slot = slots[i];
    if (slot && findConflicts(slot, slots, { travelMinutes: 0, openEndMinutes: rules.openEndMinutes }).some((c) => c.kind === 'leader')) flags.push('conflict');
    if (e.status === 'tentative') flags.push('unconfirmed');
    if (e.status === 'represented') flags.push('represented');
    if (COVERED_KINDS.has(e.kind) && !e.reporterId && !e.photographerId && !e.videographerId) flags.push('no_coverage');
    const leaders = leaderLine(e.leaderIds);
    const item: DeskItem = {
      key: e.key,
      title: e.title,
      detail: e.status === 'represented' && e.representedBy ? `${leaders} → ${e.representedBy}` : leaders,
      atMs: e.startMs,
      minutes: null,
      figure: e.placeName || null,
      flags,
      target: { section: 'agenda', startMs: e.startMs },
    };
    return { item, day: e.startMs < s.dayEnd ? 0 : 1, rank: rankOf(e.leaderIds) };
  });
  rows.sort((a, b) => a.day - b.day || a.rank - b.rank || (a.item.atMs ?? 0) - (b.item.atMs ?? 0));
  return { items: rows.slice(0, AGENDA_ITEMS_MAX).map((r) => r.item), total: rows.length };
}
