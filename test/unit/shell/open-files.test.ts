/**
 * .ics files opened with Warta (the installers' file association): from the start's command line
 * and from a second start, read with the agenda import's limit and handed to the renderer once
 * someone who may import is signed in. A folder, an unreadable or oversized file becomes a clear
 * error, never an import. Real files in a temp folder, a real core; Electron is a stand-in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN } from '../../core/people/people-fixture';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { FakeWindow, resetFakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());
const electron = (await import('electron')) as unknown as FakeElectron;
const { startDesktop } = await import('../../../electron/shell/desktop');
const { IPC_CHANNEL_EVENT } = await import('../../../shared/contract/wire');

const ICS = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/agenda/google-calendar.ics'), 'utf8');

describe('.ics opened with Warta', () => {
  let fx: CoreFixture | null = null;
  afterEach(() => {
    fx?.cleanup();
    fx = null;
    resetFakeElectron(electron);
  });

  it('from the command line and a second start: queued, taken once, each with its text or why not', async () => {
    fx = openTestCore();
    await fx.core.invoke('accounts.setupAdministrator', ADMIN);
    const good = path.join(fx.dir, 'Agenda Pimpinan.ics');
    fs.writeFileSync(good, ICS);
    const folder = path.join(fx.dir, 'arsip.ics');
    fs.mkdirSync(folder);
    const big = path.join(fx.dir, 'besar.ics');
    fs.writeFileSync(big, Buffer.alloc(8 * 1024 * 1024, 0x41));
    const win = new FakeWindow();
    const desktop = startDesktop({ core: fx.core, logger: fx.logger, platform: 'win32', language: () => 'id', installMenu: () => undefined, window: () => win as never, openWindow: () => undefined, argv: ['warta.exe', '--flag', good] });

    const first = await desktop.shellCalls('desktop.openedFiles', {});
    expect(first).toEqual({ ok: true, value: [{ fileName: 'Agenda Pimpinan.ics', text: ICS }] });
    expect(await desktop.shellCalls('desktop.openedFiles', {})).toEqual({ ok: true, value: [] });

    desktop.secondInstance(['warta.exe', folder, big, path.join(fx.dir, 'hilang.ics'), path.join(fx.dir, 'catatan.txt')]);
    expect(win.webContents.sent).toContainEqual([IPC_CHANNEL_EVENT, 'desktop.openedFiles', {}]);
    const second = await desktop.shellCalls('desktop.openedFiles', {});
    expect(second).toMatchObject({
      ok: true,
      value: [
        { fileName: 'arsip.ics', error: expect.stringMatching(/bukan berkas/) },
        { fileName: 'besar.ics', error: expect.stringMatching(/lebih dari 7 MB/) },
        { fileName: 'hilang.ics', error: expect.stringMatching(/tidak dapat dibaca/) },
      ],
    });
    // Nothing was imported by opening: the agenda is as empty as before.
    expect((fx.core.context.db.prepare('SELECT count(*) AS n FROM agenda_events').get() as { n: number }).n).toBe(0);
  });

  it('signed out: refused, and the file stays queued for whoever signs in', async () => {
    fx = openTestCore();
    await fx.core.invoke('accounts.setupAdministrator', ADMIN);
    const good = path.join(fx.dir, 'a.ics');
    fs.writeFileSync(good, ICS);
    await fx.core.invoke('session.signOut');
    const desktop = startDesktop({ core: fx.core, logger: fx.logger, platform: 'linux', language: () => 'id', installMenu: () => undefined, window: () => null, openWindow: () => undefined, argv: ['warta', good] });
    expect(await desktop.shellCalls('desktop.openedFiles', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await fx.core.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password });
    expect(await desktop.shellCalls('desktop.openedFiles', {})).toMatchObject({ ok: true, value: [{ fileName: 'a.ics' }] });
  });
});
