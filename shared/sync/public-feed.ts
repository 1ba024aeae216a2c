/**
 * The press-room public feed: GET /v1/public-feed → PublicFeed.
 *
 * Why a feed and not a filtered pull: pull is a cursor over an append-only log, and a release's
 * visibility changes without any new change in that log (an embargo passes, or a later change
 * withdraws it or moves its embargo). A filtered pull would have to replay withheld history
 * when the time comes and invent deletions when a release goes private again, per device. The
 * feed is instead the current public projection, computed by the server from its log at request
 * time and replaced whole on the device, so "what the press room may see now" is all it ever
 * holds: drafts, embargoed text, comments, approvers and internal agenda notes never travel.
 *
 * Shared by server/ (builds it) and electron/core/sync/ (checks and stores it).
 */
import { z } from 'zod';
import { EVENT_KINDS, EVENT_STATUSES } from '../agenda/event';
import { sha256Schema } from './protocol';

export const PUBLIC_FEED_PATH = '/v1/public-feed';
export const PUBLIC_FEED_VERSION = 1;
/** The newest published releases the feed carries; older ones stay in the office archive. */
export const MAX_FEED_RELEASES = 300;
/** Public agenda items (series expanded) in the feed's window. */
export const MAX_FEED_AGENDA = 2000;
export const MAX_FEED_PHOTOS_PER_RELEASE = 100;
/** A feed response larger than this is refused by the device (the server stays under it). */
export const MAX_FEED_BYTES = 24 * 1024 * 1024;
/** The agenda window around the server's now: yesterday to two months ahead. */
export const FEED_AGENDA_BEFORE_MS = 24 * 3600_000;
export const FEED_AGENDA_AFTER_MS = 62 * 24 * 3600_000;

/**
 * The `releases` fields a journalist may see: what the printed release shows. Not who approved
 * or published it, not the linked event, not the numbering sequence.
 */
export const PUBLIC_RELEASE_FIELDS = [
  'status',
  'number',
  'label',
  'urgency',
  'embargo_at',
  'embargo_zone',
  'title',
  'subtitle',
  'dateline_city',
  'release_date',
  'quotes',
  'boilerplate',
  'source',
  'writer',
  'photographer',
  'editor',
  'contacts',
  'opd_id',
  'tags',
  'info_category',
  'published_at',
] as const;

/** ProseMirror JSON, checked for shape here and against the editor schema by the device. */
const pmNodeSchema: z.ZodType<unknown> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1).max(40),
      attrs: z.record(z.string().max(40), z.unknown()).optional(),
      content: z.array(pmNodeSchema).max(20_000).optional(),
      marks: z.array(z.object({ type: z.string().max(40), attrs: z.record(z.string().max(40), z.unknown()).optional() }).strict()).max(20).optional(),
      text: z.string().max(5_000_000).optional(),
    })
    .strict(),
);

export const feedReleaseSchema = z
  .object({
    id: z.string().min(1).max(64),
    updatedAt: z.string().max(30),
    /** Only PUBLIC_RELEASE_FIELDS; each value is checked against its replicated field spec. */
    fields: z.record(z.string().max(40), z.unknown()),
    body: pmNodeSchema,
    /** Content hashes of the photos and thumbnails in the body (fetched as blobs). */
    photos: z.array(sha256Schema).max(MAX_FEED_PHOTOS_PER_RELEASE * 2),
  })
  .strict();
export type FeedRelease = z.infer<typeof feedReleaseSchema>;

/** A calendar item as public callers get it (calendarItemOf + publicView): no notes, no staff. */
export const feedAgendaItemSchema = z
  .object({
    key: z.string().min(1).max(120),
    eventId: z.string().min(1).max(64),
    seriesId: z.string().max(64).nullable(),
    originalStartMs: z.number().int().nullable(),
    recurring: z.boolean(),
    kind: z.enum(EVENT_KINDS),
    title: z.string().max(300),
    startMs: z.number().int(),
    endMs: z.number().int().nullable(),
    allDay: z.boolean(),
    zone: z.string().max(40),
    placeName: z.string().max(300),
    status: z.enum(EVENT_STATUSES),
    representedBy: z.string().max(200),
    leaderIds: z.array(z.string().max(64)).max(100),
    pressOpen: z.literal(true),
    usesPressRoom: z.boolean(),
    dressCode: z.string().max(80),
    reporterId: z.null(),
    photographerId: z.null(),
    videographerId: z.null(),
  })
  .strict();
export type FeedAgendaItem = z.infer<typeof feedAgendaItemSchema>;

export const publicFeedSchema = z
  .object({
    version: z.literal(PUBLIC_FEED_VERSION),
    /** Server time the projection was computed for (ms). */
    at: z.number().int(),
    /** The log head it was computed from. */
    head: z.number().int().nonnegative(),
    /** Null when the device's role may not read that part. */
    releases: z.array(feedReleaseSchema).max(MAX_FEED_RELEASES).nullable(),
    agenda: z
      .object({ from: z.number().int(), to: z.number().int(), items: z.array(feedAgendaItemSchema).max(MAX_FEED_AGENDA) })
      .strict()
      .nullable(),
  })
  .strict();
export type PublicFeed = z.infer<typeof publicFeedSchema>;
