import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { Contact, InfoCategory, Quote, ReleaseFields, ReleaseStatus, Urgency } from '../../../../shared/releases/model';

export interface ReleaseRow {
  id: string;
  status: string | null;
  number: string | null;
  number_year: number | null;
  number_seq: number | null;
  label: string | null;
  urgency: string | null;
  embargo_at: string | null;
  embargo_zone: string | null;
  title: string | null;
  subtitle: string | null;
  dateline_city: string | null;
  release_date: string | null;
  quotes: string | null;
  boilerplate: string | null;
  source: string | null;
  writer: string | null;
  photographer: string | null;
  editor: string | null;
  contacts: string | null;
  opd_id: string | null;
  tags: string | null;
  event_id: string | null;
  event_end_at: string | null;
  info_category: string | null;
  approved_at: string | null;
  approved_by: string | null;
  published_at: string | null;
  published_by: string | null;
  created_at: string | null;
  updated_at: string;
  deleted_at: string | null;
}

const parse = <T>(s: string | null, fallback: T): T => {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

/** Replicated columns are nullable (a peer's update may come before its insert): defaults here. */
export function fieldsOf(r: ReleaseRow): ReleaseFields {
  return {
    label: r.label ?? 'SIARAN PERS',
    urgency: (r.urgency as Urgency) ?? 'immediate',
    embargoAt: r.embargo_at,
    embargoZone: (r.embargo_zone as ZoneLabel | null) ?? null,
    title: r.title ?? '',
    subtitle: r.subtitle ?? '',
    datelineCity: r.dateline_city ?? '',
    releaseDate: r.release_date ?? (r.created_at ?? r.updated_at).slice(0, 10),
    quotes: parse<Quote[]>(r.quotes, []),
    boilerplate: r.boilerplate ?? '',
    source: r.source ?? '',
    writer: r.writer ?? '',
    photographer: r.photographer ?? '',
    editor: r.editor ?? '',
    contacts: parse<Contact[]>(r.contacts, []),
    opdId: r.opd_id,
    tags: parse<string[]>(r.tags, []),
    eventId: r.event_id,
    eventEndAt: r.event_end_at,
    infoCategory: (r.info_category as InfoCategory) ?? 'serta_merta',
  };
}

export const statusOf = (r: ReleaseRow): ReleaseStatus => (r.status as ReleaseStatus | null) ?? 'draft';

/** Field name in the contract → column in the table. */
export const COLUMN_OF: Record<keyof ReleaseFields, string> = {
  label: 'label',
  urgency: 'urgency',
  embargoAt: 'embargo_at',
  embargoZone: 'embargo_zone',
  title: 'title',
  subtitle: 'subtitle',
  datelineCity: 'dateline_city',
  releaseDate: 'release_date',
  quotes: 'quotes',
  boilerplate: 'boilerplate',
  source: 'source',
  writer: 'writer',
  photographer: 'photographer',
  editor: 'editor',
  contacts: 'contacts',
  opdId: 'opd_id',
  tags: 'tags',
  eventId: 'event_id',
  eventEndAt: 'event_end_at',
  infoCategory: 'info_category',
};
