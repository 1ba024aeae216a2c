/**
 * The right-click menu and spelling: suggestions and "add to dictionary" for a misspelled word,
 * cut/copy/paste as the field allows, and a plain line where no Indonesian dictionary exists
 * (Linux, Windows without the language pack) — never a download. Electron is a stand-in.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { contextMenuTemplate, indonesianSpellLanguage, type ContextParams } from '../../../electron/shell/policy/context-menu-template';
import { FakeWindow, resetFakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());
const electron = (await import('electron')) as unknown as FakeElectron & { session: { defaultSession: { availableSpellCheckerLanguages: string[] } } };
const { startDesktop } = await import('../../../electron/shell/desktop');

const editable = (over: Partial<ContextParams> = {}): ContextParams => ({
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
  ...over,
});

describe('right-click menu', () => {
  let fx: CoreFixture | null = null;
  afterEach(() => {
    fx?.cleanup();
    fx = null;
    resetFakeElectron(electron);
    electron.session.defaultSession.availableSpellCheckerLanguages = [];
  });

  function desktopOn(platform: string) {
    fx = openTestCore();
    const win = new FakeWindow();
    const desktop = startDesktop({ core: fx.core, logger: fx.logger, platform, language: () => 'id', installMenu: () => undefined, window: () => win as never, openWindow: () => undefined });
    desktop.attachWindow(win as never);
    return win;
  }

  it('Windows with the Indonesian pack: suggestions replace the word, "add to dictionary" adds it', () => {
    electron.session.defaultSession.availableSpellCheckerLanguages = ['en-US', 'id-ID'];
    const win = desktopOn('win32');
    expect(electron.record.spellChecker).toBe(true);
    expect(electron.record.spellLanguages).toEqual(['id-ID']);
    win.webContents.emit('context-menu', {}, editable({ misspelledWord: 'pemerintahn', dictionarySuggestions: ['pemerintah', 'pemerintahan'] }));
    const items = electron.record.popups[0]!.items;
    expect(items.map((i) => i.label ?? '—')).toEqual(['pemerintah', 'pemerintahan', 'Tambahkan “pemerintahn” ke kamus', '—', 'Potong', 'Salin', 'Tempel', '—', 'Pilih Semua']);
    items[1]!.click?.();
    expect(win.webContents.replaced).toEqual(['pemerintahan']);
    items[2]!.click?.();
    expect(electron.record.addedWords).toEqual(['pemerintahn']);
    expect(items.find((i) => i.label === 'Potong')?.enabled).toBe(false);
  });

  it('Linux: no dictionary is downloaded; the spellchecker is off and the menu says so', () => {
    const win = desktopOn('linux');
    expect(electron.record.spellChecker).toBe(false);
    win.webContents.emit('context-menu', {}, editable());
    expect(electron.record.popups[0]!.items[0]).toMatchObject({ label: 'Pemeriksa ejaan bahasa Indonesia tidak tersedia di komputer ini', enabled: false });
  });

  it('page text: copy only with a selection, nothing without', () => {
    const win = desktopOn('linux');
    win.webContents.emit('context-menu', {}, editable({ isEditable: false }));
    expect(electron.record.popups).toHaveLength(0);
    win.webContents.emit('context-menu', {}, editable({ isEditable: false, selectionText: 'Pasar Rakyat' }));
    expect(electron.record.popups[0]!.items.map((i) => i.label)).toEqual(['Salin']);
  });

  it('the dictionary choice per platform', () => {
    expect(indonesianSpellLanguage('darwin', [])).toBe('id');
    expect(indonesianSpellLanguage('win32', ['en-US'])).toBeNull();
    expect(indonesianSpellLanguage('win32', ['id'])).toBe('id');
    expect(indonesianSpellLanguage('linux', ['id'])).toBeNull();
    expect(contextMenuTemplate(editable({ misspelledWord: 'xyz' }), 'en', { available: true })?.[0]).toMatchObject({ label: 'No spelling suggestions', enabled: false });
  });
});
