import { z } from 'zod';
import { isKnownZone } from './zones';

export const EVENT_KINDS = ['leader_agenda', 'press_conference', 'media_gathering', 'internal_meeting', 'campaign_day'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['confirmed', 'tentative', 'represented', 'cancelled', 'postponed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const LEADER_ROLES = ['opening', 'remarks', 'attending', 'keynote', 'inaugurating', 'leading'] as const;
export type LeaderRole = (typeof LEADER_ROLES)[number];

/** Common dress codes; the field accepts free text too. */
export const DRESS_CODES = ['PDH', 'PDL', 'PDU', 'PSL', 'PSH', 'Batik', 'Kebaya nasional', 'Pakaian adat', 'Bebas rapi'] as const;

/** Indonesian words used on the day sheet and WhatsApp text (same in both languages of print). */
export const ROLE_LABEL_ID: Record<LeaderRole, string> = {
  opening: 'Membuka acara',
  remarks: 'Memberi sambutan',
  attending: 'Menghadiri',
  keynote: 'Narasumber',
  inaugurating: 'Meresmikan',
  leading: 'Memimpin',
};
export const STATUS_LABEL_ID: Record<EventStatus, string> = {
  confirmed: 'Pasti',
  tentative: 'Belum pasti',
  represented: 'Diwakilkan',
  cancelled: 'Batal',
  postponed: 'Ditunda',
};
export const KIND_LABEL_ID: Record<EventKind, string> = {
  leader_agenda: 'Agenda pimpinan',
  press_conference: 'Jumpa pers',
  media_gathering: 'Media gathering',
  internal_meeting: 'Rapat internal',
  campaign_day: 'Hari kampanye tematik',
};

/** Longest event the calendar accepts; the range index relies on this bound. */
export const MAX_EVENT_MS = 14 * 24 * 3_600_000;

const id = z.string().uuid({ message: 'Id tidak sah' });
const optText = (max: number) => z.string().trim().max(max, { message: `Maksimal ${max} karakter` }).default('');
const instant = z.number().int({ message: 'Waktu tidak sah' }).min(0, { message: 'Waktu tidak sah' }).max(8_000_000_000_000, { message: 'Waktu tidak sah' });

export const eventInput = z
  .object({
    id: id.optional(),
    kind: z.enum(EVENT_KINDS, { message: 'Jenis kegiatan tidak dikenal' }).default('leader_agenda'),
    title: z.string().trim().min(1, { message: 'Nama acara wajib diisi' }).max(300, { message: 'Maksimal 300 karakter' }),
    startMs: instant,
    /** null: "s.d. selesai". */
    endMs: instant.nullable().default(null),
    allDay: z.boolean().default(false),
    zone: z.string().trim().min(1).max(40).refine(isKnownZone, { message: 'Zona waktu tidak dikenal' }).default('WIB'),
    placeName: optText(300),
    placeAddress: optText(500),
    placeLat: z.number().min(-90).max(90).nullable().default(null),
    placeLon: z.number().min(-180).max(180).nullable().default(null),
    usesPressRoom: z.boolean().default(false),
    organiserOpdId: id.nullable().default(null),
    invitationNumber: optText(120),
    invitationDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal surat tidak sah' })]).default(''),
    invitationFileHash: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
    invitationFileName: optText(200),
    invitationFileMime: optText(100),
    dressCode: optText(80),
    leaderRole: z.enum(LEADER_ROLES).nullable().default(null),
    status: z.enum(EVENT_STATUSES, { message: 'Status tidak dikenal' }).default('confirmed'),
    representedBy: optText(200),
    postponedToMs: instant.nullable().default(null),
    leaderIds: z.array(id).max(50).default([]),
    companionIds: z.array(id).max(50).default([]),
    companionsText: optText(1000),
    protocolNotes: optText(4000),
    /** The leader's aide for this event (ajudan, ADC, sespri): name and phone, for the protocol sheet. */
    aideContact: optText(300),
    pressOpen: z.boolean().default(true),
    reporterId: id.nullable().default(null),
    photographerId: id.nullable().default(null),
    videographerId: id.nullable().default(null),
    notes: optText(4000),
    rrule: z.string().trim().max(500).nullable().default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endMs !== null && v.endMs <= v.startMs) {
      ctx.addIssue({ code: 'custom', path: ['endMs'], message: 'Waktu selesai harus sesudah waktu mulai' });
    }
    if (v.endMs !== null && v.endMs - v.startMs > MAX_EVENT_MS) {
      ctx.addIssue({ code: 'custom', path: ['endMs'], message: 'Satu kegiatan paling lama 14 hari' });
    }
    if (v.status === 'represented' && !v.representedBy) {
      ctx.addIssue({ code: 'custom', path: ['representedBy'], message: 'Isi siapa yang mewakili' });
    }
    if (v.status === 'postponed' && v.postponedToMs !== null && v.postponedToMs <= v.startMs) {
      ctx.addIssue({ code: 'custom', path: ['postponedToMs'], message: 'Tanggal pengganti harus sesudah jadwal semula' });
    }
  });

export type EventInput = z.input<typeof eventInput>;
export type EventValues = z.output<typeof eventInput>;

export interface AgendaEvent extends Omit<EventValues, 'id'> {
  id: string;
  seriesId: string | null;
  originalStartMs: number | null;
  icsUid: string | null;
  /** Further RRULEs of an imported series (the first is `rrule`); not edited in the form. */
  rruleExtra: string[];
  /** The TZID and VTIMEZONE an imported series came with, written back on export. */
  icsTzid: string | null;
  icsVtimezone: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** One thing on the calendar: a single event, an occurrence of a series, or an exception. */
export interface CalendarItem {
  /** Stable key: event id, or `${seriesId}@${originalStartMs}` for an occurrence. */
  key: string;
  eventId: string;
  seriesId: string | null;
  originalStartMs: number | null;
  recurring: boolean;
  kind: EventKind;
  title: string;
  startMs: number;
  endMs: number | null;
  allDay: boolean;
  zone: string;
  placeName: string;
  status: EventStatus;
  representedBy: string;
  leaderIds: string[];
  pressOpen: boolean;
  usesPressRoom: boolean;
  dressCode: string;
  /** Staff only; null for public callers. */
  reporterId: string | null;
  photographerId: string | null;
  videographerId: string | null;
}

/** A calendar item with what the protocol day sheet prints besides (read only for a day or a week). */
export interface SheetItem extends CalendarItem {
  leaderRole: LeaderRole | null;
  companionIds: string[];
  companionsText: string;
  protocolNotes: string;
  aideContact: string;
}

/** The lean form the calendar needs: month views carry thousands of these. */
export function calendarItemOf(i: CalendarItem): CalendarItem {
  return {
    key: i.key, eventId: i.eventId, seriesId: i.seriesId, originalStartMs: i.originalStartMs, recurring: i.recurring, kind: i.kind, title: i.title,
    startMs: i.startMs, endMs: i.endMs, allDay: i.allDay, zone: i.zone, placeName: i.placeName, status: i.status, representedBy: i.representedBy,
    leaderIds: i.leaderIds, pressOpen: i.pressOpen, usesPressRoom: i.usesPressRoom, dressCode: i.dressCode, reporterId: i.reporterId, photographerId: i.photographerId, videographerId: i.videographerId,
  };
}

/**
 * Public callers (journalists, guests) see open events only, without internal notes or staff.
 * The core's agenda for a press-room caller and the server's public feed both apply it.
 */
export function publicView(item: CalendarItem): CalendarItem | null {
  if (!item.pressOpen) return null;
  return { ...item, reporterId: null, photographerId: null, videographerId: null };
}
