/**
 * The right-click menu and the spellchecker (issue 17 item 5). Indonesian spelling where the
 * platform provides a dictionary (macOS, Windows with the Indonesian language pack), never a
 * download at run time: on Linux, and on Windows without the pack, the spellchecker stays off and
 * the menu says so. Electron comes in as small interfaces (tested with stand-ins).
 */
import type { Language } from '../../shared/contract/methods';
import { contextMenuTemplate, indonesianSpellLanguage, type ContextItem, type ContextParams } from './policy/context-menu-template';

export interface SpellSession {
  availableSpellCheckerLanguages: string[];
  setSpellCheckerEnabled(enabled: boolean): void;
  setSpellCheckerLanguages(languages: string[]): void;
  addWordToSpellCheckerDictionary(word: string): boolean;
}

export interface ContextContents {
  on(event: 'context-menu', listener: (event: unknown, params: ContextParams) => void): unknown;
  replaceMisspelling(text: string): void;
}

/** Chooses the dictionary once per session; returns whether Indonesian spelling is available. */
export function setUpSpelling(session: SpellSession, platform: string): { available: boolean; language: string | null } {
  const language = indonesianSpellLanguage(platform, session.availableSpellCheckerLanguages ?? []);
  if (!language) {
    session.setSpellCheckerEnabled(false);
    return { available: false, language: null };
  }
  // macOS ignores the language list (its own checker detects the language).
  if (platform !== 'darwin') session.setSpellCheckerLanguages([language]);
  session.setSpellCheckerEnabled(true);
  return { available: true, language };
}

export function installContextMenu(
  contents: ContextContents,
  deps: { language(): Language; spelling: { available: boolean }; session: SpellSession; popup(items: ContextItem[], act: (item: ContextItem) => void): void },
): void {
  contents.on('context-menu', (_event, params) => {
    const items = contextMenuTemplate(params, deps.language(), deps.spelling);
    if (!items) return;
    deps.popup(items, (item) => {
      if ('replaceWith' in item) contents.replaceMisspelling(item.replaceWith);
      else if ('addWord' in item) deps.session.addWordToSpellCheckerDictionary(item.addWord);
    });
  });
}
