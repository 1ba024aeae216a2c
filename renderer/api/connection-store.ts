import { create } from 'zustand';

/**
 * The state of the link between this window and the Warta core. In Electron the bridge is
 * in-process IPC and always `open`; in browser mode it follows the WebSocket.
 * `no-token`: the page was opened without the per-run token, so it can never connect.
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'no-token';

interface ConnectionStore {
  state: ConnectionState;
  /** Incremented each time the link comes back after a loss: views reload what they may have missed. */
  reconnects: number;
  set(state: ConnectionState): void;
}

export const useConnection = create<ConnectionStore>()((set, get) => ({
  state: 'connecting',
  reconnects: 0,
  set(state) {
    const previous = get().state;
    if (previous === state) return;
    set({ state, reconnects: previous === 'reconnecting' && state === 'open' ? get().reconnects + 1 : get().reconnects });
  },
}));
