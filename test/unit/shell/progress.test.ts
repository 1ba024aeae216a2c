/**
 * Long jobs in the title and taskbar, driven by a real core's job (an ICS import on a real SQLite
 * file): the window's title and progress bar follow it and are cleared at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { FakeWindow, resetFakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());
const electron = (await import('electron')) as unknown as FakeElectron;
const { startDesktop } = await import('../../../electron/shell/desktop');
const { createProgressDisplay } = await import('../../../electron/shell/progress');

describe('progress in the title and taskbar', () => {
  let fx: CoreFixture | null = null;
  afterEach(() => {
    fx?.cleanup();
    fx = null;
    resetFakeElectron(electron);
  });

  it('an ICS import shows in the title and the taskbar while it runs, and both clear after', async () => {
    fx = openTestCore();
    const win = new FakeWindow();
    const seen: { title: string; progress: number }[] = [];
    const setTitle = win.setTitle;
    win.setTitle = (t: string) => {
      setTitle(t);
      seen.push({ title: t, progress: win.state.progress });
    };
    const desktop = startDesktop({ core: fx.core, logger: fx.logger, platform: 'win32', language: () => 'id', installMenu: () => undefined, window: () => win as never, openWindow: () => undefined });
    desktop.attachWindow(win as never);
    const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/agenda/google-calendar.ics'), 'utf8');
    await fx.core.invoke('agenda.ics.import', { text, jobId: 'ics-test' });
    expect(seen.some((s) => /^Warta — .+/.test(s.title))).toBe(true);
    expect(win.state).toMatchObject({ title: 'Warta', progress: -1, progressMode: 'none' });
  });

  it('several jobs: the oldest is shown; unknown length is an indeterminate bar', () => {
    const win = new FakeWindow();
    const display = createProgressDisplay(() => win as never);
    display.update({ jobId: 'a', label: 'Mengekspor', done: 10, total: 40, finished: false });
    expect(win.state).toMatchObject({ title: 'Warta — Mengekspor 25%', progress: 0.25, progressMode: 'normal' });
    display.update({ jobId: 'b', label: 'Menarik perubahan', done: 5, total: null, finished: false });
    expect(win.state.title).toBe('Warta — Mengekspor 25%');
    display.update({ jobId: 'a', label: 'Mengekspor', done: 40, total: 40, finished: true });
    expect(win.state).toMatchObject({ title: 'Warta — Menarik perubahan', progressMode: 'indeterminate' });
    display.update({ jobId: 'b', label: 'Menarik perubahan', done: 9, total: null, finished: true });
    expect(win.state).toMatchObject({ title: 'Warta', progress: -1, progressMode: 'none' });
  });
});
