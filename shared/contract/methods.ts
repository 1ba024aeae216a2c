import { z } from 'zod';
import { officeProfileInput, type OfficeProfile } from '../office/profile';
import { opdInput, type Opd } from '../office/opd';
import { mutation, query, type MethodSpec } from './define';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  /** 'electron' inside the desktop shell, 'browser' for browser mode, 'test' in tests. */
  mode: 'electron' | 'browser' | 'test';
  deviceId: string;
  dataDir: string;
}

export interface SyncStatus {
  /** Sync is built by the sync issue; until then the status says so honestly. */
  configured: boolean;
  pendingChanges: number;
  lastChangeAt: string | null;
}

export type Language = 'id' | 'en';
export interface MachinePrefs {
  language: Language;
}

export interface StoredAttachment {
  hash: string;
  mime: string;
  size: number;
}

/** Images the letterhead may carry. SVG is refused: it can carry scripts. */
export const IMAGE_MIME = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const EMBLEM_MAX_BYTES = 2 * 1024 * 1024;

const empty = z.object({}).strict();
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'Id tidak sah' });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Hash berkas tidak sah' });

export const methods = {
  'app.info': query<typeof empty, AppInfo>(empty),

  'office.get': query<typeof empty, OfficeProfile | null>(empty),
  'office.save': mutation<typeof officeProfileInput, OfficeProfile>(officeProfileInput),

  'opd.list': query<z.ZodObject<{ includeDeleted: z.ZodDefault<z.ZodBoolean> }>, Opd[]>(
    z.object({ includeDeleted: z.boolean().default(false) }).strict(),
  ),
  'opd.save': mutation<typeof opdInput, Opd>(opdInput),
  'opd.delete': mutation<z.ZodObject<{ id: typeof uuid }>, Opd>(z.object({ id: uuid }).strict()),
  'opd.restore': mutation<z.ZodObject<{ id: typeof uuid }>, Opd>(z.object({ id: uuid }).strict()),

  'attachments.putImage': mutation<
    z.ZodObject<{ mime: z.ZodEnum<{ [K in (typeof IMAGE_MIME)[number]]: K }>; base64: z.ZodString }>,
    StoredAttachment
  >(
    z
      .object({
        mime: z.enum(IMAGE_MIME),
        // base64 grows data by 4/3; the byte limit is checked again after decoding.
        base64: z.string().max(Math.ceil((EMBLEM_MAX_BYTES * 4) / 3) + 4, { message: 'Berkas gambar lebih dari 2 MB' }),
      })
      .strict(),
  ),
  'attachments.getDataUrl': query<z.ZodObject<{ hash: typeof sha256 }>, { dataUrl: string; mime: string }>(
    z.object({ hash: sha256 }).strict(),
  ),

  'prefs.get': query<typeof empty, MachinePrefs>(empty),
  'prefs.set': mutation<z.ZodObject<{ language: z.ZodEnum<{ id: 'id'; en: 'en' }> }>, MachinePrefs>(
    z.object({ language: z.enum(['id', 'en']) }).strict(),
  ),

  'sync.status': query<typeof empty, SyncStatus>(empty),
} as const satisfies Record<string, MethodSpec<z.ZodType, unknown>>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodResult<M extends MethodName> = NonNullable<Methods[M]['result']>['type'];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
