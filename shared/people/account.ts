import { z } from 'zod';
import { ROLES, type Permission, type Role } from '../contract/permissions';

/**
 * Staff accounts. Replicated, so a person can sign in on any machine of the office; the
 * password hash travels with the account and is never returned by any method.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

const trimmed = (max: number) => z.string().trim().max(max, { message: `Maksimal ${max} karakter` });

export const password = z
  .string()
  .min(PASSWORD_MIN, { message: `Kata sandi minimal ${PASSWORD_MIN} karakter` })
  .max(PASSWORD_MAX, { message: `Kata sandi maksimal ${PASSWORD_MAX} karakter` });

/** A login is what a person types to sign in: letters, digits, dot, dash, underscore, @. */
export const login = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { message: 'Nama pengguna minimal 3 karakter' })
  .max(80, { message: 'Maksimal 80 karakter' })
  .regex(/^[a-z0-9._@-]+$/, { message: 'Nama pengguna hanya boleh berisi huruf, angka, titik, garis bawah, tanda hubung dan @' });

export const accountFields = {
  name: trimmed(120).min(1, { message: 'Wajib diisi' }),
  login,
  position: trimmed(120).default(''),
  unit: trimmed(120).default(''),
  phone: trimmed(40)
    .regex(/^[0-9+()\-\s.]*$/, { message: 'Nomor telepon hanya boleh berisi angka, spasi, +, (, ), - dan titik' })
    .default(''),
  email: z.union([z.literal(''), z.string().trim().max(160).email({ message: 'Alamat email tidak sah' })]).default(''),
  roles: z.array(z.enum(ROLES)).min(1, { message: 'Pilih paling sedikit satu peran' }).max(ROLES.length),
};

export const setupAdministratorInput = z
  .object({ name: accountFields.name, login: accountFields.login, password })
  .strict();

export const accountInput = z
  .object({
    id: z.string().uuid().optional(),
    ...accountFields,
    active: z.boolean().default(true),
    /** Required for a new account; ignored on edit (use accounts.resetPassword). */
    password: password.optional(),
  })
  .strict();

export interface Account {
  id: string;
  name: string;
  login: string;
  position: string;
  unit: string;
  phone: string;
  email: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the renderer knows about who is at the machine. */
export interface SessionInfo {
  /** The signed-in account, or null (nobody, or locked). */
  user: Pick<Account, 'id' | 'name' | 'login' | 'roles' | 'position'> | null;
  /** What the current caller may do (from their roles), for showing and hiding the UI. */
  permissions: Permission[];
  /** False until the first-run administrator exists: then the machine's user is the administrator. */
  accountsExist: boolean;
  /** The machine opens in press-room mode: without a staff sign-in it is a journalist kiosk. */
  pressRoom: boolean;
  /** The account whose session is locked by the idle timer; they (or another staff) sign in again. */
  lockedUser: { id: string; name: string; login: string } | null;
  idleLockMinutes: number;
}

export const machineSettingsInput = z
  .object({
    pressRoom: z.boolean(),
    idleLockMinutes: z.number().int().min(1, { message: 'Minimal 1 menit' }).max(24 * 60, { message: 'Maksimal 1.440 menit' }),
  })
  .strict();

export type MachineSettings = z.output<typeof machineSettingsInput>;
export const DEFAULT_IDLE_LOCK_MINUTES = { staff: 30, pressRoom: 10 } as const;
