import path from 'node:path';
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { IPC_CHANNEL_EVENT } from '../../shared/contract/wire';
import type { Language } from '../../shared/contract/methods';
import { ABOUT_MENU_ID, APP_COMMANDS, CHECK_UPDATES_MENU_ID, commandMenuId, menuTemplate, OPEN_LOGS_MENU_ID, type MenuItemSpec } from './policy/menu-template';
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
  // The app's own commands go to the renderer, which knows the screen (renderer/app/AppFrame.tsx).
  const sendCommand = (command: string) => {
    const win = context.window();
    if (!win || win.isDestroyed()) return;
    win.show();
    win.webContents.send(IPC_CHANNEL_EVENT, 'desktop.command', { command });
  };
  const commandOf = (id: string | undefined) => APP_COMMANDS.find((c) => commandMenuId(c) === id);
  const toElectron = (item: MenuItemSpec): MenuItemConstructorOptions => {
    if ('type' in item) return { type: 'separator' };
    const command = commandOf(item.id);
    if (command) return { label: item.label, ...(item.accelerator ? { accelerator: item.accelerator } : {}), click: () => sendCommand(command) };
    if (item.id === OPEN_LOGS_MENU_ID) return { label: item.label, click: () => void shell.openPath(path.join(context.dataDir, 'logs')) };
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
