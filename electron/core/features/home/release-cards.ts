/**
 * The newsroom's cards: today's events against the one-hour promise, releases waiting for
 * review, the caller's drafts, and embargoes lifting today. Each is one indexed query.
 */
import type { DeskFlag, DeskItem } from '../../../../shared/home/desk';
import { DESK_ITEMS_MAX } from '../../../../shared/home/desk';
import { readAgendaSettings } from '../agenda/settings';
import { minutesBetween, type CardAnswer, type DeskScope } from './card-query';

/** Kinds of event a release is written from; internal meetings and campaign days are not covered. */
const COVERED_KINDS = new Set(['leader_agenda', 'press_conference', 'media_gathering']);

/**
 * Today's covered events that have begun, each with its release's clock: minutes from the
 * event's end to publication (or to now while unpublished) against the office's target.
 */
export function releaseClock(s: DeskScope): CardAnswer {
  const { db } = s.ctx;
  const openEndMs = readAgendaSettings(db).openEndMinutes * 60_000;
  // Begun today: the shared two-day read, cut to events that started between today's start and now.
  const events = s.twoDays().filter(
    (e) => COVERED_KINDS.has(e.kind) && e.status !== 'cancelled' && e.status !== 'postponed' && e.startMs <= s.now && e.startMs >= s.dayStart,
  );
  const releaseOf = db.prepare(
    `SELECT id, status, published_at FROM releases WHERE event_id = ? AND deleted_at IS NULL AND status != 'withdrawn'
     ORDER BY (status = 'published') DESC, published_at, id LIMIT 1`,
  );
  const rows = events.map((e) => {
    const endMs = e.endMs ?? e.startMs + openEndMs;
    const rel = releaseOf.get(e.eventId) as { id: string; status: string; published_at: string | null } | undefined;
    const published = rel?.status === 'published' && rel.published_at !== null;
    const until = published ? Date.parse(rel.published_at as string) : s.now;
    const minutes = minutesBetween(endMs, until);
    const flags: DeskFlag[] = [];
    if (published) flags.push(minutes <= s.targetMinutes ? 'ok' : 'late', 'published');
    else if (minutes > s.targetMinutes) flags.push('late');
    else if (minutes >= 0) flags.push('soon');
    const item: DeskItem = {
      key: e.key,
      title: e.title,
      detail: rel ? '' : 'Belum ada rilis',
      atMs: endMs,
      minutes,
      figure: null,
      flags,
      target: { section: 'releases', releaseId: rel?.id ?? null },
    };
    // Unpublished and late first, then the rest by how long their clock has run.
    return { item, rank: published ? 2 : minutes > s.targetMinutes ? 0 : 1 };
  });
  rows.sort((a, b) => a.rank - b.rank || (b.item.minutes ?? 0) - (a.item.minutes ?? 0));
  return { items: rows.slice(0, DESK_ITEMS_MAX).map((r) => r.item), total: rows.length };
}

/** Releases in review, the longest waiting first, with when they were sent for review. */
export function awaitingReview(s: DeskScope): CardAnswer {
  const { db } = s.ctx;
  const rows = db
    .prepare(
      `SELECT r.id, r.title, r.writer,
         (SELECT max(t.at) FROM release_transitions t WHERE t.release_id = r.id AND t.to_status = 'in_review') AS sent_at
       FROM releases r WHERE r.status = 'in_review' AND r.deleted_at IS NULL ORDER BY sent_at, r.id`,
    )
    .all() as { id: string; title: string | null; writer: string | null; sent_at: string | null }[];
  const items = rows.slice(0, DESK_ITEMS_MAX).map((r): DeskItem => {
    const at = r.sent_at ? Date.parse(r.sent_at) : null;
    const minutes = at === null ? null : minutesBetween(at, s.now);
    return {
      key: r.id,
      title: r.title ?? '',
      detail: r.writer ?? '',
      atMs: at,
      minutes,
      figure: null,
      flags: minutes !== null && minutes > s.targetMinutes ? ['late'] : [],
      target: { section: 'releases', releaseId: r.id },
    };
  });
  return { items, total: rows.length };
}

/** Drafts the caller writes: named as writer, or begun by them. */
export function myDrafts(s: DeskScope): CardAnswer {
  const { db } = s.ctx;
  const name = s.caller.name;
  const rows = db
    .prepare(
      `SELECT r.id, r.title, r.updated_at FROM releases r
       WHERE r.status = 'draft' AND r.deleted_at IS NULL
         AND (r.writer = ? OR EXISTS (SELECT 1 FROM release_transitions t WHERE t.release_id = r.id AND t.from_status IS NULL AND t.actor = ?))
       ORDER BY r.updated_at DESC, r.id`,
    )
    .all(name, name) as { id: string; title: string | null; updated_at: string | null }[];
  const items = rows.slice(0, DESK_ITEMS_MAX).map((r): DeskItem => {
    const at = r.updated_at ? Date.parse(r.updated_at) : null;
    return { key: r.id, title: r.title ?? '', detail: '', atMs: at, minutes: at === null ? null : minutesBetween(at, s.now), figure: null, flags: [], target: { section: 'releases', releaseId: r.id } };
  });
  return { items, total: rows.length };
}

/** Embargoed releases whose time falls today: a countdown for those still closed, "lifted" for the rest. */
export function embargoesToday(s: DeskScope): CardAnswer {
  const { db } = s.ctx;
  const rows = db
    .prepare(
      `SELECT id, title, status, embargo_at FROM releases
       WHERE urgency = 'embargo' AND embargo_at IS NOT NULL AND deleted_at IS NULL AND status != 'withdrawn'`,
    )
    .all() as { id: string; title: string | null; status: string | null; embargo_at: string }[];
  const today = rows
    .map((r) => ({ r, at: Date.parse(r.embargo_at) }))
    .filter(({ at }) => Number.isFinite(at) && at >= s.dayStart && at < s.dayEnd)
    .sort((a, b) => a.at - b.at);
  const items = today.slice(0, DESK_ITEMS_MAX).map(({ r, at }): DeskItem => {
    const flags: DeskFlag[] = at > s.now ? ['soon'] : ['ok'];
    if (r.status !== 'published' && r.status !== 'approved') flags.push('unconfirmed');
    return { key: r.id, title: r.title ?? '', detail: r.status ?? '', atMs: at, minutes: minutesBetween(s.now, at), figure: null, flags, target: { section: 'releases', releaseId: r.id } };
  });
  return { items, total: today.length };
}
