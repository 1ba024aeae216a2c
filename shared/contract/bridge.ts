import type { EventName } from './events';
import type { CallResult } from './result';

/**
 * What the renderer gets from its transport, whichever it is. The Electron preload exposes
 * exactly this as `window.wartaBridge` (never raw ipcRenderer); browser mode builds the same
 * over a WebSocket.
 */
export interface WartaBridge {
  invoke(method: string, input: unknown): Promise<CallResult<unknown>>;
  on(listener: (name: EventName, payload: unknown) => void): () => void;
}

export const BRIDGE_GLOBAL = 'wartaBridge';
