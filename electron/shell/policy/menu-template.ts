import type { Language } from '../../../shared/contract/methods';

/** The Electron menu roles we use; named here so this module stays free of `electron`. */
export type MenuRole =
  | 'about' | 'hide' | 'hideOthers' | 'unhide' | 'quit'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll'
  | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'close' | 'front' | 'window' | 'help';

/** Items with an `id` and no role are handled by the shell (e.g. 'about'). */
export type MenuItemSpec =
  | { type: 'separator' }
  | { label: string; role?: MenuRole; id?: string; accelerator?: string; submenu?: MenuItemSpec[] };

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools only in development builds. */
  withDevTools: boolean;
}

const LABELS = {
  id: {
    file: 'Berkas', quit: 'Keluar', edit: 'Sunting', undo: 'Urungkan', redo: 'Ulangi', cut: 'Potong', copy: 'Salin',
    paste: 'Tempel', pasteAndMatchStyle: 'Tempel Tanpa Format', delete: 'Hapus', selectAll: 'Pilih Semua',
    view: 'Tampilan', reload: 'Muat Ulang', forceReload: 'Paksa Muat Ulang', toggleDevTools: 'Alat Pengembang',
    resetZoom: 'Ukuran Asli', zoomIn: 'Perbesar', zoomOut: 'Perkecil', togglefullscreen: 'Layar Penuh',
    window: 'Jendela', minimize: 'Kecilkan', zoom: 'Perbesar Jendela', close: 'Tutup Jendela', front: 'Tampilkan Semua di Depan',
    help: 'Bantuan', about: 'Tentang Warta', checkUpdates: 'Periksa Pembaruan', hide: 'Sembunyikan Warta', hideOthers: 'Sembunyikan Lainnya', unhide: 'Tampilkan Semua',
    newRelease: 'Rilis Baru', print: 'Cetak Rilis…', export: 'Ekspor Rilis…', settings: 'Pengaturan', openLogs: 'Buka Folder Log',
  },
  en: {
    file: 'File', quit: 'Quit', edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy',
    paste: 'Paste', pasteAndMatchStyle: 'Paste and Match Style', delete: 'Delete', selectAll: 'Select All',
    view: 'View', reload: 'Reload', forceReload: 'Force Reload', toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', togglefullscreen: 'Full Screen',
    window: 'Window', minimize: 'Minimize', zoom: 'Zoom', close: 'Close Window', front: 'Bring All to Front',
    help: 'Help', about: 'About Warta', checkUpdates: 'Check for Updates', hide: 'Hide Warta', hideOthers: 'Hide Others', unhide: 'Show All',
    newRelease: 'New Release', print: 'Print Release…', export: 'Export Release…', settings: 'Settings', openLogs: 'Open Log Folder',
  },
} as const satisfies Record<Language, Record<string, string>>;

export const ABOUT_MENU_ID = 'about';
/** Handled by the shell's updater (electron/shell/updater.ts): asks the office server now. */
export const CHECK_UPDATES_MENU_ID = 'check-updates';
/** Opens the data folder's logs in the file manager (app-menu.ts). */
export const OPEN_LOGS_MENU_ID = 'open-logs';
/** The app's own commands: sent to the renderer as `desktop.command` (renderer/app/AppFrame.tsx). */
export const APP_COMMANDS = ['newRelease', 'print', 'export', 'settings'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
export const commandMenuId = (command: AppCommand) => `command:${command}`;

/**
 * The application menu as plain data, in the person's language. Roles keep the platform
 * behaviour (shortcuts, text fields); labels are ours because Electron's role labels are
 * English only.
 */
export function menuTemplate(lang: Language, options: MenuOptions): MenuItemSpec[] {
  const t = LABELS[lang] ?? LABELS.id;
  const sep = { type: 'separator' } as const;
  const role = (r: MenuRole & keyof typeof t): MenuItemSpec => ({ label: t[r], role: r });
  const about: MenuItemSpec = { label: t.about, id: ABOUT_MENU_ID };
  const checkUpdates: MenuItemSpec = { label: t.checkUpdates, id: CHECK_UPDATES_MENU_ID };

  const command = (c: AppCommand, accelerator: string): MenuItemSpec => ({ label: t[c], id: commandMenuId(c), accelerator });
  const fileItems: MenuItemSpec[] = [command('newRelease', 'CmdOrCtrl+N'), command('print', 'CmdOrCtrl+P'), command('export', 'CmdOrCtrl+E'), sep, { label: t.openLogs, id: OPEN_LOGS_MENU_ID }];
  const menu: MenuItemSpec[] = [];
  if (options.isMac) {
    menu.push({ label: 'Warta', submenu: [about, checkUpdates, sep, command('settings', 'Cmd+,'), sep, role('hide'), role('hideOthers'), role('unhide'), sep, role('quit')] });
    menu.push({ label: t.file, submenu: fileItems });
  } else {
    menu.push({ label: t.file, submenu: [...fileItems, sep, command('settings', 'Ctrl+,'), sep, role('quit')] });
  }
  menu.push({
    label: t.edit,
    submenu: [role('undo'), role('redo'), sep, role('cut'), role('copy'), role('paste'), role('pasteAndMatchStyle'), role('delete'), sep, role('selectAll')],
  });
  menu.push({
    label: t.view,
    submenu: [
      role('reload'),
      role('forceReload'),
      ...(options.withDevTools ? [role('toggleDevTools')] : []),
      sep,
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      sep,
      role('togglefullscreen'),
    ],
  });
  menu.push({
    label: t.window,
    role: 'window',
    submenu: options.isMac ? [role('minimize'), role('zoom'), sep, role('front')] : [role('minimize'), role('close')],
  });
  menu.push({ label: t.help, role: 'help', submenu: options.isMac ? [] : [checkUpdates, about] });
  return menu;
}
