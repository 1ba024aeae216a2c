import type { Language } from '../../../shared/contract/methods';

/**
 * The right-click menu as plain data (electron/shell/context-menu.ts turns it into Electron's):
 * spelling suggestions for a misspelled word, then cut/copy/paste/select all as the field allows.
 * Kept free of `electron` so it is tested directly.
 */
export interface ContextParams {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export type ContextItem =
  | { type: 'separator' }
  | { label: string; role: 'cut' | 'copy' | 'paste' | 'selectAll'; enabled: boolean }
  | { label: string; replaceWith: string }
  | { label: string; addWord: string }
  | { label: string; enabled: false };

const LABELS = {
  id: {
    cut: 'Potong',
    copy: 'Salin',
    paste: 'Tempel',
    selectAll: 'Pilih Semua',
    noSuggestions: 'Tidak ada saran ejaan',
    addWord: (w: string) => `Tambahkan “${w}” ke kamus`,
    noDictionary: 'Pemeriksa ejaan bahasa Indonesia tidak tersedia di komputer ini',
  },
  en: {
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    noSuggestions: 'No spelling suggestions',
    addWord: (w: string) => `Add “${w}” to dictionary`,
    noDictionary: 'No Indonesian spelling dictionary on this computer',
  },
} as const;

/** Nothing (null) where a menu has nothing to offer: plain page text with no selection. */
export function contextMenuTemplate(params: ContextParams, lang: Language, spelling: { available: boolean }): ContextItem[] | null {
  const t = LABELS[lang] ?? LABELS.id;
  const items: ContextItem[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, 5);
    if (suggestions.length === 0) items.push({ label: t.noSuggestions, enabled: false });
    for (const s of suggestions) items.push({ label: s, replaceWith: s });
    items.push({ label: t.addWord(params.misspelledWord), addWord: params.misspelledWord });
    items.push({ type: 'separator' });
  } else if (params.isEditable && !spelling.available) {
    // Said plainly, where a person would look for it: Warta never downloads a dictionary.
    items.push({ label: t.noDictionary, enabled: false }, { type: 'separator' });
  }
  if (params.isEditable) {
    items.push(
      { label: t.cut, role: 'cut', enabled: params.editFlags.canCut },
      { label: t.copy, role: 'copy', enabled: params.editFlags.canCopy },
      { label: t.paste, role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { label: t.selectAll, role: 'selectAll', enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim()) {
    items.push({ label: t.copy, role: 'copy', enabled: true });
  }
  return items.length ? items : null;
}

/**
 * The Indonesian dictionary, if the platform has one: macOS uses its own spellchecker (all its
 * languages, nothing to choose); Windows uses its installed language packs; on Linux Chromium would
 * download Hunspell dictionaries from Google, which Warta never does, so there is none.
 */
export function indonesianSpellLanguage(platform: string, available: readonly string[]): string | null {
  if (platform === 'darwin') return 'id';
  if (platform !== 'win32') return null;
  return available.find((l) => l === 'id' || l === 'id-ID' || l.toLowerCase().startsWith('id-')) ?? null;
}
