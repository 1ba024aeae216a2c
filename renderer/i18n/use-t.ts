import { useCallback } from 'react';
import type { Language } from '../../shared/contract/methods';
import { interpolate } from './interpolate';
import { useLanguageStore } from './language-store';
import { messagesEn } from './messages-en';
import { messagesId, type MessageKey } from './messages-id';

const dictionaries: Record<Language, Record<MessageKey, string>> = { id: messagesId, en: messagesEn };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translate(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  return interpolate(dictionaries[language][key], values, language);
}

/** The current language and its `t`; components re-render together when the language changes. */
export function useT(): { t: Translate; language: Language } {
  const language = useLanguageStore((s) => s.language);
  const t = useCallback<Translate>((key, values) => translate(language, key, values), [language]);
  return { t, language };
}
