import { z } from 'zod';

/**
 * The press room's guest book. Personal data (UU 27/2022): the form shows a short notice,
 * collects only what the office needs, and records consent with the notice's version.
 */
export const GUESTBOOK_NOTICE_VERSION = '2026-11';
/** The notice promises entries are kept for at most a year; the core erases older ones at start. */
export const GUESTBOOK_RETENTION_DAYS = 365;

export const guestbookSignInInput = z
  .object({
    name: z.string().trim().min(1, { message: 'Wajib diisi' }).max(120, { message: 'Maksimal 120 karakter' }),
    outlet: z.string().trim().max(120, { message: 'Maksimal 120 karakter' }).default(''),
    purpose: z.string().trim().max(300, { message: 'Maksimal 300 karakter' }).default(''),
    consent: z.literal(true, { message: 'Persetujuan pemrosesan data diperlukan untuk mengisi buku tamu' }),
  })
  .strict();

export interface GuestbookEntry {
  id: string;
  name: string;
  outlet: string;
  purpose: string;
  timeIn: string;
  timeOut: string | null;
  consentAt: string;
  noticeVersion: string;
}
