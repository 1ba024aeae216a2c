import { z } from 'zod';
import { CONSENT_STATES } from '../../media/vocabulary';
import {
  MAX_INVITEES,
  MAX_WAVES,
  MEETING_KINDS,
  NETWORK_LIMITS as L,
  RSVP_STATES,
  type ActionItem,
  type ContactPersonal,
  type ContactSummary,
  type MeetingDetail,
  type MeetingSummary,
} from '../../network/model';
import { mutation, query } from '../define';
import type { GeneratedFile } from './agenda';
import { empty, idInput, uuid } from './common';

const text = (max: number, what: string) => z.string().trim().max(max, { message: `${what}: maksimal ${max} karakter` }).default('');
const required = (max: number, what: string) =>
  z.string().trim().min(1, { message: `${what} wajib diisi` }).max(max, { message: `${what}: maksimal ${max} karakter` });
const date = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Tanggal harus berformat TTTT-BB-HH' });
const clock = z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Jam harus berformat JJ:MM' })]).default('');

/** Phones and e-mail as typed; the core reads them (libphonenumber) and refuses what is not a number. */
const personalInput = z
  .object({
    phone: z.string().trim().max(40, { message: 'Telepon: maksimal 40 karakter' }).default(''),
    whatsapp: z.string().trim().max(40, { message: 'WhatsApp: maksimal 40 karakter' }).default(''),
    email: z.string().trim().max(160, { message: 'Email: maksimal 160 karakter' }).default(''),
  })
  .strict();

const contactInput = z
  .object({
    id: uuid.optional(),
    opdId: uuid,
    name: required(L.name, 'Nama'),
    position: text(L.position, 'Jabatan'),
    infoTeam: z.boolean().default(false),
    decreeNo: text(L.decreeNo, 'Nomor SK'),
    decreeDate: z.union([z.literal(''), date]).default(''),
    consent: z.enum(CONSENT_STATES).default('unknown'),
    notes: text(L.notes, 'Catatan'),
    /** Needs media.personal (as a journalist's contact data); left out, the stored values stay. */
    personal: personalInput.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.infoTeam && (v.decreeNo === '' || v.decreeDate === ''))
      ctx.addIssue({ code: 'custom', path: ['decreeNo'], message: 'Anggota tim informasi: isi nomor dan tanggal SK-nya' });
  });

const contactsListInput = z.object({ opdId: uuid.nullable().default(null), query: z.string().max(200).default(''), infoTeamOnly: z.boolean().default(false) }).strict();
const eraseInput = z.object({ id: uuid, reason: z.string().trim().min(3, { message: 'Tuliskan dasar permintaan penghapusan' }).max(500) }).strict();

const waveInput = z
  .object({
    id: uuid.optional(),
    label: text(L.waveLabel, 'Nama gelombang'),
    date: z.string({ message: 'Gelombang tanpa tanggal; isi tanggalnya' }).min(1, { message: 'Gelombang tanpa tanggal; isi tanggalnya' }).pipe(date),
    startTime: clock,
    endTime: clock,
    place: text(L.place, 'Tempat'),
  })
  .strict()
  .refine((w) => !w.startTime || !w.endTime || w.endTime > w.startTime, { path: ['endTime'], message: 'Jam selesai harus sesudah jam mulai' });

const meetingInput = z
  .object({
    id: uuid.optional(),
    kind: z.enum(MEETING_KINDS, { message: 'Jenis pertemuan tidak dikenal' }),
    title: required(L.title, 'Judul'),
    place: text(L.place, 'Tempat'),
    description: text(L.description, 'Uraian'),
    waves: z
      .array(waveInput)
      .min(1, { message: 'Isi paling sedikit satu tanggal pertemuan' })
      .max(MAX_WAVES, { message: `Paling banyak ${MAX_WAVES} gelombang` }),
  })
  .strict();

