import { BrowserWindow, screen } from 'electron';
import { APP_START_URL } from './policy/app-origin';
import { MIN_SIZE, restoreBounds, type Rect } from './policy/window-bounds';
import type { MachineStore } from './machine-store';

export interface MainWindowOptions {
  preloadPath: string;
  store: MachineStore;
  devTools: boolean;
}

/**
 * The one window. Every webPreference named here is a line of Electron's security
 * checklist; most are already the default in Electron 45, and are spelled out so that a
 * change of default or a careless edit shows up in review.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas: Rect[] = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const bounds = restoreBounds(options.store.get('windowBounds'), workAreas);
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Warta',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: options.devTools,
    },
  });
  if (options.store.get('windowMaximized')) win.maximize();
  win.once('ready-to-show', () => win.show());

  // Saved on close (not on every move) — one write, and the normal bounds even when maximized.
  win.on('close', () => {
    options.store.set('windowBounds', win.getNormalBounds());
    options.store.set('windowMaximized', win.isMaximized());
  });

  void win.loadURL(APP_START_URL);
  return win;
}
