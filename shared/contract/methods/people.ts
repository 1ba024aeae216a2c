import { z } from 'zod';
import type { AuditEntry } from '../../people/audit';
import { accountInput, machineSettingsInput, password, setupAdministratorInput, type Account, type MachineSettings, type SessionInfo } from '../../people/account';
import { guestbookSignInInput, type GuestbookEntry } from '../../people/guestbook';
import { mutation, query } from '../define';
import { empty, idInput } from './common';

const lockInput = z.object({ reason: z.enum(['manual', 'idle']).default('manual') }).strict();
const signInInput = z.object({ login: z.string().trim().toLowerCase().min(1, { message: 'Wajib diisi' }).max(80), password: z.string().min(1, { message: 'Wajib diisi' }).max(200) }).strict();
const resetPasswordInput = z.object({ id: z.string().uuid(), password }).strict();
const changePasswordInput = z.object({ current: z.string().min(1).max(200), next: password }).strict();
const auditListInput = z
  .object({
    action: z.string().max(60).optional(),
    actor: z.string().max(120).optional(),
    from: z.string().datetime().optional(),
    to: z.string().datetime().optional(),
    beforeSeq: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
const setEncryptionInput = z
  .object({
    enabled: z.boolean(),
    /** Browser mode: the passphrase to type at every start. The desktop app makes a key itself. */
    passphrase: z.string().min(12, { message: 'Kata sandi basis data minimal 12 karakter' }).max(200).optional(),
  })
  .strict();
/**
 * How the desktop app keeps its secrets (database key, sync token, SMTP password): the OS
 * keychain; a secrets passphrase (Linux with the weak `basic_text` store or none); nothing
 * (the person declined a passphrase: plainly marked files); or locked (passphrase not given).
 */
export type SecretProtection = 'keychain' | 'passphrase' | 'none' | 'locked';

export interface EncryptionState {
  enabled: boolean;
  kind: 'hex' | 'passphrase' | null;
  /** True where a key vault (the desktop app's safeStorage) can keep a generated key. */
  vault: boolean;
  /** The desktop app's secret store; null in browser mode (secrets there are plainly marked files). */
  secrets?: { protection: SecretProtection; backend: string | null } | null;
}
const guestbookListInput = z.object({ from: z.string().datetime().optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict();

export const peopleMethods = {
  'session.get': query<typeof empty, SessionInfo>('app.use', empty),
  'session.signIn': mutation<typeof signInInput, SessionInfo>('app.use', signInInput),
  'session.signOut': mutation<typeof empty, SessionInfo>('app.use', empty),
  'session.lock': mutation<typeof lockInput, SessionInfo>('app.use', lockInput),
  /** The window saw the person at work (keys, pointer): restarts the idle-lock timer. */
  'session.activity': mutation<typeof empty, null>('app.use', empty),
  'session.changePassword': mutation<typeof changePasswordInput, SessionInfo>('app.use', changePasswordInput),
  /** Only while no account exists: first run creates the administrator and signs them in. */
  'accounts.setupAdministrator': mutation<typeof setupAdministratorInput, SessionInfo>('app.use', setupAdministratorInput),

  'accounts.list': query<typeof empty, Account[]>('people.manage', empty),
  'accounts.save': mutation<typeof accountInput, Account>('people.manage', accountInput),
  'accounts.resetPassword': mutation<typeof resetPasswordInput, Account>('people.manage', resetPasswordInput),

  'machine.getSettings': query<typeof empty, MachineSettings>('app.use', empty),
  'machine.setSettings': mutation<typeof machineSettingsInput, MachineSettings>('people.manage', machineSettingsInput),

  'workspace.getEncryption': query<typeof empty, EncryptionState>('people.manage', empty),
  'workspace.setEncryption': mutation<typeof setEncryptionInput, EncryptionState>('people.manage', setEncryptionInput),

  'audit.list': query<typeof auditListInput, AuditEntry[]>('audit.read', auditListInput),
  'audit.verify': query<typeof empty, { ok: true; count: number } | { ok: false; brokenAt: number; reason: string }>('audit.read', empty),
  'audit.exportCsv': query<typeof auditListInput, { fileName: string; csv: string }>('audit.read', auditListInput),

  'guestbook.signIn': mutation<typeof guestbookSignInInput, GuestbookEntry>('pressroom.guestbook', guestbookSignInInput),
  'guestbook.signOut': mutation<typeof idInput, GuestbookEntry>('pressroom.guestbook', idInput),
  'guestbook.list': query<typeof guestbookListInput, GuestbookEntry[]>('people.manage', guestbookListInput),
  /** A visitor's request to be forgotten (UU 27/2022): personal fields scrubbed, tombstone kept, recorded. */
  'guestbook.erase': mutation<typeof idInput, { erased: true }>('people.manage', idInput),
};
