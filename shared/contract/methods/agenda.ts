import { z } from 'zod';
import { eventInput, EVENT_KINDS, type AgendaEvent, type CalendarItem } from '../../agenda/event';
import type { Conflict } from '../../agenda/conflicts';
import { holidayInput, type Holiday } from '../../agenda/holidays';
import { officialInput, staffInput, type CoverageStaff, type Official } from '../../agenda/people';
import { mutation, query } from '../define';
import { idInput, uuid } from './common';
import type { ReleaseStatus } from '../../releases/model';

/** Longest calendar window a single call may ask for (a year view of a list). */
export const MAX_RANGE_MS = 400 * 24 * 3_600_000;
/** An ICS file accepted for import or produced by export: 7 MB of text, inside the 8 MB a message may carry (wire.ts). */
export const ICS_MAX_CHARS = 7 * 1024 * 1024;
/** Events per ICS import. */
export const ICS_MAX_EVENTS = 20_000;

const instant = z.number().int().min(0).max(8_000_000_000_000);
const listInput = z.object({ includeDeleted: z.boolean().default(false) }).strict();
const rangeInput = z
  .object({
    from: instant,
    to: instant,
    leaderIds: z.array(uuid).max(50).optional(),
    kinds: z.array(z.enum(EVENT_KINDS)).max(10).optional(),
    /** A month grid's rows a day: the rest of a full day comes back as a count (`more`), not as items. */
    perDay: z.number().int().min(1).max(50).optional(),
  })
  .strict()
  .refine((r) => r.to > r.from && r.to - r.from <= MAX_RANGE_MS, { message: 'Rentang tanggal tidak sah (paling panjang 400 hari)', path: ['to'] });

const occurrenceKey = z.object({ seriesId: uuid, originalStartMs: instant }).strict();
const moveInput = z
  .object({
    eventId: uuid,
    /** For an occurrence of a series: which one (moves only that one; an exception row keeps it). */
    originalStartMs: instant.nullable().default(null),
    startMs: instant,
    endMs: instant.nullable(),
  })
  .strict()
  .refine((m) => m.endMs === null || m.endMs > m.startMs, { message: 'Waktu selesai harus sesudah waktu mulai', path: ['endMs'] });

