import { z } from 'zod';
import {
  COPY_BY,
  DECISIONS,
  DESK_CHANNELS,
  DESK_FILE_MAX_BYTES,
  DESK_FILE_MIME,
  DESK_KINDS,
  DESK_LIMITS,
  DESK_OUTCOMES,
  DESK_PRIORITIES,
  DESK_STATUSES,
  RECEIVE_BY,
  TERM_KINDS,
  type DeadlineSettings,
  type DeskBoard,
  type DeskItem,
  type DeskPart,
  type DeskPartBoard,
} from '../../publicdesk/model';
import { mutation, query } from '../define';
import type { DeskNumbers } from '../../publicdesk/numbers';
import type { GeneratedFile } from './agenda';
import { empty, idInput, uuid } from './common';

const text = (max: number, what: string) => z.string().trim().max(max, { message: `${what}: maksimal ${max} karakter` }).default('');
const instant = z.number().int().min(0).max(8_640_000_000_000_000);
/** A web address the desk can open: http or https only (no javascript:, no file:). */
const url = z
  .string()
  .trim()
  .max(DESK_LIMITS.url, { message: `Tautan: maksimal ${DESK_LIMITS.url} karakter` })
  .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), { message: 'Tautan harus alamat web lengkap (https://…)' })
  .default('');
/** At least eight digits; spaces, +, (, ), - and dots allowed. */
const phone = z
  .string()
  .trim()
  .max(DESK_LIMITS.phone)
  .refine((v) => v === '' || (/^[0-9+()\-\s.]+$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 8), { message: 'Nomor telepon tidak sah (angka, paling sedikit 8 digit)' })
  .default('');

/**
 * An item as the desk receives it. `id` is made by the screen once per form, so sending it again
 * (a double click, a retry) finds the item already there and changes nothing.
 */
const receiveInput = z
  .object({
    id: uuid,
    kind: z.enum(DESK_KINDS, { message: 'Jenis tidak dikenal' }),
    channel: z.enum(DESK_CHANNELS, { message: 'Saluran tidak dikenal' }),
    ticket: text(DESK_LIMITS.ticket, 'Nomor tiket'),
    postUrl: url,
    anonymous: z.boolean().default(false),
    personName: text(DESK_LIMITS.name, 'Nama'),
    personPhone: phone,
    personEmail: z.string().trim().max(DESK_LIMITS.email).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'Alamat email tidak sah' }).default(''),
    personAddress: text(DESK_LIMITS.address, 'Alamat'),
    /** The person agreed that the office keeps their name and contact to answer them (UU 27/2022). */
    consent: z.boolean().default(false),
    body: z.string().max(DESK_LIMITS.body, { message: `Isi: maksimal ${DESK_LIMITS.body} karakter` }).refine((v) => v.trim() !== '', { message: 'Isi aduan atau permohonan wajib diisi' }),
    category: text(DESK_LIMITS.term, 'Kategori'),
    location: text(DESK_LIMITS.term, 'Lokasi'),
    priority: z.enum(DESK_PRIORITIES).default('normal'),
    /** PPID register: what the information is for, how it is received, how a copy reaches the requester. */
    purpose: text(2000, 'Tujuan'),
    receiveBy: z.enum(RECEIVE_BY).nullable().default(null),
    copyBy: z.enum(COPY_BY).nullable().default(null),
    /** When it arrived (a complaint found in the comments yesterday); default now. */
    receivedMs: instant.nullable().default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.channel === 'lapor' && v.ticket === '') ctx.addIssue({ code: 'custom', path: ['ticket'], message: 'Isi nomor tiket SP4N-LAPOR!' });
    if (v.channel !== 'lapor' && v.ticket !== '') ctx.addIssue({ code: 'custom', path: ['ticket'], message: 'Nomor tiket hanya untuk saluran SP4N-LAPOR!' });
    const named = v.personName !== '' || v.personPhone !== '' || v.personEmail !== '' || v.personAddress !== '';
    if (v.anonymous && named) ctx.addIssue({ code: 'custom', path: ['personName'], message: 'Pelapor anonim: kosongkan nama dan kontaknya' });
    if (!v.anonymous && named && !v.consent) ctx.addIssue({ code: 'custom', path: ['consent'], message: 'Nama dan kontak hanya disimpan dengan persetujuan pelapor' });
    if (!v.anonymous && v.personName === '') ctx.addIssue({ code: 'custom', path: ['personName'], message: 'Isi nama pelapor atau pilih anonim' });
    if ((v.kind === 'info_request' || v.kind === 'objection') && v.anonymous)
      ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'Permohonan informasi dan keberatan memerlukan identitas pemohon (UU 14/2008 pasal 22)' });
  });

