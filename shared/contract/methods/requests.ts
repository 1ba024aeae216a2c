import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME, DISPOSITIONS, INVITATION_PROPOSER, REQUEST_CHANNELS, REQUEST_KINDS, REQUEST_LIMITS, REQUEST_STATUSES, NUMBERS_MAX_MONTHS, type RequestBoard, type RequestDetail, type RequestNumbers } from '../../requests/model';
import type { Conflict } from '../../agenda/conflicts';
import { mutation, query } from '../define';
import { idInput, uuid } from './common';

const text = (max: number, what: string) => z.string().trim().max(max, { message: `${what}: maksimal ${max} karakter` }).default('');
const instant = z.number().int().min(0).max(8_640_000_000_000_000);

/**
 * A request as the OPD (or the desk on its behalf) writes it. `id` is made by the caller's
 * screen once per form: sending the same form again (a double click, a retry) finds the request
 * already there and changes nothing, so a flaky moment never makes two requests.
 */
const submitInput = z
  .object({
    id: uuid,
    /** The desk names the OPD; a contributor's device always writes for its own. */
    opdId: z.string().max(36).nullable().default(null),
    kind: z.enum(REQUEST_KINDS, { message: 'Jenis permohonan tidak dikenal' }),
    /** The desk records how the request came (phone, WhatsApp, letter …); a contributor's device: app. */
    channel: z.enum(REQUEST_CHANNELS, { message: 'Saluran tidak dikenal' }).default('app'),
    title: z.string().trim().min(1, { message: 'Judul permohonan wajib diisi' }).max(REQUEST_LIMITS.title, { message: `Judul: maksimal ${REQUEST_LIMITS.title} karakter` }),
    description: text(REQUEST_LIMITS.description, 'Uraian'),
    place: text(REQUEST_LIMITS.place, 'Tempat'),
    startMs: instant.nullable().default(null),
    endMs: instant.nullable().default(null),
    zone: z.enum(['WIB', 'WITA', 'WIT']).default('WIB'),
    attendees: text(REQUEST_LIMITS.attendees, 'Yang hadir'),
    contactName: text(REQUEST_LIMITS.contactName, 'Narahubung'),
    contactPhone: z
      .string()
      .trim()
      .max(REQUEST_LIMITS.contactPhone)
      .regex(/^[0-9+()\-\s.]*$/, { message: 'Nomor telepon hanya boleh berisi angka, spasi, +, (, ), - dan titik' })
      .default(''),
    material: text(REQUEST_LIMITS.material, 'Naskah'),
    /** An invitation for a leader: who invites when it is not an OPD (the desk records it), the letter's number and date. */
    inviter: text(REQUEST_LIMITS.inviter, 'Pengundang'),
    invitationNumber: text(REQUEST_LIMITS.invitationNumber, 'Nomor surat'),
    invitationDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal surat tidak sah' })]).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind !== 'material' && v.startMs === null) ctx.addIssue({ code: 'custom', path: ['startMs'], message: 'Isi waktu mulai kegiatan' });
    if (v.startMs !== null && v.endMs !== null && v.endMs <= v.startMs) ctx.addIssue({ code: 'custom', path: ['endMs'], message: 'Waktu selesai harus sesudah waktu mulai' });
    if (v.kind === 'press_conference' && v.endMs === null) ctx.addIssue({ code: 'custom', path: ['endMs'], message: 'Jumpa pers perlu waktu selesai (ruang pers dipesan sampai jam itu)' });
    if (v.kind === 'material' && v.material.trim() === '') ctx.addIssue({ code: 'custom', path: ['material'], message: 'Tempelkan naskah yang akan dipublikasikan' });
  });

const listInput = z
  .object({
    status: z.enum(REQUEST_STATUSES).nullable().default(null),
    opdId: z.string().max(36).nullable().default(null),
    query: z.string().max(200).default(''),
    dueToday: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();

/**
 * The desk's answer. Accepting a publicity or press-conference request makes its agenda item
 * (the press room booked for a press conference) and, when asked, its release draft, linked both
 * ways; accepting material makes the release draft attributed to the OPD.
 */
const answerInput = z
  .object({
    id: uuid,
    action: z.enum(['accept', 'decline', 'needs_info']),
    note: z.string().trim().max(REQUEST_LIMITS.answer, { message: `Catatan: maksimal ${REQUEST_LIMITS.answer} karakter` }).default(''),
    makeRelease: z.boolean().default(true),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.action === 'decline' && v.note === '') ctx.addIssue({ code: 'custom', path: ['note'], message: 'Tuliskan alasan penolakan; OPD akan membacanya' });
    if (v.action === 'needs_info' && v.note === '') ctx.addIssue({ code: 'custom', path: ['note'], message: 'Tuliskan apa yang perlu dilengkapi OPD' });
  });

/** A photo, document or scanned letter; its size is refused before it is decoded. */
const attachInput = z
  .object({
    requestId: uuid,
    fileName: z.string().trim().min(1).max(200, { message: 'Nama berkas: maksimal 200 karakter' }),
    mime: z.enum(ATTACHMENT_MIME, { message: 'Lampiran harus PDF, PNG, JPEG atau DOCX' }),
    base64: z.string().max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4, { message: 'Lampiran lebih dari 10 MB' }),
  })
  .strict();