const daySheetInput = z
  .object({
    leaderId: uuid.nullable(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal tidak sah' }),
    days: z.union([z.literal(1), z.literal(7)]).default(1),
    format: z.enum(['pdf', 'docx', 'whatsapp']),
    paper: z.enum(['A4', 'F4']).default('A4'),
  })
  .strict();

const icsExportInput = z.object({ leaderId: uuid.nullable().default(null) }).strict();
const icsText = z.string().max(ICS_MAX_CHARS, { message: 'Berkas ICS lebih dari 7 MB; pecah berkasnya lalu impor bertahap' });
const icsImportInput = z.object({ text: icsText, jobId: z.string().max(80).default('ics-import') }).strict();
const settingsInput = z
  .object({
    travelMinutes: z.number().int().min(0, { message: 'Tidak boleh negatif' }).max(600, { message: 'Paling lama 600 menit' }),
    openEndMinutes: z.number().int().min(15, { message: 'Paling sedikit 15 menit' }).max(1440, { message: 'Paling lama 1440 menit' }),
  })
  .strict();
/** Invitation letters: scans (PDF, PNG, JPEG) up to 10 MB. */
export const INVITATION_MIME = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const INVITATION_MAX_BYTES = 10 * 1024 * 1024;
const putInvitationInput = z
  .object({
    mime: z.enum(INVITATION_MIME, { message: 'Surat undangan harus PDF, PNG atau JPEG' }),
    base64: z.string().max(Math.ceil((INVITATION_MAX_BYTES * 4) / 3) + 4, { message: 'Berkas surat undangan lebih dari 10 MB' }),
  })
  .strict();
const invitationGetInput = z.object({ eventId: uuid }).strict();
const yearInput = z.object({ year: z.number().int().min(2000).max(2100) }).strict();

export interface AgendaSettings {
  travelMinutes: number;
  openEndMinutes: number;
}

export interface RangeResult {
  items: CalendarItem[];
  holidays: Holiday[];
  /** Series whose expansion a cap stopped. */
  truncatedSeries: string[];
  /** With `perDay`: the days with more items than fit, and how many were left out. */
  more: { date: string; count: number }[];
}

export interface SaveResult {
  event: AgendaEvent;
  conflicts: Conflict[];
}

export interface GeneratedFile {
  fileName: string;
  mime: string;
  base64: string;
}

/** A release written from an event, with its time-to-release clock. */
export interface EventRelease {
  id: string;
  title: string;
  status: ReleaseStatus;
  publishedAt: string | null;
  /** Minutes from the event's end to publication (or to now while unpublished); null before the event ends. */
  minutes: number | null;
  targetMinutes: number;
}

export interface IcsPreviewRow {
  index: number;
  uid: string | null;
  title: string;
  startMs: number | null;
  endMs: number | null;
  zone: string | null;
  rrule: string | null;
  /** new: a new event; exception: a moved or cancelled occurrence of a series; skip: not imported (see reason). */
  action: 'new' | 'exception' | 'skip';
  reason: string | null;
  /** What was imported differently from how the file wrote it (several RRULEs, RDATEs, EXDATEs that match nothing, an unknown DST zone). */
  remarks: string[];
}

export interface IcsReport {
  rows: IcsPreviewRow[];
  created: number;
  exceptions: number;
  skipped: number;
}

export const agendaMethods = {
  'agenda.officials.list': query<typeof listInput, Official[]>('agenda.read', listInput),
  'agenda.officials.save': mutation<typeof officialInput, Official>('agenda.write', officialInput),
  'agenda.officials.delete': mutation<typeof idInput, Official>('agenda.write', idInput),
  'agenda.officials.restore': mutation<typeof idInput, Official>('agenda.write', idInput),
  'agenda.officials.seedDefaults': mutation<typeof listInput, Official[]>('agenda.write', listInput),

  'agenda.staff.list': query<typeof listInput, CoverageStaff[]>('agenda.read', listInput),
  'agenda.staff.save': mutation<typeof staffInput, CoverageStaff>('agenda.write', staffInput),
  'agenda.staff.delete': mutation<typeof idInput, CoverageStaff>('agenda.write', idInput),

  /** Public callers get public items only: no closed events, no protocol notes or staff. */
  'agenda.range': query<typeof rangeInput, RangeResult>('agenda.read.public', rangeInput),
  'agenda.events.get': query<typeof idInput, AgendaEvent>('agenda.read', idInput),
  'agenda.events.save': mutation<typeof eventInput, SaveResult>('agenda.write', eventInput),
  'agenda.events.check': query<typeof eventInput, Conflict[]>('agenda.read', eventInput),
  'agenda.events.move': mutation<typeof moveInput, SaveResult>('agenda.write', moveInput),
  'agenda.events.cancelOccurrence': mutation<typeof occurrenceKey, AgendaEvent>('agenda.write', occurrenceKey),
  'agenda.events.delete': mutation<typeof idInput, AgendaEvent>('agenda.write', idInput),
  'agenda.events.restore': mutation<typeof idInput, AgendaEvent>('agenda.write', idInput),

  'agenda.holidays.list': query<typeof yearInput, Holiday[]>('agenda.read.public', yearInput),
  'agenda.holidays.save': mutation<typeof holidayInput, Holiday>('agenda.write', holidayInput),
  'agenda.holidays.delete': mutation<typeof idInput, Holiday>('agenda.write', idInput),
  'agenda.holidays.restore': mutation<typeof idInput, Holiday>('agenda.write', idInput),

  'agenda.settings.get': query<typeof listInput, AgendaSettings>('agenda.read', listInput),
  'agenda.settings.save': mutation<typeof settingsInput, AgendaSettings>('agenda.write', settingsInput),

  'agenda.events.releases': query<typeof invitationGetInput, EventRelease[]>('agenda.read', invitationGetInput),
  'agenda.invitation.put': mutation<typeof putInvitationInput, { hash: string; size: number }>('agenda.write', putInvitationInput),
  'agenda.invitation.get': query<typeof invitationGetInput, GeneratedFile>('agenda.read', invitationGetInput),

  'agenda.daySheet': query<typeof daySheetInput, GeneratedFile | { text: string }>('agenda.read', daySheetInput),
  'agenda.ics.export': query<typeof icsExportInput, { fileName: string; text: string }>('agenda.read', icsExportInput),
  'agenda.ics.preview': query<typeof icsImportInput, IcsReport>('agenda.write', icsImportInput),
  'agenda.ics.import': mutation<typeof icsImportInput, IcsReport>('agenda.write', icsImportInput),
};
