/**
 * The press-room public feed on the server (shared/sync/public-feed.ts says why a feed).
 *
 * Per workspace, the server folds the log of the few tables the feed needs into rows in memory
 * (per-field last writer wins by HLC, as every device merges) and keeps only the fields a public
 * item can show plus those that decide visibility; internal notes are never even held. The
 * fold is incremental (from the last seq seen), so a request costs the changes since the last
 * one. Visibility is decided at request time with the server's clock: an embargo that passed
 * shows without any new edit, a withdrawn release or a later embargo drops out. Release bodies
 * are materialised lazily, for the releases the feed carries only, by fetching their Yjs
 * updates by seq and merging them with `mergeBody` (shared/releases/body-merge.ts), the same
 * merge the core's body cache uses.
 *
 * Several server processes on one PostgreSQL each keep their own fold: it is derived from the
 * shared log, so they agree.
 */
import { calendarItemOf, publicView, type CalendarItem } from '../shared/agenda/event';
import { itemOf, toEvent, type EventRow } from '../shared/agenda/event-rows';
import { applyExceptions, expandRule, type ExceptionSpec } from '../shared/agenda/recurrence';
import { AGENDA_SETTINGS_ID, DEFAULT_AGENDA_SETTINGS } from '../shared/agenda/settings';
import { photosOf } from '../shared/releases/body-text';
import { isPublic } from '../shared/releases/embargo';
import { hlcMillis } from '../shared/sync/hlc';
import { MAX_PULL_BYTES, type WireChange } from '../shared/sync/protocol';
import {
  FEED_AGENDA_AFTER_MS,
  FEED_AGENDA_BEFORE_MS,
  MAX_FEED_AGENDA,
  MAX_FEED_BYTES,
  MAX_FEED_PHOTOS_PER_RELEASE,
  MAX_FEED_RELEASES,
  PUBLIC_FEED_VERSION,
  PUBLIC_RELEASE_FIELDS,
  type FeedAgendaItem,
  type FeedRelease,
  type PublicFeed,
} from '../shared/sync/public-feed';
import { fieldSpec, type FieldValue, type ReplicatedTable } from '../shared/sync/replicated-tables';
import { toSql } from '../shared/sync/row-codec';
import { mergeBody } from '../shared/releases/body-merge';
import { MAX_SEQS_PER_READ, type SyncStore } from './store';

/** The fields folded per table: what the feed shows and what decides visibility, nothing else. */
const FOLD: Readonly<Record<string, ReadonlySet<string>>> = {
  releases: new Set([...PUBLIC_RELEASE_FIELDS, 'created_at', 'deleted_at']),
  release_body_updates: new Set(['release_id', 'update_b64', 'deleted_at']),
  agenda_events: new Set([
    'kind', 'title', 'start_ms', 'end_ms', 'all_day', 'zone', 'place_name', 'status', 'represented_by', 'leader_ids', 'press_open',
    'uses_press_room', 'dress_code', 'rrule', 'rrule_extra', 'series_end_ms', 'series_id', 'original_start_ms', 'deleted_at',
  ]),
  agenda_settings: new Set(['open_end_minutes']),
};
const FOLD_TABLES: ReadonlySet<string> = new Set(Object.keys(FOLD));
const SHA256 = /^[0-9a-f]{64}$/;

interface Row {
  values: Record<string, FieldValue>;
  clocks: Record<string, string>;
}

interface Body {
  key: string;
  json: FeedRelease['body'];
  photos: string[];
}

interface Projection {
  head: number;
  tables: Map<string, Map<string, Row>>;
  /** release id → its body-update row ids (insert-only rows; `update_b64` is folded as the seq that carried it). */
  updatesOf: Map<string, Set<string>>;
  bodies: Map<string, Body>;
  /** Serialises catch-up and body reads of one workspace. */
  queue: Promise<unknown>;
}

export interface PublicFeeds {
  build(workspaceId: string, parts: { releases: boolean; agenda: boolean }): Promise<PublicFeed>;
}