const inviteInput = z
  .object({
    meetingId: uuid,
    /** The wave they are invited to; null: the meeting's only (or first) wave. */
    waveId: uuid.nullable().default(null),
    contactIds: z.array(uuid).max(MAX_INVITEES, { message: `Paling banyak ${MAX_INVITEES} undangan per pertemuan` }).default([]),
    journalistIds: z.array(uuid).max(MAX_INVITEES, { message: `Paling banyak ${MAX_INVITEES} undangan per pertemuan` }).default([]),
  })
  .strict();

const rsvpInput = z.object({ id: uuid, rsvp: z.enum(RSVP_STATES) }).strict();
const attendInput = z.object({ meetingId: uuid, inviteeId: uuid, present: z.boolean() }).strict();
const moveInput = z.object({ id: uuid, waveId: uuid }).strict();
const minutesInput = z.object({ id: uuid, minutes: text(L.minutes, 'Notulen') }).strict();
const actionInput = z
  .object({ id: uuid.optional(), meetingId: uuid, opdId: uuid, text: required(L.actionText, 'Tindak lanjut'), dueDate: z.union([z.literal(''), date]).default('') })
  .strict();
const actionDoneInput = z.object({ id: uuid, done: z.boolean(), note: text(L.actionText, 'Catatan') }).strict();
const actionsListInput = z.object({ status: z.enum(['open', 'done', 'all']).default('open'), opdId: uuid.nullable().default(null) }).strict();
const sheetInput = z.object({ meetingId: uuid, waveId: uuid.nullable().default(null), format: z.enum(['pdf', 'docx']), paper: z.enum(['A4', 'F4']).default('A4') }).strict();

export const networkMethods = {
  'network.contacts.list': query<typeof contactsListInput, ContactSummary[]>('network.read', contactsListInput),
  'network.contacts.personal': query<typeof idInput, ContactPersonal>('media.personal', idInput),
  'network.contacts.save': mutation<typeof contactInput, ContactSummary>('network.manage', contactInput),
  'network.contacts.delete': mutation<typeof idInput, ContactSummary>('network.manage', idInput),
  'network.contacts.exportPerson': query<typeof idInput, GeneratedFile>('media.personal', idInput),
  'network.contacts.erase': mutation<typeof eraseInput, ContactSummary>('media.personal', eraseInput),
  'network.meetings.list': query<typeof empty, MeetingSummary[]>('network.manage', empty),
  'network.meetings.get': query<typeof idInput, MeetingDetail>('network.manage', idInput),
  'network.meetings.save': mutation<typeof meetingInput, MeetingDetail>('network.manage', meetingInput),
  'network.meetings.invite': mutation<typeof inviteInput, MeetingDetail>('network.manage', inviteInput),
  'network.meetings.minutes': mutation<typeof minutesInput, MeetingDetail>('network.manage', minutesInput),
  'network.meetings.attendanceSheet': query<typeof sheetInput, GeneratedFile>('network.manage', sheetInput),
  'network.invitees.rsvp': mutation<typeof rsvpInput, MeetingDetail>('network.manage', rsvpInput),
  'network.invitees.attend': mutation<typeof attendInput, MeetingDetail>('network.manage', attendInput),
  'network.invitees.move': mutation<typeof moveInput, MeetingDetail>('network.manage', moveInput),
  'network.invitees.remove': mutation<typeof idInput, MeetingDetail>('network.manage', idInput),
  'network.actions.save': mutation<typeof actionInput, MeetingDetail>('network.manage', actionInput),
  'network.actions.done': mutation<typeof actionDoneInput, ActionItem>('network.manage', actionDoneInput),
  // An OPD's contributor reports its own OPD's action item done (or not yet): same input and answer.
  'network.actions.report': mutation<typeof actionDoneInput, ActionItem>('network.answer', actionDoneInput),
  'network.actions.list': query<typeof actionsListInput, ActionItem[]>('network.read', actionsListInput),
};