const attachmentInput = z.object({ id: uuid }).strict();

/**
 * A disposition on an invitation for a leader: protocol staff propose it, the leader's office
 * decides it (shared/requests/model.ts, INVITATION_DECIDER). "represented" names the deputy.
 */
const dispositionInput = z
  .object({
    id: uuid,
    choice: z.enum(DISPOSITIONS, { message: 'Pilih hadir, diwakilkan atau tidak hadir' }),
    representative: text(REQUEST_LIMITS.representative, 'Wakil'),
    note: text(REQUEST_LIMITS.dispositionNote, 'Catatan'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.choice === 'represented' && v.representative === '') ctx.addIssue({ code: 'custom', path: ['representative'], message: 'Diwakilkan kepada siapa? Tuliskan nama dan jabatan wakilnya' });
  });

/** Coverage staff for an accepted request's agenda item: the agenda's own reporter / photographer / videographer. */
const coverageInput = z.object({ id: uuid, reporterId: uuid.nullable(), photographerId: uuid.nullable(), videographerId: uuid.nullable() }).strict();

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Bulan harus berbentuk TTTT-BB' });
/** Per OPD and month; a report asks for a range of months, the board for one. */
const numbersInput = z
  .object({ fromMonth: month, toMonth: month, opdId: z.string().max(36).nullable().default(null) })
  .strict()
  .superRefine((v, ctx) => {
    const span = (Number(v.toMonth.slice(0, 4)) - Number(v.fromMonth.slice(0, 4))) * 12 + Number(v.toMonth.slice(5)) - Number(v.fromMonth.slice(5)) + 1;
    if (span < 1) ctx.addIssue({ code: 'custom', path: ['toMonth'], message: 'Bulan akhir harus sama dengan atau sesudah bulan awal' });
    else if (span > NUMBERS_MAX_MONTHS) ctx.addIssue({ code: 'custom', path: ['toMonth'], message: `Paling banyak ${NUMBERS_MAX_MONTHS} bulan sekaligus` });
  });

const assignInput = z.object({ id: uuid, assigneeId: uuid.nullable(), dueMs: instant.nullable() }).strict();

export const requestsMethods = {
  'requests.list': query<typeof listInput, RequestBoard>('requests.read', listInput),
  'requests.get': query<typeof idInput, RequestDetail>('requests.read', idInput),
  // The method needs the least of the two: the handler asks for `requests.submit` on a device
  // bound to an OPD and `requests.manage` at the office (the desk enters it on the OPD's behalf).
  'requests.submit': mutation<typeof submitInput, RequestDetail>('requests.read', submitInput),
  'requests.withdraw': mutation<typeof idInput, RequestDetail>('requests.submit', idInput),
  'requests.answer': mutation<typeof answerInput, RequestDetail>('requests.manage', answerInput),
  'requests.assign': mutation<typeof assignInput, RequestDetail>('requests.manage', assignInput),
  // Assigning coverage is the agenda's (agenda.write); staff double-booked elsewhere come back as warnings, as in the agenda.
  'requests.coverage': mutation<typeof coverageInput, { request: RequestDetail; conflicts: Conflict[] }>('agenda.write', coverageInput),
  // Issue 13 item 5, for the board and the reports feature: per OPD and month.
  'requests.numbers': query<typeof numbersInput, RequestNumbers>('requests.read', numbersInput),
  'requests.propose': mutation<typeof dispositionInput, RequestDetail>(INVITATION_PROPOSER, dispositionInput),
  // The method needs the desk's permission only: a desk member without the decider's right who
  // tries is refused by the handler and the attempt kept in the audit log.
  'requests.decide': mutation<typeof dispositionInput, RequestDetail>('requests.manage', dispositionInput),
  // Who may attach to which request is the rulebook's (the desk: any; an OPD: its own, while open).
  'requests.attach': mutation<typeof attachInput, RequestDetail>('requests.read', attachInput),
  'requests.attachment': query<typeof attachmentInput, { fileName: string; mime: string; base64: string }>('requests.read', attachmentInput),
};
