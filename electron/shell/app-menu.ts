import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/contract/methods';
import { ABOUT_MENU_ID, CHECK_UPDATES_MENU_ID, menuTemplate, type MenuItemSpec } from './policy/menu-template';
import { shellMessages } from './policy/messages';

export interface AppMenuContext {
  window: () => BrowserWindow | null;
  dataDir: string;
  /** "Periksa Pembaruan": the updater's check (electron/shell/updater.ts). */
  checkForUpdates?: () => void;
}

/** Installs the application menu in `lang`; called again whenever the language changes. */
export function installAppMenu(lang: Language, context: AppMenuContext): void {
  const showAbout = () => {
    const t = shellMessages(lang);
    const options = { type: 'info' as const, title: t.aboutTitle, message: 'Warta', detail: t.aboutDetail(app.getVersion(), context.dataDir), buttons: [t.ok] };
    const win = context.window();
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  const toElectron = (item: MenuItemSpec): MenuItemConstructorOptions => {
    if ('type' in item) return { type: 'separator' };
    return {
      label: item.label,
      ...(item.role ? { role: item.role } : {}),
      ...(item.accelerator ? { accelerator: item.accelerator } : {}),
      ...(item.id === ABOUT_MENU_ID ? { click: showAbout } : {}),
      ...(item.id === CHECK_UPDATES_MENU_ID ? { click: () => context.checkForUpdates?.(), enabled: !!context.checkForUpdates } : {}),
      ...(item.submenu ? { submenu: item.submenu.map(toElectron) } : {}),
    };
  };
  const template = menuTemplate(lang, { isMac: process.platform === 'darwin', withDevTools: !app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map(toElectron)));
}
