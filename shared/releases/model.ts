/**
 * Press release (siaran pers) fields, statuses and limits, shared by the core, the renderer
 * and the exports. See ../../README.md "Siaran pers" for the design.
 */
import { z } from 'zod';
import { ZONE_LABELS, type ZoneLabel } from '../office/time-zones';
import type { DiffBlock } from './diff';

export const RELEASE_STATUSES = ['draft', 'in_review', 'approved', 'published', 'withdrawn'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const INFO_CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;
export type InfoCategory = (typeof INFO_CATEGORIES)[number];

export const URGENCIES = ['immediate', 'embargo'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Limits, each refused with a clear message by the core. */
export const TITLE_MAX = 300;
export const PASTE_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MAX_BYTES = 20 * 1024 * 1024;
export const BODY_UPDATE_MAX_BYTES = 5 * 1024 * 1024;
/** Narahubung per release: enough for the unit's spokesperson, the OPD's and a field officer. */
export const CONTACTS_MAX = 5;

export const quoteSchema = z
  .object({
    text: z.string().trim().max(4000, { message: 'Kutipan maksimal 4.000 karakter' }),
    speaker: z.string().trim().max(160).default(''),
    role: z.string().trim().max(200).default(''),
  })
  .strict();
export type Quote = z.output<typeof quoteSchema>;

export const contactSchema = z
  .object({
    name: z.string().trim().max(120, { message: 'Nama narahubung maksimal 120 karakter' }).default(''),
    position: z.string().trim().max(160, { message: 'Jabatan narahubung maksimal 160 karakter' }).default(''),
    phone: z
      .string()
      .trim()
      .max(40, { message: 'Nomor telepon maksimal 40 karakter' })
      .regex(/^[0-9+()\-\s.]*$/, { message: 'Nomor telepon hanya boleh berisi angka, spasi, +, (, ), - dan titik' })
      .default(''),
    email: z.union([z.literal(''), z.string().trim().max(160).email({ message: 'Alamat email tidak sah' })]).default(''),
  })
  .strict();
export type Contact = z.output<typeof contactSchema>;

const text = (max: number, what: string) => z.string().trim().max(max, { message: `${what} maksimal ${max.toLocaleString('id-ID')} karakter` });
const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, { message: 'Waktu tidak sah' });

/** The structured fields around the body; every one optional in an update (autosave sends what changed). */
export const releaseFieldsSchema = z
  .object({
    label: text(80, 'Label'),
    urgency: z.enum(URGENCIES),
    embargoAt: isoInstant.nullable(),
    embargoZone: z.enum(ZONE_LABELS as [ZoneLabel, ...ZoneLabel[]]).nullable(),
    title: text(TITLE_MAX, 'Judul'),
    subtitle: text(500, 'Subjudul'),
    datelineCity: text(80, 'Kota dateline'),
    releaseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal tidak sah' }),
    quotes: z.array(quoteSchema).max(20),
    boilerplate: text(4000, 'Boilerplate'),
    source: text(200, 'Sumber'),
    writer: text(120, 'Penulis'),
    photographer: text(120, 'Fotografer'),
    editor: text(120, 'Editor'),
    contacts: z.array(contactSchema).max(CONTACTS_MAX, { message: `Paling banyak ${CONTACTS_MAX} narahubung` }),
    opdId: z.string().max(36).nullable(),
    tags: z.array(z.string().trim().min(1).max(60)).max(20),
    eventId: z.string().max(64).nullable(),
    eventEndAt: isoInstant.nullable(),
    infoCategory: z.enum(INFO_CATEGORIES),
  })
  .strict();
export type ReleaseFields = z.output<typeof releaseFieldsSchema>;
export type ReleaseFieldsInput = z.input<typeof releaseFieldsSchema>;

export interface ReleaseTransition {
  id: string;
  from: ReleaseStatus | null;
  to: ReleaseStatus;
  actor: string;
  at: string;
  note: string;
}

export interface ReleaseComment {
  id: string;
  author: string;
  body: string;
  at: string;
}

export interface NumberConflict {
  /** Other releases holding the same number. */
  others: { id: string; title: string }[];
  /** True for the release that must take a new number (approved later, by HLC); the first keeps it. */
  mustRenumber: boolean;
}

export interface TimeToRelease {
  eventEndAt: string;
  /** Minutes from the event's end to publication, or to now while unpublished. */
  minutes: number;
  targetMinutes: number;
  published: boolean;
  /** Null until published. */
  met: boolean | null;
}

export interface ReleaseSummary {
  id: string;
  status: ReleaseStatus;
  number: string | null;
  title: string;
  releaseDate: string;
  writer: string;
  opdId: string | null;
  opdName: string | null;
  tags: string[];
  urgency: Urgency;
  embargoAt: string | null;
  embargoZone: ZoneLabel | null;
  /** Embargo still running (time not yet passed). */
  embargoed: boolean;
  numberConflict: boolean;
  updatedAt: string;
  /** Search hit context, with the matched words between « and ». */
  snippet?: string;
}

export interface ReleaseDetail extends ReleaseFields {
  id: string;
  status: ReleaseStatus;
  number: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** The compacted Yjs state of the body, base64. */
  bodyState: string;
  bodyUpdateCount: number;
  /** ProseMirror JSON of the body. */
  bodyJson: unknown;
  wordCount: number;
  readingMinutes: number;
  embargoed: boolean;
  /** Staff only; empty for journalists. */
  comments: ReleaseComment[];
  transitions: ReleaseTransition[];
  numberConflict: NumberConflict | null;
  timeToRelease: TimeToRelease | null;
}

export interface ReleaseVersionSummary {
  id: string;
  reason: string;
  label: string;
  author: string;
  at: string;
  wordCount: number;
}

export interface ReleaseVersionDetail extends ReleaseVersionSummary {
  releaseId: string;
  bodyJson: unknown;
  bodyText: string;
  /** This version against the text stored now, computed by the core when asked (never against a stale copy). */
  compare: DiffBlock[];
  fields: Partial<ReleaseFields> & { status?: ReleaseStatus; number?: string | null };
}

export const EXPORT_FORMATS = ['pdf', 'docx', 'html', 'text', 'whatsapp', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const PAPER_SIZES = ['A4', 'F4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface ExportedFile {
  fileName: string;
  mime: string;
  size: number;
  base64: string;
}

/** Reading time at 200 words a minute, at least one minute for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 200));
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-.,/]*/gu);
  return m ? m.length : 0;
}
