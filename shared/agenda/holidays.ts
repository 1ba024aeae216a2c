import { z } from 'zod';

export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** The yearly file in assets/holidays/<year>.json. */
export const holidayFileSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: z.string().min(1).max(300),
    entries: z.array(
      z.object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        name: z.string().min(1).max(200),
        kind: z.enum(HOLIDAY_KINDS),
      }),
    ),
  })
  .superRefine((f, ctx) => {
    f.entries.forEach((e, i) => {
      if (!e.date.startsWith(`${f.year}-`)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'date'], message: 'Tanggal di luar tahun berkas' });
    });
  });
export type HolidayFile = z.infer<typeof holidayFileSchema>;

export const holidayInput = z
  .object({
    id: z.string().uuid({ message: 'Id tidak sah' }).optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal harus berbentuk TTTT-BB-HH' }),
    name: z.string().trim().min(1, { message: 'Wajib diisi' }).max(200, { message: 'Maksimal 200 karakter' }),
    kind: z.enum(HOLIDAY_KINDS, { message: 'Jenis libur tidak dikenal' }),
    source: z.string().trim().max(300).default('Diisi pengguna'),
  })
  .strict();

export interface Holiday {
  id: string;
  date: string;
  name: string;
  kind: HolidayKind;
  source: string;
}
