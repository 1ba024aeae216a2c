import { app, dialog, shell, type BrowserWindow, type Session, type WebContents } from 'electron';
import type { Language } from '../../shared/contract/methods';
import type { Logger } from '../core/log/logger';
import { isAppUrl } from './policy/app-origin';
import { describeExternalUrl, isAllowedExternalUrl } from './policy/external-links';
import { shellMessages } from './policy/messages';

/** Schemes the page itself may load: our own files, and in-memory images the editor makes. */
const LOADABLE = /^(app|data|blob|devtools|chrome-extension):/;

/**
 * Electron security checklist, session side: no permission is ever granted (camera,
 * notifications, geolocation …), and no request leaves the machine: the renderer has no
 * remote content, so anything else is a bug or an injection and is cancelled.
 */
export function hardenSession(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('shell.permission.denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = LOADABLE.test(details.url);
    if (!allowed) logger.warn('shell.request.blocked', { url: details.url.slice(0, 200) });
    callback({ cancel: !allowed });
  });
}

export interface LinkPolicyOptions {
  logger: Logger;
  language: () => Language;
  parentWindow: () => BrowserWindow | null;
}

/**
 * Electron security checklist, web-contents side, for every webContents the app ever creates:
 * no <webview>, no navigation away from app://warta, no new windows. Links to http(s)/mailto
 * open in the OS after the person confirms.
 */
export function hardenAllWebContents(options: LinkPolicyOptions): void {
  let dialogOpen = false;
  const offerExternal = async (url: string) => {
    if (!isAllowedExternalUrl(url) || dialogOpen) return;
    dialogOpen = true;
    try {
      const t = shellMessages(options.language());
      const parent = options.parentWindow();
      const dialogOptions = {
        type: 'question' as const,
        buttons: [t.openExternalYes, t.openExternalNo],
        defaultId: 1,
        cancelId: 1,
        title: t.openExternalTitle,
        message: t.openExternalMessage,
        detail: describeExternalUrl(url),
        noLink: true,
      };
      const { response } = parent ? await dialog.showMessageBox(parent, dialogOptions) : await dialog.showMessageBox(dialogOptions);
      if (response === 0) await shell.openExternal(url);
    } catch (err) {
      options.logger.warn('shell.open_external.failed', { message: (err as Error).message });
    } finally {
      dialogOpen = false;
    }
  };

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      options.logger.warn('shell.webview.denied', {});
    });
    const guardNavigation = (event: Electron.Event, url: string, kind: string) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      options.logger.warn('shell.navigation.denied', { kind, url: url.slice(0, 200) });
      void offerExternal(url);
    };
    contents.on('will-navigate', (event) => guardNavigation(event, event.url, 'navigate'));
    contents.on('will-frame-navigate', (event) => {
      // Sub-frames have no business in Warta (CSP frame-src 'none'); only the top frame moves.
      if (!event.isMainFrame) {
        event.preventDefault();
        return;
      }
    });
    contents.on('will-redirect', (event) => {
      if (isAppUrl(event.url)) return;
      event.preventDefault();
      options.logger.warn('shell.redirect.denied', { url: event.url.slice(0, 200) });
    });
    contents.setWindowOpenHandler(({ url }) => {
      void offerExternal(url);
      return { action: 'deny' };
    });
  });
}
