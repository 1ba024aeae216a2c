/**
 * The tray and background running against a real core (real SQLite, a real outbox with e-mails
 * waiting for an unreachable SMTP server): closing the window hides it while there is work and the
 * setting allows it, and closes it otherwise; the tray menu opens, shows the outbox, quits.
 * Electron is a stand-in (fake-electron.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inQuietHours, runsInBackground, startsAtLogin } from '../../../shared/desktop/settings';
import { closedPort } from '../../support/smtp-test-server';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { distributionCore, publishedRelease, seedMedia, useSmtp } from '../../core/distribution/support';
import { FakeWindow, resetFakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());
const electron = (await import('electron')) as unknown as FakeElectron;
const { startDesktop } = await import('../../../electron/shell/desktop');

describe('tray and background', () => {
  let fx: CoreFixture | null = null;
  afterEach(() => {
    fx?.cleanup();
    fx = null;
    resetFakeElectron(electron);
  });

  function desktopOn(core: CoreFixture, platform: string) {
    const opened: number[] = [];
    const desktop = startDesktop({ core: core.core, logger: core.logger, platform, language: () => 'id', installMenu: () => undefined, window: () => null, openWindow: () => opened.push(1) });
    const win = new FakeWindow();
    desktop.attachWindow(win as never);
    return { desktop, win, opened };
  }
  const tray = () => electron.record.trays.at(-1)!;
  const item = (label: RegExp) => tray().menu.find((i) => i.label && label.test(i.label));

  it('with e-mails in the outbox, closing the window on Windows keeps Warta in the tray', async () => {
    const dist = await distributionCore();
    fx = dist;
    await useSmtp(dist.core, await closedPort());
    const releaseId = await publishedRelease(dist.core);
    const m = await seedMedia(dist.core);
    await dist.core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: { email: true, whatsapp: false } });

    const { desktop, win, opened } = desktopOn(dist, 'win32');
    await vi.waitFor(() => expect(desktop.tray.keepsRunning()).toBe(true));
    expect(tray().tooltip).toBe('Warta — 3 surel menunggu dikirim');
    expect(item(/^Kotak keluar: 3 surel menunggu$/)?.enabled).toBe(false);
    expect(item(/Sinkronisasi belum diatur/)?.enabled).toBe(false);

    expect(win.tryClose()).toBe(true);
    expect(win.state.visible).toBe(false);

    item(/^Buka Warta$/)?.click?.();
    tray().emit('click');
    expect(opened).toHaveLength(2);

    // Quit from the tray: a real quit, the window may close.
    item(/^Keluar dari Warta$/)?.click?.();
    expect(electron.record.quits).toBe(1);
    expect(win.tryClose()).toBe(false);
  });

  it('the setting decides: background off closes the window even with work; Linux follows "off" by default', async () => {
    const dist = await distributionCore();
    fx = dist;
    await useSmtp(dist.core, await closedPort());
    const releaseId = await publishedRelease(dist.core);
    const m = await seedMedia(dist.core);
    await dist.core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: { email: true, whatsapp: false } });

    const linux = desktopOn(dist, 'linux');
    await vi.waitFor(() => expect(tray().tooltip).toMatch(/3 surel/));
    expect(linux.desktop.tray.keepsRunning()).toBe(false);
    expect(linux.win.tryClose()).toBe(false);

    await dist.core.invoke('desktop.settings.save', { background: 'on' });
    await vi.waitFor(() => expect(linux.desktop.tray.keepsRunning()).toBe(true));
    expect(linux.win.tryClose()).toBe(true);

    await dist.core.invoke('desktop.settings.save', { background: 'off' });
    await vi.waitFor(() => expect(linux.desktop.tray.keepsRunning()).toBe(false));
    expect(linux.win.tryClose()).toBe(false);
  });

  it('nothing to do: the window closes; start at login follows its setting (on by default for a press-room PC)', async () => {
    fx = openTestCore();
    const { desktop, win } = desktopOn(fx, 'win32');
    await vi.waitFor(() => expect(electron.record.trays).toHaveLength(1));
    expect(desktop.tray.keepsRunning()).toBe(false);
    expect(win.tryClose()).toBe(false);
    expect(electron.record.login).toEqual([false]);
    await fx.core.invoke('desktop.settings.save', { startAtLogin: 'on' });
    await vi.waitFor(() => expect(electron.record.login).toEqual([false, true]));
  });

  it('refuses bad settings with a clear error and keeps the old ones', async () => {
    fx = openTestCore();
    const bad = await fx.core.call('desktop.settings.save', { notifications: { quietHours: { enabled: true, from: '25:00', to: '07:00' } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(bad)).toMatch(/JJ:MM/);
    expect(await fx.core.call('desktop.settings.save', { background: 'kadang' })).toMatchObject({ ok: false });
    expect((await fx.core.invoke('desktop.settings.get')).notifications.quietHours.enabled).toBe(false);
  });

  it('the rules: platform defaults, start at login, quiet hours across midnight', () => {
    expect(runsInBackground('platform', 'win32')).toBe(true);
    expect(runsInBackground('platform', 'darwin')).toBe(true);
    expect(runsInBackground('platform', 'linux')).toBe(false);
    expect(runsInBackground('off', 'win32')).toBe(false);
    expect(startsAtLogin('default', true)).toBe(true);
    expect(startsAtLogin('default', false)).toBe(false);
    expect(startsAtLogin('off', true)).toBe(false);
    const night = { enabled: true, from: '21:00', to: '07:00' };
    expect(inQuietHours(night, 22 * 60)).toBe(true);
    expect(inQuietHours(night, 6 * 60 + 59)).toBe(true);
    expect(inQuietHours(night, 7 * 60)).toBe(false);
    expect(inQuietHours({ ...night, enabled: false }, 22 * 60)).toBe(false);
    expect(inQuietHours({ enabled: true, from: '12:00', to: '13:00' }, 12 * 60 + 30)).toBe(true);
  });
});
