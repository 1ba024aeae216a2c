/**
 * The application menu's own commands reach the window: Rilis Baru, Cetak Rilis and Pengaturan
 * as `desktop.command` events (the renderer runs them), Buka Folder Log in the file manager.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeWindow, resetFakeElectron, type FakeElectron, type FakeMenuItem } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());
const electron = (await import('electron')) as unknown as FakeElectron;
const { installAppMenu } = await import('../../../electron/shell/app-menu');
const { IPC_CHANNEL_EVENT } = await import('../../../shared/contract/wire');

type Item = FakeMenuItem & { submenu?: Item[] };
const flatten = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);

describe('application menu commands', () => {
  afterEach(() => resetFakeElectron(electron));

  it('sends new release, print and settings to the window, and opens the log folder', () => {
    const win = new FakeWindow();
    installAppMenu('id', { window: () => win as never, dataDir: '/data/warta' });
    const menu = electron.record.menus.at(-1) as { items: Item[] };
    const click = (label: string) => flatten(menu.items).find((i) => i.label === label)?.click?.();
    click('Rilis Baru');
    click('Cetak Rilis…');
    click('Pengaturan');
    expect(win.webContents.sent).toEqual([
      [IPC_CHANNEL_EVENT, 'desktop.command', { command: 'newRelease' }],
      [IPC_CHANNEL_EVENT, 'desktop.command', { command: 'print' }],
      [IPC_CHANNEL_EVENT, 'desktop.command', { command: 'settings' }],
    ]);
    click('Buka Folder Log');
    expect(electron.record.opened).toEqual([path.join('/data/warta', 'logs')]);
  });
});
