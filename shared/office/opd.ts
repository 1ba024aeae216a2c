import { z } from 'zod';

/**
 * A regional agency (OPD/SKPD). Releases name the OPD they concern, agenda items their
 * organiser, and agencies book the press room; so the list lives with the office profile.
 */
export const opdInput = z
  .object({
    id: z.string().uuid({ message: 'Id tidak sah' }).optional(),
    name: z.string().trim().min(1, { message: 'Wajib diisi' }).max(200, { message: 'Maksimal 200 karakter' }),
    abbreviation: z.string().trim().max(40, { message: 'Maksimal 40 karakter' }).default(''),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[0-9+()\-\s.]*$/, { message: 'Nomor telepon hanya boleh berisi angka, spasi, +, (, ), - dan titik' })
      .default(''),
    email: z.union([z.literal(''), z.string().trim().max(160).email({ message: 'Alamat email tidak sah' })]).default(''),
    active: z.boolean().default(true),
  })
  .strict();

export type OpdInput = z.input<typeof opdInput>;

export interface Opd {
  id: string;
  name: string;
  abbreviation: string;
  phone: string;
  email: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}
