import { BRIDGE_GLOBAL, type WartaBridge } from '../../shared/contract/bridge';
import type { ErrorPayload } from '../../shared/contract/errors';
import type { EventMap, EventName } from '../../shared/contract/events';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract/methods';
import type { CallResult } from '../../shared/contract/result';
import { useConnection } from './connection-store';
import { createWsBridge, tokenFromHash } from './ws-bridge';

declare global {
  interface Window {
    wartaBridge?: WartaBridge;
  }
}

let bridge: WartaBridge | null = null;

/**
 * Electron's preload exposes the bridge; without it we are in browser mode and build the
 * same bridge over the host's WebSocket. Read once at start, so later changes to the URL
 * fragment cannot change where calls go.
 */
function resolveBridge(): WartaBridge | null {
  const exposed = (window as unknown as Record<string, WartaBridge | undefined>)[BRIDGE_GLOBAL];
  if (exposed) {
    useConnection.getState().set('open');
    return exposed;
  }
  const token = tokenFromHash(window.location.hash);
  if (!token) {
    useConnection.getState().set('no-token');
    return null;
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${window.location.host}/api?token=${encodeURIComponent(token)}`;
  return createWsBridge({ url, onState: (state) => useConnection.getState().set(state) });
}

export function startApiClient(): void {
  if (!bridge) bridge = resolveBridge();
  if (!bridge) return;
  for (const entry of early) entry.stop = bridge.on(entry.forward);
  early.clear();
}

const failureListeners = new Set<(method: MethodName, error: ErrorPayload) => void>();

/**
 * Hears every failed call, whichever feature made it: the session store reloads after
 * `unauthorized` or `forbidden`, because the core may have locked the session meanwhile.
 */
export function onCallFailed(listener: (method: MethodName, error: ErrorPayload) => void): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

/** Every call of the contract, typed by method name. Never throws: failures come back as `ok:false`. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodResult<M>>> {
  if (!bridge) {
    return { ok: false, error: { code: 'unauthorized', message: 'Warta dibuka tanpa token sesi.' } };
  }
  let result: CallResult<MethodResult<M>>;
  try {
    result = (await bridge.invoke(method, input)) as CallResult<MethodResult<M>>;
  } catch (err) {
    result = { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
  }
  if (!result.ok) for (const listener of failureListeners) listener(method, result.error);
  return result;
}

type Forward = Parameters<WartaBridge['on']>[0];
/** Subscriptions made before the bridge existed (stores subscribe when their module loads). */
const early = new Set<{ forward: Forward; stop: (() => void) | null }>();

/** Subscribe to one event the core pushes; returns the unsubscribe function. */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void {
  const forward: Forward = (eventName, payload) => {
    if (eventName === name) listener(payload as EventMap[E]);
  };
  if (bridge) return bridge.on(forward);
  // Before startApiClient: attached once the bridge exists, rather than silently never.
  const entry = { forward, stop: null as (() => void) | null };
  early.add(entry);
  return () => {
    early.delete(entry);
    entry.stop?.();
  };
}
