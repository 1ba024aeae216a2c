import type { WartaBridge } from '../../shared/contract/bridge';
import { isErrorCode, type ErrorPayload } from '../../shared/contract/errors';
import { isEventName, type EventName } from '../../shared/contract/events';
import type { CallResult } from '../../shared/contract/result';
import type { ClientMessage } from '../../shared/contract/wire';
import type { ConnectionState } from './connection-store';

export interface WsBridgeOptions {
  /** e.g. ws://127.0.0.1:PORT/api?token=T */
  url: string;
  onState: (state: ConnectionState) => void;
  /** How long a call may wait for the link to (re)open before it fails. */
  queueTimeoutMs?: number;
}

interface Pending {
  resolve: (result: CallResult<unknown>) => void;
  message: ClientMessage;
  sent: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000];

const closedError = (message: string): ErrorPayload => ({ code: 'closed', message });

/**
 * Browser mode's transport: the WartaBridge contract over one WebSocket. Calls made while
 * the link is down wait for it (bounded); calls already sent when the link drops fail at
 * once with `closed`, because nobody can tell whether the core ran them.
 */
export function createWsBridge(options: WsBridgeOptions): WartaBridge {
  const queueTimeoutMs = options.queueTimeoutMs ?? 15_000;
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let everOpened = false;

  function connect(): void {
    options.onState(everOpened ? 'reconnecting' : 'connecting');
    const ws = new WebSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      everOpened = true;
      options.onState('open');
      for (const p of pending.values()) if (!p.sent) send(p);
    };
    ws.onmessage = (event) => receive(event.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const [id, p] of pending) {
        if (!p.sent) continue;
        pending.delete(id);
        if (p.timer) clearTimeout(p.timer);
        p.resolve({
          ok: false,
          error: closedError('Sambungan ke Warta terputus sebelum ada jawaban; periksa apakah perubahan tersimpan, lalu ulangi.'),
        });
      }
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 8000;
      attempt += 1;
      options.onState(everOpened ? 'reconnecting' : 'connecting');
      setTimeout(connect, delay);
    };
  }

  function send(p: Pending): void {
    if (socket?.readyState !== WebSocket.OPEN) return;
    socket.send(JSON.stringify(p.message));
    p.sent = true;
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let msg: { type?: unknown; id?: unknown; ok?: unknown; value?: unknown; error?: unknown; name?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(data) as typeof msg;
    } catch {
      return;
    }
    if (msg.type === 'event' && isEventName(msg.name)) {
      for (const listener of listeners) listener(msg.name, msg.payload);
      return;
    }
    if (msg.type !== 'result' || typeof msg.id !== 'number') return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (p.timer) clearTimeout(p.timer);
    p.resolve(msg.ok === true ? { ok: true, value: msg.value } : { ok: false, error: toErrorPayload(msg.error) });
  }

  connect();

  return {
    invoke(method, input) {
      return new Promise((resolve) => {
        const id = nextId++;
        const p: Pending = { resolve, message: { type: 'call', id, method, input }, sent: false, timer: null };
        pending.set(id, p);
        send(p);
        if (!p.sent) {
          p.timer = setTimeout(() => {
            if (p.sent || !pending.has(id)) return;
            pending.delete(id);
            resolve({ ok: false, error: closedError('Warta belum tersambung; perintah dibatalkan. Coba lagi sebentar lagi.') });
          }, queueTimeoutMs);
        }
      });
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function toErrorPayload(raw: unknown): ErrorPayload {
  const e = (raw ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  return {
    code: isErrorCode(e.code) ? e.code : 'internal',
    message: typeof e.message === 'string' ? e.message : '',
    ...(e.details && typeof e.details === 'object' ? { details: e.details as Record<string, unknown> } : {}),
  };
}

/** The token travels in the URL fragment (never sent in HTTP requests); the WebSocket carries it as ?token=. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token ? token : null;
}
