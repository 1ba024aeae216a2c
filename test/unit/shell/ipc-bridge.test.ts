/**
 * The IPC glue, with a stand-in for Electron's ipcMain and a real core on a temp folder:
 * checks that the sender check and size cap run before the core, and that events reach
 * only our window.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const ipc = vi.hoisted(() => ({ handlers: new Map<string, Handler>() }));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => ipc.handlers.set(channel, handler),
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
  },
}));

const { connectCoreToIpc } = await import('../../../electron/shell/ipc-bridge');
const { createCore } = await import('../../../electron/core/create-core');
const { createMemoryLogger } = await import('../../../electron/core/log/logger');
const { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT } = await import('../../../shared/contract/wire');

function fakeWindow() {
  const mainFrame = { url: 'app://warta/index.html' };
  const sent: unknown[][] = [];
  const webContents = { mainFrame, send: (...args: unknown[]) => sent.push(args), isDestroyed: () => false };
  return { webContents, sent, isDestroyed: () => false };
}

describe('connectCoreToIpc', () => {
  let dir: string;
  let core: ReturnType<typeof createCore>;
  let win: ReturnType<typeof fakeWindow>;
  let logger: ReturnType<typeof createMemoryLogger>;
  let disconnect: () => void;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-ipc-'));
    logger = createMemoryLogger();
    core = createCore({ dataDir: dir, mode: 'electron', logger });
    win = fakeWindow();
    disconnect = connectCoreToIpc(core, () => win as never, logger);
  });

  afterEach(() => {
    disconnect();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = (event: unknown, method: unknown, input: unknown) => {
    const handler = ipc.handlers.get(IPC_CHANNEL_CALL);
    if (!handler) throw new Error('no handler registered');
    return handler(event, method, input) as Promise<{ ok: boolean; value?: { mode?: string }; error?: { code: string } }>;
  };
  const fromOurPage = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });

  it('passes calls from our page to the core', async () => {
    const result = await call(fromOurPage(), 'app.info', {});
    expect(result.ok).toBe(true);
    expect(result.value?.mode).toBe('electron');
  });

  it('answers updates.* from the shell (the updater lives in the main process), everything else from the core; the sender check still comes first', async () => {
    disconnect();
    const asked: string[] = [];
    disconnect = connectCoreToIpc(core, () => win as never, logger, (method) => {
      asked.push(method);
      return method === 'updates.status' ? Promise.resolve({ ok: true, value: { state: 'idle' } }) : null;
    });
    expect(await call(fromOurPage(), 'updates.status', {})).toEqual({ ok: true, value: { state: 'idle' } });
    expect((await call(fromOurPage(), 'app.info', {})).value?.mode).toBe('electron');
    expect(asked).toEqual(['updates.status', 'app.info']);
    const other = { sender: { mainFrame: {} }, senderFrame: { url: 'app://warta/index.html' } };
    expect((await call(other, 'updates.status', {})).error?.code).toBe('forbidden');
    expect(asked).toHaveLength(2);
  });

  it('refuses a sender that is not our window, and logs it', async () => {
    const other = { sender: { mainFrame: {} }, senderFrame: { url: 'app://warta/index.html' } };
    expect((await call(other, 'app.info', {})).error?.code).toBe('forbidden');
    expect(logger.lines.some((l) => l.event === 'shell.ipc.refused_sender')).toBe(true);
  });

  it('refuses our window when it shows another origin or the call comes from a sub-frame', async () => {
    const navigated = { sender: win.webContents, senderFrame: { url: 'https://evil.example/' } };
    expect((await call(navigated, 'app.info', {})).error?.code).toBe('forbidden');
    const iframe = { sender: win.webContents, senderFrame: { url: 'app://warta/index.html' } };
    expect((await call(iframe, 'app.info', {})).error?.code).toBe('forbidden');
    const gone = { sender: win.webContents, senderFrame: null };
    expect((await call(gone, 'app.info', {})).error?.code).toBe('forbidden');
  });

  it('refuses oversized payloads before the core sees them', async () => {
    const result = await call(fromOurPage(), 'prefs.set', { language: 'id', junk: 'x'.repeat(9 * 1024 * 1024) });
    expect(result.error?.code).toBe('payload_too_large');
  });

  it('returns the core’s own typed errors for bad input', async () => {
    expect((await call(fromOurPage(), 'no.such', {})).error?.code).toBe('unknown_method');
    expect((await call(fromOurPage(), 'prefs.set', { language: 'fr' })).error?.code).toBe('invalid_input');
  });

  it('forwards core events to our window as (name, payload)', () => {
    core.context.events.emit('data.changed', { tables: ['opd'] });
    expect(win.sent).toEqual([[IPC_CHANNEL_EVENT, 'data.changed', { tables: ['opd'] }]]);
  });

  it('drops events while there is no window', () => {
    const none = createMemoryLogger();
    const stop = connectCoreToIpc(core, () => null, none);
    expect(() => core.context.events.emit('data.changed', { tables: ['opd'] })).not.toThrow();
    stop();
  });

  it('stops answering after disconnect', () => {
    disconnect();
    expect(ipc.handlers.has(IPC_CHANNEL_CALL)).toBe(false);
    disconnect = () => {};
  });
});
