import { describe, expect, it } from 'vitest';
import { ABOUT_MENU_ID, CHECK_UPDATES_MENU_ID, commandMenuId, menuTemplate, OPEN_LOGS_MENU_ID, type MenuItemSpec } from '../../../electron/shell/policy/menu-template';

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((i) => ('submenu' in i && i.submenu ? [i, ...flatten(i.submenu)] : [i]));
}
const labels = (items: MenuItemSpec[]) => items.map((i) => ('label' in i ? i.label : '—'));
const roles = (items: MenuItemSpec[]) => flatten(items).flatMap((i) => ('role' in i && i.role ? [i.role] : []));

describe('menuTemplate', () => {
  const linux = { isMac: false, withDevTools: false };

  it('speaks Indonesian by default and English when asked', () => {
    expect(labels(menuTemplate('id', linux))).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Jendela', 'Bantuan']);
    expect(labels(menuTemplate('en', linux))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('offers "Tentang Warta" under Bantuan', () => {
    const help = menuTemplate('id', linux).at(-1);
    expect(help && 'submenu' in help ? help.submenu : []).toEqual([
      { label: 'Periksa Pembaruan', id: CHECK_UPDATES_MENU_ID },
      { label: 'Tentang Warta', id: ABOUT_MENU_ID },
    ]);
    const helpEn = menuTemplate('en', linux).at(-1);
    expect(helpEn && 'submenu' in helpEn ? helpEn.submenu?.[1] : null).toMatchObject({ label: 'About Warta', id: ABOUT_MENU_ID });
  });

  it('keeps the platform roles so shortcuts and text fields work', () => {
    const r = roles(menuTemplate('id', linux));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'quit']) {
      expect(r).toContain(role);
    }
  });

  it('labels every item, in both languages, differently per language', () => {
    const id = flatten(menuTemplate('id', linux)).filter((i) => 'label' in i);
    const en = flatten(menuTemplate('en', linux)).filter((i) => 'label' in i);
    expect(id.every((i) => 'label' in i && i.label.trim().length > 0)).toBe(true);
    expect(labels(id)).not.toEqual(labels(en));
    expect(labels(id)).toContain('Salin');
    expect(labels(en)).toContain('Copy');
  });

  it('shows developer tools only in development builds', () => {
    expect(roles(menuTemplate('id', linux))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate('id', { isMac: false, withDevTools: true }))).toContain('toggleDevTools');
  });

  it('follows macOS conventions: app menu first with About and Quit', () => {
    const mac = menuTemplate('id', { isMac: true, withDevTools: false });
    const first = mac[0];
    expect(first && 'label' in first ? first.label : '').toBe('Warta');
    const firstItems = first && 'submenu' in first ? (first.submenu ?? []) : [];
    expect(labels(firstItems)).toContain('Tentang Warta');
    expect(roles(firstItems)).toContain('quit');
  });

  it('carries the app’s own commands with their shortcuts: new release, print, export, settings, the log folder', () => {
    const byId = (items: MenuItemSpec[], id: string) => flatten(items).find((i) => 'id' in i && i.id === id);
    for (const isMac of [false, true]) {
      const menu = menuTemplate('id', { isMac, withDevTools: false });
      expect(byId(menu, commandMenuId('newRelease'))).toMatchObject({ label: 'Rilis Baru', accelerator: 'CmdOrCtrl+N' });
      expect(byId(menu, commandMenuId('print'))).toMatchObject({ label: 'Cetak Rilis…', accelerator: 'CmdOrCtrl+P' });
      expect(byId(menu, commandMenuId('export'))).toMatchObject({ label: 'Ekspor Rilis…', accelerator: 'CmdOrCtrl+E' });
      expect(byId(menu, commandMenuId('settings'))).toMatchObject({ label: 'Pengaturan', accelerator: isMac ? 'Cmd+,' : 'Ctrl+,' });
      expect(byId(menu, OPEN_LOGS_MENU_ID)).toMatchObject({ label: 'Buka Folder Log' });
    }
    expect(flatten(menuTemplate('en', linux)).some((i) => 'label' in i && i.label === 'New Release')).toBe(true);
    expect(flatten(menuTemplate('en', linux)).some((i) => 'label' in i && i.label === 'Export Release…')).toBe(true);
  });
});
