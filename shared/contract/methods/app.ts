import { z } from 'zod';
import { mutation, query } from '../define';
import { empty } from './common';
import type { SyncStatus } from './sync';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  /** 'electron' inside the desktop shell, 'browser' for browser mode, 'test' in tests. */
  mode: 'electron' | 'browser' | 'test';
  deviceId: string;
  dataDir: string;
}

export type { SyncStatus } from './sync';

export type Language = 'id' | 'en';
export interface MachinePrefs {
  language: Language;
}

const prefsInput = z.object({ language: z.enum(['id', 'en']) }).strict();

export const appMethods = {
  'app.info': query<typeof empty, AppInfo>('app.use', empty),
  'prefs.get': query<typeof empty, MachinePrefs>('app.use', empty),
  'prefs.set': mutation<typeof prefsInput, MachinePrefs>('app.use', prefsInput),
  'sync.status': query<typeof empty, SyncStatus>('app.use', empty),
};