/**
 * The decision on an information request or an objection. A refusal, in whole or in part, names
 * the exemption's legal basis (UU 14/2008 pasal 17); the rulebook refuses it without one too.
 */
const decideItemInput = z
  .object({
    id: uuid,
    decision: z.enum(DECISIONS, { message: 'Pilih keputusan' }),
    exemptionBasis: text(2000, 'Dasar hukum'),
    decidedMs: instant.nullable().default(null),
    fee: z.number().int().min(0, { message: 'Biaya tidak boleh negatif' }).max(100_000_000).nullable().default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision !== 'granted' && v.exemptionBasis === '')
      ctx.addIssue({ code: 'custom', path: ['exemptionBasis'], message: 'Tuliskan dasar hukum pengecualiannya (UU 14/2008 pasal 17)' });
  });

const listInput = z
  .object({
    status: z.enum(DESK_STATUSES).nullable().default(null),
    kind: z.enum(DESK_KINDS).nullable().default(null),
    query: z.string().max(200).default(''),
    /** The deadline board: what is due today, what is late. */
    due: z.enum(['all', 'today', 'late']).default('all'),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();

const disposeInput = z
  .object({
    id: uuid,
    opdIds: z.array(z.string().min(1).max(36)).min(1, { message: 'Pilih paling sedikit satu OPD' }).max(20),
    /** What the OPD reads: the complaint without the reporter's personal data. */
    summary: z.string().trim().min(1, { message: 'Tuliskan ringkasan untuk OPD' }).max(DESK_LIMITS.body),
  })
  .strict();

const replyInput = z
  .object({
    id: uuid,
    text: z.string().trim().min(1, { message: 'Tuliskan balasan publik' }).max(DESK_LIMITS.reply, { message: `Balasan: maksimal ${DESK_LIMITS.reply} karakter` }),
    url,
  })
  .strict();

const closeInput = z
  .object({ id: uuid, outcome: z.enum(DESK_OUTCOMES, { message: 'Pilih hasil penyelesaian' }), closedMs: instant.nullable().default(null), note: text(DESK_LIMITS.reason, 'Catatan') })
  .strict();
const mergeInput = z.object({ id: uuid, intoId: uuid }).strict().refine((v) => v.id !== v.intoId, { message: 'Aduan tidak dapat digabung ke dirinya sendiri', path: ['intoId'] });
const reasonText = z.string().trim().min(1, { message: 'Tuliskan alasannya' }).max(DESK_LIMITS.reason);
const extendInput = z.object({ id: uuid, days: z.number().int().min(1).max(7, { message: 'Perpanjangan paling lama 7 hari kerja (UU 14/2008 pasal 22 ayat 8)' }), reason: reasonText }).strict();

const partsInput = z.object({ status: z.enum(['open', 'answered', 'all']).default('open') }).strict();
const answerInput = z.object({ partId: uuid, answer: z.string().trim().min(1, { message: 'Tuliskan jawaban OPD' }).max(DESK_LIMITS.answer) }).strict();
const askInput = z.object({ partId: uuid, days: z.number().int().min(1).max(30), reason: reasonText }).strict();
const decideInput = z.object({ partId: uuid, grant: z.boolean(), note: text(DESK_LIMITS.reason, 'Catatan') }).strict();

const attachInput = z
  .object({
    itemId: uuid.nullable().default(null),
    partId: uuid.nullable().default(null),
    fileName: z.string().trim().min(1).max(200, { message: 'Nama berkas: maksimal 200 karakter' }),
    mime: z.enum(DESK_FILE_MIME, { message: 'Berkas harus gambar PNG atau JPEG, atau PDF' }),
    base64: z.string().max(Math.ceil((DESK_FILE_MAX_BYTES * 4) / 3) + 4, { message: 'Berkas lebih dari 10 MB' }),
  })
  .strict()
  .refine((v) => (v.itemId === null) !== (v.partId === null), { message: 'Lampirkan ke aduan atau ke disposisi', path: ['itemId'] });

const termSave = z.object({ id: uuid.nullable().default(null), kind: z.enum(TERM_KINDS), label: z.string().trim().min(1, { message: 'Wajib diisi' }).max(DESK_LIMITS.term) }).strict();
const days = (max: number, why: string) => z.number().int().min(1, { message: 'Paling sedikit 1 hari kerja' }).max(max, { message: why });
const settingsInput = z
  .object({
    complaint: days(90, 'Paling lama 90 hari kerja'),
    question: days(90, 'Paling lama 90 hari kerja'),
    opd_part: days(90, 'Paling lama 90 hari kerja'),
    info_request: days(10, 'Paling lama 10 hari kerja (UU 14/2008 pasal 22 ayat 7)'),
    info_request_extension: days(7, 'Paling lama 7 hari kerja (UU 14/2008 pasal 22 ayat 8)'),
    objection: days(30, 'Paling lama 30 hari kerja (UU 14/2008 pasal 36 ayat 1)'),
  })
  .strict();

/** The PPID's register of information requests or of objections for one numbering year. */
const registerInput = z
  .object({
    kind: z.enum(['info_request', 'objection'], { message: 'Pilih register permohonan informasi atau register keberatan' }),
    year: z.number().int().min(2000, { message: 'Tahun tidak sah' }).max(2200, { message: 'Tahun tidak sah' }),
    format: z.enum(['xlsx', 'pdf'], { message: 'Format harus XLSX atau PDF' }),
    paper: z.enum(['A4', 'F4']).default('A4'),
  })
  .strict();

/** The written notice of the decision on one information request. */
const noticeInput = z.object({ id: uuid, format: z.enum(['pdf', 'docx'], { message: 'Format harus PDF atau DOCX' }), paper: z.enum(['A4', 'F4']).default('A4') }).strict();
const numbersInput = z.object({ year: z.number().int().min(2000, { message: 'Tahun tidak sah' }).max(2200, { message: 'Tahun tidak sah' }) }).strict();

export interface DeskTerm {
  id: string;
  kind: (typeof TERM_KINDS)[number];
  label: string;
}

export const publicdeskMethods = {
  'publicdesk.list': query<typeof listInput, DeskBoard>('publicdesk.manage', listInput),
  'publicdesk.get': query<typeof idInput, DeskItem>('publicdesk.manage', idInput),
  'publicdesk.receive': mutation<typeof receiveInput, DeskItem>('publicdesk.manage', receiveInput),
  'publicdesk.verify': mutation<typeof idInput, DeskItem>('publicdesk.manage', idInput),
  'publicdesk.dispose': mutation<typeof disposeInput, DeskItem>('publicdesk.manage', disposeInput),
  'publicdesk.reply': mutation<typeof replyInput, DeskItem>('publicdesk.manage', replyInput),
  'publicdesk.close': mutation<typeof closeInput, DeskItem>('publicdesk.manage', closeInput),
  'publicdesk.merge': mutation<typeof mergeInput, DeskItem>('publicdesk.manage', mergeInput),
  'publicdesk.extend': mutation<typeof extendInput, DeskItem>('publicdesk.manage', extendInput),
  'publicdesk.decide': mutation<typeof decideItemInput, DeskItem>('publicdesk.manage', decideItemInput),
  'publicdesk.escalate': mutation<typeof empty, { items: number; parts: number }>('publicdesk.manage', empty),
  'publicdesk.parts': query<typeof partsInput, DeskPartBoard>('publicdesk.read', partsInput),
  'publicdesk.part.answer': mutation<typeof answerInput, DeskPart>('publicdesk.answer', answerInput),
  'publicdesk.part.ask': mutation<typeof askInput, DeskPart>('publicdesk.answer', askInput),
  'publicdesk.part.decide': mutation<typeof decideInput, DeskPart>('publicdesk.manage', decideInput),
  // Who may attach where is the rulebook's: the desk to any item, an OPD to its own open part.
  'publicdesk.attach': mutation<typeof attachInput, { id: string }>('publicdesk.read', attachInput),
  'publicdesk.file': query<typeof idInput, { fileName: string; mime: string; base64: string }>('publicdesk.read', idInput),
  // The registers carry the requesters' names and addresses: the desk's, like the items themselves.
  'publicdesk.register': query<typeof registerInput, GeneratedFile>('publicdesk.manage', registerInput),
  'publicdesk.notice': query<typeof noticeInput, GeneratedFile>('publicdesk.manage', noticeInput),
  'publicdesk.numbers': query<typeof numbersInput, DeskNumbers>('publicdesk.manage', numbersInput),
  'publicdesk.numbers.export': query<typeof numbersInput, GeneratedFile>('publicdesk.manage', numbersInput),
  'publicdesk.settings.get': query<typeof empty, DeadlineSettings>('publicdesk.read', empty),
  'publicdesk.settings.save': mutation<typeof settingsInput, DeadlineSettings>('publicdesk.manage', settingsInput),
  'publicdesk.terms.list': query<typeof empty, DeskTerm[]>('publicdesk.manage', empty),
  'publicdesk.terms.save': mutation<typeof termSave, DeskTerm>('publicdesk.manage', termSave),
  'publicdesk.terms.delete': mutation<typeof idInput, { id: string }>('publicdesk.manage', idInput),
};
