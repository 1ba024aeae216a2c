import { ipcMain } from 'electron';
import Store from 'electron-store';
import type { Language, MachinePrefs } from '../../shared/contract/methods';
import type { PrefsStore } from '../core/prefs';
import type { Rect } from './policy/window-bounds';

interface MachineStoreShape {
  language: Language;
  windowBounds?: Rect;
  windowMaximized?: boolean;
}

export type MachineStore = Store<MachineStoreShape>;

/**
 * Machine-local settings (architecture.md, Data): language and window placement, in
 * `<userData>/machine.json`. Never the workspace data. A damaged file is only preferences,
 * so it is reset instead of stopping the app.
 */
export function openMachineStore(): MachineStore {
  const store = new Store<MachineStoreShape>({
    name: 'machine',
    clearInvalidConfig: true,
    defaults: { language: 'id' },
    schema: {
      language: { type: 'string', enum: ['id', 'en'] },
      windowBounds: {
        type: 'object',
        properties: { x: { type: 'number' }, y: { type: 'number' }, width: { type: 'number' }, height: { type: 'number' } },
        required: ['x', 'y', 'width', 'height'],
      },
      windowMaximized: { type: 'boolean' },
    },
  });
  // electron-store answers this channel for renderer-side stores; we have none, and it would
  // tell any sender our data folder path.
  ipcMain.removeAllListeners('electron-store-get-data');
  return store;
}

/**
 * The core's PrefsStore backed by electron-store. `onChange` runs after a successful set so
 * the shell can follow the language (menu, dialogs).
 */
export function machinePrefs(store: MachineStore, onChange: (prefs: MachinePrefs) => void): PrefsStore {
  return {
    get: () => ({ language: store.get('language') === 'en' ? 'en' : 'id' }),
    set(prefs) {
      const before = store.get('language');
      store.set('language', prefs.language);
      if (before !== prefs.language) onChange({ language: prefs.language });
    },
  };
}
