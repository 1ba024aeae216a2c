/**
 * The preload of the sandboxed renderer (built to dist/electron/preload.cjs: sandboxed
 * preloads cannot be ES modules). It exposes exactly `window.wartaBridge = { invoke, on }`
 * and nothing else: never ipcRenderer itself, never the IPC event object, which would
 * hand the page a way to send on any channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, type WartaBridge } from '../../shared/contract/bridge';
import { isEventName } from '../../shared/contract/events';
import type { CallResult } from '../../shared/contract/result';
import { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT } from '../../shared/contract/wire';

const bridge: WartaBridge = {
  invoke(method, input) {
    if (typeof method !== 'string') {
      return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: 'Perintah tidak dikenal.' } });
    }
    return ipcRenderer.invoke(IPC_CHANNEL_CALL, method, input) as Promise<CallResult<unknown>>;
  },
  on(listener) {
    if (typeof listener !== 'function') throw new TypeError('wartaBridge.on needs a function');
    const forward = (_event: Electron.IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(IPC_CHANNEL_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNEL_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
