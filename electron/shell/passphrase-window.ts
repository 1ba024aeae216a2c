import { BrowserWindow, session } from 'electron';
import { CANCEL_TITLE, passphrasePage, SUBMIT_TITLE } from './policy/passphrase-page';
import type { PassphraseRequest } from './secrets';

/**
 * Asks for the secrets passphrase in a small window of its own, before the core and the main
 * window exist. Its session is in memory only and may load nothing but its own data: page; the
 * page has no preload and no Node. Resolves null when the person declines or closes it.
 */
export function askPassphrase(request: PassphraseRequest): Promise<string | null> {
  const ses = session.fromPartition('warta-passphrase');
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  ses.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  const win = new BrowserWindow({
    width: 520,
    height: request.kind === 'create' ? 460 : 360,
    resizable: false,
    minimizable: false,
    title: 'Warta',
    webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false, spellcheck: false },
  });
  win.setMenuBarVisibility(false);
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: string | null) => {
      if (settled) return;
      settled = true;
      resolve(value);
      if (!win.isDestroyed()) win.close();
    };
    win.on('page-title-updated', (event, title) => {
      event.preventDefault();
      if (title === CANCEL_TITLE) finish(null);
      if (title === SUBMIT_TITLE)
        void win.webContents
          .executeJavaScript('document.getElementById("p").value')
          .then((value: unknown) => finish(typeof value === 'string' ? value : null), () => finish(null));
    });
    win.on('closed', () => finish(null));
    void win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(passphrasePage(request))}`);
  });
}
