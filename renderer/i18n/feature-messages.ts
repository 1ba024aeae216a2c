import { useCallback } from 'react';
import type { Language } from '../../shared/contract/methods';
import { interpolate } from './interpolate';
import { useLanguageStore } from './language-store';

/**
 * Messages that live in a feature's own lazy chunk instead of the first screen's dictionaries
 * (messages-id.ts / messages-en.ts), so a new section does not grow the JavaScript every start
 * loads (the fresh-clone check holds the first screen to 600 kB). Indonesian is the source of the
 * keys; English must give every key (type-checked by the `Record<keyof I, string>`).
 *
 *   export const { useFeatureT: useDeskT } = featureMessages(deskId, deskEn);
 *   const { t } = useDeskT();  t('desk.title')
 *
 * Only the lazy page and its children import the feature's messages module; the sidebar label
 * (`nav.<section>`) stays in the first-screen dictionaries, since the sidebar paints first.
 */
export function featureMessages<I extends Record<string, string>>(id: I, en: Record<keyof I, string>) {
  const dictionaries: Record<Language, Record<keyof I, string>> = { id, en };
  type Key = keyof I & string;
  const translate = (language: Language, key: Key, values?: Record<string, string | number>): string =>
    interpolate(dictionaries[language][key], values, language);
  function useFeatureT(): { t: (key: Key, values?: Record<string, string | number>) => string; language: Language } {
    const language = useLanguageStore((s) => s.language);
    const t = useCallback((key: Key, values?: Record<string, string | number>) => translate(language, key, values), [language]);
    return { t, language };
  }
  return { useFeatureT, translate };
}
