/**
 * The press-room kiosk lock against a real core (real SQLite file): press-room mode with nobody
 * signed in locks the window (kiosk, full screen, no menu, no quit/close/reload/devtools keys);
 * a staff sign-in unlocks it, a sign-out locks it again. Electron is a stand-in (fake-electron.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { ADMIN } from '../../core/people/people-fixture';
import { event, FakeWindow, resetFakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());
const electron = (await import('electron')) as unknown as FakeElectron;
const { startDesktop } = await import('../../../electron/shell/desktop');
const { isKioskBlockedKey } = await import('../../../electron/shell/policy/kiosk-keys');

describe('press-room kiosk lock', () => {
  let fx: CoreFixture | null = null;
  afterEach(() => {
    fx?.cleanup();
    fx = null;
    resetFakeElectron(electron);
  });

  async function pressRoomMachine() {
    fx = openTestCore();
    await fx.core.invoke('accounts.setupAdministrator', ADMIN);
    await fx.core.invoke('machine.setSettings', { pressRoom: true, idleLockMinutes: 10 });
    await fx.core.invoke('session.signOut');
    const installs: number[] = [];
    const desktop = startDesktop({ core: fx.core, logger: fx.logger, language: () => 'id', window: () => null, openWindow: () => undefined, installMenu: () => installs.push(1) });
    const win = new FakeWindow();
    desktop.attachWindow(win as never);
    await vi.waitFor(() => expect(desktop.kiosk.locked()).toBe(true));
    return { desktop, win, installs, core: fx.core };
  }

  const quitRefused = () => {
    const e = event();
    electron.app.emit('before-quit', e);
    return e.defaultPrevented;
  };

  it('locks a press-room machine with nobody signed in: kiosk, full screen, no menu, no quit', async () => {
    const { win } = await pressRoomMachine();
    expect(win.state).toMatchObject({ kiosk: true, fullScreen: true, menuBarVisible: false, closable: false });
    expect(electron.record.menus).toEqual([null]);
    // No tray while locked: its Quit would be a way out.
    await vi.waitFor(() => expect(electron.record.trays.every((t) => t.destroyed)).toBe(true));
    expect(win.tryClose()).toBe(true);
    expect(quitRefused()).toBe(true);
    for (const [key, mods] of [['r', { control: true }], ['F5', {}], ['F12', {}], ['i', { control: true, shift: true }], ['i', { meta: true, alt: true }], ['q', { meta: true }], ['F4', { alt: true }], ['w', { control: true }], ['F11', {}]] as const) {
      expect(win.webContents.key(key, mods), `${key} ${JSON.stringify(mods)}`).toBe(true);
    }
    // Typing in the guestbook still works.
    expect(win.webContents.key('a')).toBe(false);
    expect(win.webContents.key('A', { shift: true })).toBe(false);
    win.webContents.emit('devtools-opened');
    expect(win.webContents.calls).toContain('closeDevTools');
  });

  it('a staff sign-in unlocks it (menu back, window closable); signing out locks it again', async () => {
    const { desktop, win, installs, core } = await pressRoomMachine();
    await core.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password });
    await vi.waitFor(() => expect(desktop.kiosk.locked()).toBe(false));
    expect(win.state).toMatchObject({ kiosk: false, fullScreen: false, menuBarVisible: true, closable: true });
    expect(installs).toHaveLength(1);
    await vi.waitFor(() => expect(electron.record.trays.filter((t) => !t.destroyed)).toHaveLength(1));
    expect(win.tryClose()).toBe(false);
    expect(quitRefused()).toBe(false);
    expect(win.webContents.key('r', { control: true })).toBe(false);

    await core.invoke('session.signOut');
    await vi.waitFor(() => expect(desktop.kiosk.locked()).toBe(true));
    expect(win.state.kiosk).toBe(true);
    expect(electron.record.menus).toEqual([null, null]);
  });

  it('a wrong password leaves it locked', async () => {
    const { desktop, core, win } = await pressRoomMachine();
    const result = await core.call('session.signIn', { login: ADMIN.login, password: 'salah-sekali-123' });
    expect(result.ok).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(desktop.kiosk.locked()).toBe(true);
    expect(win.tryClose()).toBe(true);
  });

  it('an ordinary staff machine is never locked', async () => {
    fx = openTestCore();
    await fx.core.invoke('accounts.setupAdministrator', ADMIN);
    await fx.core.invoke('session.signOut');
    const desktop = startDesktop({ core: fx.core, logger: fx.logger, language: () => 'id', window: () => null, openWindow: () => undefined, installMenu: () => undefined });
    const win = new FakeWindow();
    desktop.attachWindow(win as never);
    await new Promise((r) => setTimeout(r, 50));
    expect(desktop.kiosk.locked()).toBe(false);
    expect(win.state.kiosk).toBe(false);
    expect(win.tryClose()).toBe(false);
    expect(electron.record.menus).toEqual([]);
  });

  it('blocks only key-downs of the listed shortcuts', () => {
    expect(isKioskBlockedKey({ type: 'keyUp', key: 'F5', control: false, meta: false, alt: false, shift: false })).toBe(false);
    expect(isKioskBlockedKey({ type: 'keyDown', key: 'c', control: true, meta: false, alt: false, shift: false })).toBe(false);
    expect(isKioskBlockedKey({ type: 'keyDown', key: 'v', control: true, meta: false, alt: false, shift: false })).toBe(false);
  });
});
