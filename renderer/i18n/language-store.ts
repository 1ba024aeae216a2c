import { create } from 'zustand';
import type { ErrorPayload } from '../../shared/contract/errors';
import type { Language } from '../../shared/contract/methods';
import { call } from '../api/client';

interface LanguageStore {
  language: Language;
  /** False until prefs.get answered, so the first screen does not flash in the wrong language. */
  loaded: boolean;
  load(): Promise<void>;
  /** Switches the whole UI at once and stores the choice for this machine. */
  setLanguage(language: Language): Promise<ErrorPayload | null>;
}

export const useLanguageStore = create<LanguageStore>()((set, get) => ({
  language: 'id',
  loaded: false,
  async load() {
    const result = await call('prefs.get', {});
    // Without prefs the UI stays in Indonesian, the default; the failure shows elsewhere.
    if (result.ok) set({ language: result.value.language });
    set({ loaded: true });
  },
  async setLanguage(language) {
    const previous = get().language;
    set({ language });
    const result = await call('prefs.set', { language });
    if (!result.ok) {
      set({ language: previous });
      return result.error;
    }
    return null;
  },
}));