export function createPublicFeeds(store: SyncStore, now: () => number): PublicFeeds {
  const projections = new Map<string, Projection>();

  function fold(p: Projection, seq: number, change: WireChange): void {
    const keep = FOLD[change.table];
    if (!keep) return;
    let rows = p.tables.get(change.table);
    if (!rows) p.tables.set(change.table, (rows = new Map()));
    let row = rows.get(change.rowId);
    if (!row) rows.set(change.rowId, (row = { values: {}, clocks: {} }));
    for (const [field, value] of Object.entries(change.fields)) {
      if (!keep.has(field) || (row.clocks[field] ?? '') >= change.hlc) continue;
      row.clocks[field] = change.hlc;
      // A body update's bytes stay in the log; the fold remembers where (its seq).
      row.values[field] = change.table === 'release_body_updates' && field === 'update_b64' ? seq : (value as FieldValue);
      if (change.table === 'release_body_updates' && field === 'release_id' && typeof value === 'string') {
        let set = p.updatesOf.get(value);
        if (!set) p.updatesOf.set(value, (set = new Set()));
        set.add(change.rowId);
      }
    }
  }

  async function catchUp(workspaceId: string, p: Projection): Promise<void> {
    for (;;) {
      const page = await store.pull(workspaceId, p.head, MAX_PULL_BYTES, 5000, FOLD_TABLES);
      for (const r of page.rows) fold(p, r.seq, JSON.parse(r.body) as WireChange);
      const moved = page.cursor > p.head;
      p.head = Math.max(p.head, page.cursor);
      if (!page.more || !moved) return;
    }
  }

  async function bodyOf(workspaceId: string, p: Projection, releaseId: string): Promise<Body> {
    const rows = p.tables.get('release_body_updates');
    const seqs: number[] = [];
    for (const id of p.updatesOf.get(releaseId) ?? []) {
      const r = rows?.get(id);
      if (r && !r.values.deleted_at && typeof r.values.update_b64 === 'number') seqs.push(r.values.update_b64);
    }
    seqs.sort((a, b) => a - b);
    // Update rows are insert-only: their count and last seq name the set.
    const key = `${seqs.length}:${seqs[seqs.length - 1] ?? 0}`;
    const cached = p.bodies.get(releaseId);
    if (cached?.key === key) return cached;
    const updates: Uint8Array[] = [];
    for (let i = 0; i < seqs.length; i += MAX_SEQS_PER_READ) {
      const got = await store.changesAt(workspaceId, seqs.slice(i, i + MAX_SEQS_PER_READ));
      for (const body of got.values()) {
        const b64 = (JSON.parse(body) as WireChange).fields.update_b64;
        if (typeof b64 === 'string') updates.push(Buffer.from(b64, 'base64'));
      }
    }
    let merged;
    try {
      merged = mergeBody(null, updates);
    } catch {
      // One broken update from a faulty peer must not take the whole release away: skip it.
      const good = updates.filter((u) => {
        try {
          mergeBody(null, [u]);
          return true;
        } catch {
          return false;
        }
      });
      merged = mergeBody(null, good);
    }
    const photos = new Set<string>();
    for (const ph of photosOf(merged.docJson)) {
      if (photos.size >= MAX_FEED_PHOTOS_PER_RELEASE * 2) break;
      for (const h of [ph.hash, ph.thumb]) if (h && SHA256.test(h)) photos.add(h);
    }
    const body: Body = { key, json: merged.docJson, photos: [...photos] };
    p.bodies.set(releaseId, body);
    return body;
  }

  async function releasesOf(workspaceId: string, p: Projection, at: number): Promise<FeedRelease[]> {
    const str = (v: FieldValue | undefined) => (typeof v === 'string' ? v : null);
    const visible = [...(p.tables.get('releases') ?? new Map<string, Row>())]
      .filter(([, r]) => !r.values.deleted_at && isPublic({ status: str(r.values.status), urgency: str(r.values.urgency), embargoAt: str(r.values.embargo_at) }, at))
      .sort(([ia, a], [ib, b]) => {
        const k = (r: Row) => `${str(r.values.release_date) ?? ''}|${str(r.values.published_at) ?? ''}`;
        return k(b).localeCompare(k(a)) || ib.localeCompare(ia);
      })
      .slice(0, MAX_FEED_RELEASES);
    const out: FeedRelease[] = [];
    let bytes = 0;
    for (const [id, r] of visible) {
      const body = await bodyOf(workspaceId, p, id);
      const fields: Record<string, FieldValue> = {};
      for (const f of PUBLIC_RELEASE_FIELDS) fields[f] = r.values[f] ?? null;
      const newest = Object.values(r.clocks).reduce((m, c) => (c > m ? c : m), '');
      const entry: FeedRelease = { id, updatedAt: new Date(newest ? hlcMillis(newest) : at).toISOString(), fields, body: body.json, photos: body.photos };
      // Newest first: when the budget runs out, the oldest releases are the ones left out.
      bytes += JSON.stringify(entry).length;
      if (bytes > MAX_FEED_BYTES * 0.9) break;
      out.push(entry);
    }
    for (const id of p.bodies.keys()) if (!out.some((e) => e.id === id)) p.bodies.delete(id);
    return out;
  }

  function agendaOf(p: Projection, from: number, to: number): FeedAgendaItem[] {
    const rows = p.tables.get('agenda_events') ?? new Map<string, Row>();
    const settings = p.tables.get('agenda_settings')?.get(AGENDA_SETTINGS_ID)?.values.open_end_minutes;
    const openEndMs = (typeof settings === 'number' ? settings : DEFAULT_AGENDA_SETTINGS.openEndMinutes) * 60_000;
    // The same rows the core's calendar reads (calendar.ts: itemsInWindow), from the fold.
    const eventRow = (id: string, r: Row): EventRow => {
      const out: Record<string, unknown> = { id, updated_at: '', created_at: null };
      for (const f of FOLD.agenda_events as ReadonlySet<string>) out[f] = null;
      for (const [f, v] of Object.entries(r.values)) out[f] = toSql(fieldSpec('agenda_events' as ReplicatedTable, f), v);
      return out as unknown as EventRow;
    };
    const live = [...rows].filter(([, r]) => !r.values.deleted_at);
    const items: CalendarItem[] = [];
    const push = (item: CalendarItem) => {
      const shown = publicView(calendarItemOf(item));
      if (shown) items.push(shown);
    };
    for (const [id, r] of live) {
      const e = toEvent(eventRow(id, r));
      if (!e.rrule) {
        const end = e.endMs ?? e.startMs + openEndMs;
        if (e.startMs < to && (end > from || e.startMs >= from)) push(itemOf(e));
        continue;
      }
      const seriesEnd = typeof r.values.series_end_ms === 'number' ? r.values.series_end_ms : null;
      if (e.startMs >= to || (seriesEnd !== null && seriesEnd <= from)) continue;
      const exceptions = new Map<number, ExceptionSpec>();
      for (const [, x] of live) {
        const o = x.values.original_start_ms;
        if (x.values.series_id === id && !x.values.rrule && typeof o === 'number') exceptions.set(o, { originalStartMs: o, cancelled: x.values.status === 'cancelled' });
      }
      let occurrences;
      try {
        occurrences = expandRule({ startMs: e.startMs, durationMs: e.endMs === null ? null : e.endMs - e.startMs, zone: e.zone, rrule: e.rrule, extraRules: e.rruleExtra }, from, to, openEndMs).occurrences;
      } catch {
        occurrences = [{ originalStartMs: e.startMs, startMs: e.startMs, endMs: e.endMs }];
      }
      for (const o of applyExceptions(occurrences, exceptions)) push(itemOf(e, o));
    }
    items.sort((a, b) => a.startMs - b.startMs || a.key.localeCompare(b.key));
    return items.slice(0, MAX_FEED_AGENDA) as FeedAgendaItem[];
  }

  return {
    async build(workspaceId, parts) {
      let p = projections.get(workspaceId);
      if (!p) projections.set(workspaceId, (p = { head: 0, tables: new Map(), updatesOf: new Map(), bodies: new Map(), queue: Promise.resolve() }));
      const proj = p;
      const run = proj.queue.then(async (): Promise<PublicFeed> => {
        await catchUp(workspaceId, proj);
        const at = now();
        return {
          version: PUBLIC_FEED_VERSION,
          at,
          head: proj.head,
          releases: parts.releases ? await releasesOf(workspaceId, proj, at) : null,
          agenda: parts.agenda
            ? { from: at - FEED_AGENDA_BEFORE_MS, to: at + FEED_AGENDA_AFTER_MS, items: agendaOf(proj, at - FEED_AGENDA_BEFORE_MS, at + FEED_AGENDA_AFTER_MS) }
            : null,
        };
      });
      proj.queue = run.catch(() => undefined);
      return run;
    },
  };
}
