/**
 * The enrolment file (`.warta-enrol`): what an administrator hands a new computer so it can join
 * the office without typing (Settings › Sinkronisasi, after making a code). JSON, small, checked
 * whole before anything is used: a tampered, truncated or foreign file is refused with a typed
 * error saying what is wrong, Indonesian first and English second. It carries a secret (the
 * enrolment code, single-use and short-lived on the server), never a token.
 */
import { z } from 'zod';
import { ROLES } from '../contract/permissions';
import { WartaError } from '../contract/errors';

export const ENROLMENT_FILE_EXTENSION = '.warta-enrol';
export const ENROLMENT_FILE_FORMAT = 'warta-enrol';
/** A real file is a few hundred bytes; anything far larger is not one. */
export const ENROLMENT_FILE_MAX_BYTES = 4096;

const enrolmentFileSchema = z
  .object({
    format: z.literal(ENROLMENT_FILE_FORMAT),
    version: z.literal(1),
    serverUrl: z
      .string()
      .trim()
      .max(300)
      .refine((s) => /^https?:\/\/[^\s/]+(\/.*)?$/i.test(s)),
    workspace: z.string().trim().min(1).max(64),
    workspaceName: z.string().trim().max(160).optional(),
    code: z.string().trim().min(6).max(64),
    role: z.enum(ROLES),
    issuedAt: z.string().datetime().optional(),
  })
  .strict();

export type EnrolmentFile = z.infer<typeof enrolmentFileSchema>;

/** The file's content for a code just made (the administrator's download). */
export function enrolmentFileText(input: Omit<EnrolmentFile, 'format' | 'version'>): string {
  return `${JSON.stringify({ format: ENROLMENT_FILE_FORMAT, version: 1, ...input }, null, 2)}\n`;
}

/** Reads an enrolment file's text; throws WartaError('invalid_input') naming what is wrong. */
export function parseEnrolmentFile(text: string): EnrolmentFile {
  if (text.length > ENROLMENT_FILE_MAX_BYTES)
    throw new WartaError('invalid_input', 'Berkas ini terlalu besar untuk berkas pendaftaran Warta. (Too large for a Warta enrolment file.)', { reason: 'too_large' });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new WartaError('invalid_input', 'Berkas ini bukan berkas pendaftaran Warta (isinya tidak terbaca). (Not a Warta enrolment file: unreadable.)', { reason: 'not_json' });
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== ENROLMENT_FILE_FORMAT)
    throw new WartaError('invalid_input', 'Berkas ini bukan berkas pendaftaran Warta. (Not a Warta enrolment file.)', { reason: 'not_enrolment_file' });
  if ((raw as { version?: unknown }).version !== 1)
    throw new WartaError('invalid_input', 'Berkas pendaftaran ini dibuat oleh versi Warta yang lebih baru; perbarui Warta dulu. (Made by a newer Warta.)', { reason: 'newer_version' });
  const parsed = enrolmentFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new WartaError(
      'invalid_input',
      `Berkas pendaftaran rusak atau diubah (${parsed.error.issues.map((i) => i.path.join('.') || 'isi').join(', ')}); minta administrator membuat berkas baru. (The enrolment file is damaged or was altered.)`,
      { reason: 'invalid', fields: parsed.error.issues.map((i) => i.path.join('.')) },
    );
  return parsed.data;
}
