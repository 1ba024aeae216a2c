import type { DeviceReport } from '../../sync/device-report';
import { z } from 'zod';
import { ROLES } from '../permissions';
import { mutation, query } from '../define';
import { empty } from './common';

/** What the settings screen and the status bar show about sync. */
export interface SyncStatus {
  /** True once this device is enrolled with a sync server. */
  configured: boolean;
  /**
   * not_configured · offline (server unreachable; retrying) · syncing · up_to_date ·
   * error (the server refused; `message` says why) · needs_confirmation (a mass delete waits for a person)
   */
  state: 'not_configured' | 'offline' | 'syncing' | 'up_to_date' | 'error' | 'needs_confirmation';
  /** Plain words for error / needs_confirmation / offline (Indonesian, from the core or server). */
  message: string | null;
  progress: { done: number; total: number | null } | null;
  /** Local changes not yet acknowledged by the server (all local changes when not configured). */
  pendingChanges: number;
  lastChangeAt: string | null;
  lastSyncAt: string | null;
  nextRetryAt: string | null;
  serverUrl: string | null;
  workspaceName: string | null;
  role: string | null;
  openConflicts: number;
  openReviews: number;
  /** Changes of this computer the office's server refused, not yet dismissed (sync.refused). */
  openRefusals: number;
  /** Set when a pull or push stopped because it would delete a large share of the data. */
  pendingDeletes: { direction: 'pull' | 'push'; count: number; total: number } | null;
  /** The office sync server hosted by this computer, when it runs. */
  hosting: { url: string; host: string; port: number; workspace: string; insecure: boolean } | null;
  /** Why the office server this computer should host is not running (it died, or could not start again). */
  hostingProblem: string | null;
}

export interface SyncConflict {
  id: number;
  table: string;
  rowId: string;
  field: string;
  /** The record's name as this computer holds it (a release's title, a journalist's name); null for singletons and unnamed rows. */
  recordName: string | null;
  /** The value the row holds now (the winner by clock). */
  currentValue: unknown;
  /** The value that lost, kept so a person can choose it. */
  otherValue: unknown;
  otherFrom: string;
  detectedAt: string;
}

/**
 * A field of a change the office's server refused (its rules: the role of this computer, the
 * record's state). The record took the office's value; the value written here is kept so the
 * person can redo it properly. `table`, `field`, `rowId` name what it is about (a renderer labels them).
 */
export interface SyncRefusal {
  id: number;
  table: string;
  rowId: string;
  field: string;
  /** The record's name as this computer held it (title, name, login …), when it has one. */
  recordName: string | null;
  /** The value this computer had written. */
  value: unknown;
  /** The rule that refused it: table_forbidden, field_forbidden, invalid_value, wrong_state, history, erased. */
  code: string;
  /** Why, in Indonesian and English. */
  message: { id: string; en: string };
  refusedAt: string;
}

export interface SyncReview {
  id: number;
  table: string;
  rowId: string;
  kind: 'restored_after_delete' | 'restored_elsewhere';
  detectedAt: string;
}

const url = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((s) => /^https?:\/\/[^\s/]+(\/.*)?$/i.test(s), { message: 'Alamat server harus diawali http:// atau https://' });

const configureInput = z
  .object({
    serverUrl: url,
    workspace: z.string().trim().min(1).max(64),
    code: z.string().trim().min(6).max(64),
    deviceName: z.string().trim().min(1).max(120),
  })
  .strict();
const resolveInput = z.object({ id: z.number().int().positive(), keep: z.enum(['current', 'other']) }).strict();
const reviewInput = z.object({ id: z.number().int().positive() }).strict();
const confirmInput = z.object({ allow: z.boolean() }).strict();
const hostInput = z
  .object({
    host: z.string().trim().min(1).max(64).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8787),
    allowInsecureHttp: z.boolean().default(false),
  })
  .strict();
// A contributor's code is made for one OPD (the device is bound to it); other roles name none.
const codeInput = z
  .object({ role: z.enum(ROLES), opdId: z.string().regex(/^[A-Za-z0-9-]{1,36}$/).nullable().default(null) })
  .strict()
  .refine((v) => (v.role === 'opd_contributor') === (v.opdId !== null), { message: 'Kode Kontributor OPD harus dibuat untuk satu OPD; peran lain tanpa OPD.', path: ['opdId'] });

export const syncMethods = {
  'sync.configure': mutation<typeof configureInput, SyncStatus>('sync.manage', configureInput),
  /** First run: join an existing office (enrol, take its profile, accounts and data); nothing of this computer's is written. */
  'sync.join': mutation<typeof configureInput, SyncStatus>('sync.manage', configureInput),
  'sync.disconnect': mutation<typeof empty, SyncStatus>('sync.manage', empty),
  'sync.now': mutation<typeof empty, SyncStatus>('app.use', empty),
  'sync.confirmDeletes': mutation<typeof confirmInput, SyncStatus>('sync.manage', confirmInput),
  'sync.conflicts': query<typeof empty, SyncConflict[]>('app.use', empty),
  'sync.resolveConflict': mutation<typeof resolveInput, { ok: true }>('app.use', resolveInput),
  'sync.reviews': query<typeof empty, SyncReview[]>('app.use', empty),
  'sync.closeReview': mutation<typeof reviewInput, { ok: true }>('app.use', reviewInput),
  'sync.refused': query<typeof empty, SyncRefusal[]>('app.use', empty),
  'sync.dismissRefused': mutation<typeof reviewInput, { ok: true }>('app.use', reviewInput),
  'sync.host.start': mutation<typeof hostInput, SyncStatus>('sync.manage', hostInput),
  'sync.host.stop': mutation<typeof empty, SyncStatus>('sync.manage', empty),
  /** The administrator's device sync report, from the office's server (which authorises it again). */
  'sync.devices': query<typeof empty, DeviceReport>('sync.manage', empty),
  'sync.host.issueCode': mutation<typeof codeInput, { code: string; workspace: string; url: string }>('sync.manage', codeInput),
};
