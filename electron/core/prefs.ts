import fs from 'node:fs';
import path from 'node:path';
import type { MachinePrefs } from '../../shared/contract/methods';

/**
 * Machine preferences (language, …) belong to the machine, not the synced workspace.
 * The desktop shell backs this with electron-store; browser mode and tests with a JSON file.
 */
export interface PrefsStore {
  get(): MachinePrefs;
  set(prefs: MachinePrefs): void;
}

export const DEFAULT_PREFS: MachinePrefs = { language: 'id' };

export function createFilePrefs(dataDir: string): PrefsStore {
  const file = path.join(dataDir, 'machine-prefs.json');
  return {
    get() {
      try {
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<MachinePrefs>;
        return { ...DEFAULT_PREFS, ...(parsed.language === 'en' || parsed.language === 'id' ? { language: parsed.language } : {}) };
      } catch {
        return { ...DEFAULT_PREFS };
      }
    },
    set(prefs) {
      const tmp = `${file}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(prefs));
      fs.renameSync(tmp, file);
    },
  };
}
