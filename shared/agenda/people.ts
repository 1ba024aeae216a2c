import { z } from 'zod';

export const officialInput = z
  .object({
    id: z.string().uuid({ message: 'Id tidak sah' }).optional(),
    name: z.string().trim().min(1, { message: 'Nama wajib diisi' }).max(200, { message: 'Maksimal 200 karakter' }),
    position: z.string().trim().min(1, { message: 'Jabatan wajib diisi' }).max(200, { message: 'Maksimal 200 karakter' }),
    institution: z.string().trim().max(200, { message: 'Maksimal 200 karakter' }).default(''),
    precedenceRank: z.number().int({ message: 'Urutan harus bilangan bulat' }).min(1, { message: 'Urutan paling kecil 1' }).max(999, { message: 'Urutan paling besar 999' }),
    isLeader: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export type OfficialInput = z.input<typeof officialInput>;

export interface Official {
  id: string;
  name: string;
  position: string;
  institution: string;
  precedenceRank: number;
  isLeader: boolean;
  active: boolean;
  deletedAt: string | null;
}

export const STAFF_DUTIES = ['reporter', 'photographer', 'videographer'] as const;
export type StaffDuty = (typeof STAFF_DUTIES)[number];

export const staffInput = z
  .object({
    id: z.string().uuid({ message: 'Id tidak sah' }).optional(),
    name: z.string().trim().min(1, { message: 'Nama wajib diisi' }).max(200, { message: 'Maksimal 200 karakter' }),
    duties: z.array(z.enum(STAFF_DUTIES)).min(1, { message: 'Pilih minimal satu tugas' }).max(3),
    phone: z.string().trim().max(40).regex(/^[0-9+()\-\s.]*$/, { message: 'Nomor telepon hanya boleh berisi angka, spasi, +, (, ), - dan titik' }).default(''),
    active: z.boolean().default(true),
  })
  .strict();
export type StaffInput = z.input<typeof staffInput>;

export interface CoverageStaff {
  id: string;
  name: string;
  duties: StaffDuty[];
  phone: string;
  active: boolean;
  deletedAt: string | null;
}

/**
 * The default precedence list, after the order of UU 9/2010 on protocol (Pasal 9: order of
 * precedence at regional events). Positions only; the office fills in the names.
 */
export const DEFAULT_PRECEDENCE: readonly { position: string; rank: number; isLeader: boolean }[] = [
  { position: 'Gubernur', rank: 1, isLeader: true },
  { position: 'Wakil Gubernur', rank: 2, isLeader: true },
  { position: 'Ketua DPRD Provinsi', rank: 3, isLeader: false },
  { position: 'Sekretaris Daerah Provinsi', rank: 4, isLeader: true },
  { position: 'Bupati/Wali Kota', rank: 10, isLeader: true },
  { position: 'Wakil Bupati/Wakil Wali Kota', rank: 11, isLeader: true },
  { position: 'Ketua DPRD Kabupaten/Kota', rank: 12, isLeader: false },
  { position: 'Wakil Ketua DPRD Kabupaten/Kota', rank: 13, isLeader: false },
  { position: 'Sekretaris Daerah Kabupaten/Kota', rank: 14, isLeader: true },
  { position: 'Asisten Sekretaris Daerah', rank: 20, isLeader: false },
  { position: 'Kepala Perangkat Daerah', rank: 30, isLeader: false },
  { position: 'Camat', rank: 40, isLeader: false },
  { position: 'Lurah/Kepala Desa', rank: 50, isLeader: false },
];
