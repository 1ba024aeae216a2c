import { z } from 'zod';
import { checkNumberPattern, DEFAULT_NUMBER_PATTERN } from './number-pattern';
import { DATELINE_FORMS, DEFAULT_DATELINE_FORM } from '../releases/dateline';
import { ZONE_LABELS } from './time-zones';

/** How a release ends: *-selesai-* (the Indonesian custom) or ### (the wire-service mark). */
export const END_MARKS = ['-selesai-', '###'] as const;
export type EndMark = (typeof END_MARKS)[number];

/**
 * The office profile: who publishes (the letterhead, *kop*), where (dateline city, time zone)
 * and how releases are numbered. One per workspace; kept in the replicated database so every
 * machine of the office prints the same letterhead.
 */
const text = (max: number) => z.string().trim().max(max, { message: `Maksimal ${max} karakter` });
const required = (max: number) => text(max).min(1, { message: 'Wajib diisi' });

export const officeProfileInput = z
  .object({
    institution: required(160),
    unit: required(160),
    institutionCode: text(40).default(''),
    unitCode: text(40).default(''),
    city: required(80),
    province: required(80),
    timeZone: z.enum(ZONE_LABELS as [string, ...string[]]),
    address: text(300).default(''),
    phone: text(40)
      .regex(/^[0-9+()\-\s.]*$/, { message: 'Nomor telepon hanya boleh berisi angka, spasi, +, (, ), - dan titik' })
      .default(''),
    email: z.union([z.literal(''), z.string().trim().max(160).email({ message: 'Alamat email tidak sah' })]).default(''),
    website: z
      .union([z.literal(''), z.string().trim().max(200).regex(/^https?:\/\/[^\s]+$/i, { message: 'Alamat situs harus diawali http:// atau https://' })])
      .default(''),
    emblemHash: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
    numberPattern: text(120).default(DEFAULT_NUMBER_PATTERN),
    /** A letterhead line in a regional script (Aksara Bali, Jawa or Sunda), printed above the institution. */
    scriptLine: text(200).default(''),
    datelineForm: z.enum(DATELINE_FORMS, { message: 'Bentuk baris tanggal tidak dikenal' }).default(DEFAULT_DATELINE_FORM),
    endMark: z.enum(END_MARKS, { message: 'Tanda akhir rilis tidak dikenal' }).default('-selesai-'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.scriptLine && !/\p{Script=Balinese}|\p{Script=Javanese}|\p{Script=Sundanese}/u.test(value.scriptLine)) {
      ctx.addIssue({ code: 'custom', path: ['scriptLine'], message: 'Baris aksara daerah harus ditulis dengan Aksara Bali, Jawa, atau Sunda' });
    }
    const check = checkNumberPattern(value.numberPattern);
    if (check.ok) return;
    const message =
      check.reason === 'unknown_placeholder'
        ? `Pola nomor memuat penanda yang tidak dikenal: {${check.placeholder}}`
        : check.reason === 'missing_seq'
          ? 'Pola nomor harus memuat {seq} atau {seq3} agar setiap rilis bernomor unik'
          : 'Pola nomor memiliki kurung kurawal yang tidak berpasangan';
    ctx.addIssue({
      code: 'custom',
      path: ['numberPattern'],
      message,
      params: check.reason === 'unknown_placeholder' ? { placeholder: check.placeholder } : { reason: check.reason },
    });
  });

export type OfficeProfileInput = z.input<typeof officeProfileInput>;
export type OfficeProfileValues = z.output<typeof officeProfileInput>;
export type OfficeProfile = OfficeProfileValues & { updatedAt: string };
