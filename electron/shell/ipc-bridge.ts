import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '../../shared/contract/result';
import { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT } from '../../shared/contract/wire';
import type { CoreCalls } from '../core/worker/core-relay';
import type { Logger } from '../core/log/logger';
import { checkPayload, isTrustedSender } from './policy/ipc-guard';

/**
 * The IPC half of the bridge: one invoke channel into `core.call`, one event channel out.
 * Every call is checked for its sender and size before the core sees it; the core then
 * validates the input itself (architecture.md, "One contract").
 */
/**
 * Methods the main process answers itself instead of the core (the updater lives here, not in
 * the core): returns the answer, or null to hand the call on to the core.
 */
export type ShellCalls = (method: string, input: unknown) => Promise<CallResult<unknown>> | null;

export function connectCoreToIpc(core: CoreCalls, window: () => BrowserWindow | null, logger: Logger, shellCalls?: ShellCalls): () => void {
  ipcMain.handle(IPC_CHANNEL_CALL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<CallResult<unknown>> => {
    const win = window();
    const frame = event.senderFrame;
    const facts = {
      frameUrl: frame?.url ?? null,
      isOurWindow: !!win && !win.isDestroyed() && event.sender === win.webContents,
      isMainFrame: !!frame && !!win && !win.isDestroyed() && frame === win.webContents.mainFrame,
    };
    if (!isTrustedSender(facts)) {
      logger.warn('shell.ipc.refused_sender', { url: facts.frameUrl?.slice(0, 200) ?? null, ourWindow: facts.isOurWindow, mainFrame: facts.isMainFrame });
      return { ok: false, error: { code: 'forbidden', message: 'Permintaan ditolak: pengirim tidak dikenal.' } };
    }
    const refused = checkPayload(method, input);
    if (refused) {
      logger.warn('shell.ipc.refused_payload', { code: refused.code });
      return { ok: false, error: refused };
    }
    const answered = typeof method === 'string' ? shellCalls?.(method, input) : null;
    if (answered) return answered;
    return core.call(method, input);
  });

  const stopEvents = core.onEvent((name, payload) => {
    const win = window();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.send(IPC_CHANNEL_EVENT, name, payload);
  });

  return () => {
    stopEvents();
    ipcMain.removeHandler(IPC_CHANNEL_CALL);
  };
}
