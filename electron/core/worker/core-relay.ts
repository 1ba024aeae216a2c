/**
 * The main thread's side of the core (architecture.md, "The core gets its own thread"): starts
 * the core in a worker thread (core-worker.ts), relays calls and events, and notices when the
 * worker dies. The desktop shell and browser mode both start the core this way, so the way the
 * desktop runs is the way the tests run.
 *
 * A worker that dies is restarted. A call in flight then gets `core_restarted` (it may or may
 * not have been written: the person checks and repeats); calls made while it restarts wait for
 * the new worker. Nothing acknowledged is lost: an answered write was committed to SQLite (WAL,
 * synchronous) before its answer was sent. The window is told through `core.status`.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import type { EventMap, EventName } from '../../../shared/contract/events';
import { WartaError } from '../../../shared/contract/errors';
import type { AppInfo, MethodInput, MethodName, MethodResult } from '../../../shared/contract/methods';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { CallResult } from '../../../shared/contract/result';
import type { AnyListener } from '../events';
import type { Logger } from '../log/logger';
import { serveHostServices, serviceSet, type CoreHostServices } from './host-services';
import type { FromWorker, ToWorker, WorkerCoreOptions, WorkerStartData } from './protocol';
import { workerEntry } from '../worker-entry';

export interface CoreRelayOptions extends WorkerCoreOptions {
  logger: Logger;
  /** Stores the main thread keeps for the core (the desktop's safeStorage vaults, electron-store). */
  services?: CoreHostServices;
  /** Restarts allowed within `restartWindowMs` before the relay gives up (default 3 in 60 s). */
  maxRestarts?: number;
  restartWindowMs?: number;
}

/** What transports need of the core: the same shape as an in-process Core's calls and events. */
export interface CoreCalls {
  call(method: unknown, input?: unknown): Promise<CallResult<unknown>>;
  onEvent(listener: AnyListener): () => void;
}

export interface CoreRelay extends CoreCalls {
  invoke<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
  readonly info: AppInfo;
  /** The worker's thread id (changes on restart). */
  readonly threadId: number;
  /** Ends the worker abruptly, as a crash would; the relay restarts it. For fault tests and a future watchdog. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

const STARTUP_MS = 60_000;
const CLOSE_MS = 10_000;

export const CORE_RESTARTED_MESSAGE =
  'Inti Warta berhenti tak terduga dan sedang dimulai ulang; perintah ini mungkin tidak selesai. Periksa hasilnya, lalu ulangi bila perlu. ' +
  '(The core stopped unexpectedly and is being restarted; this call may not have finished.)';

/** The core worker's entry: built beside the relay's bundle, or the source through tsx (worker-entry.ts). */
export function coreWorkerEntry(): { entry: string | URL; eval: boolean } {
  return workerEntry(import.meta.url, 'core-worker');
}

/** Starts the core's worker and resolves once the core is open; rejects with the core's own error (data folder in use, wrong key …). */
export async function startCoreRelay(options: CoreRelayOptions): Promise<CoreRelay> {
  const { logger, services = {}, maxRestarts = 3, restartWindowMs = 60_000, ...coreOptions } = options;
  const listeners = new Set<AnyListener>();
  const emit = <E extends EventName>(name: E, payload: EventMap[E]) => {
    for (const l of listeners) {
      try {
        l(name, payload);
      } catch {
        // A broken subscriber (a closed socket) must not stop the others.
      }
    }
  };
  const pending = new Map<number, (result: CallResult<unknown>) => void>();
  let nextId = 1;
  let closing = false;
  let state: 'running' | 'restarting' | 'failed' = 'running';
  let failure: ErrorPayload | null = null;
  const restarts: number[] = [];
  /** Calls made while the worker restarts: sent once it is ready. */
  let waiting: (() => void)[] = [];

  interface Running {
    worker: Worker;
    info: AppInfo;
    exited: Promise<void>;
  }

  function spawn(): Promise<Running> {
    const channel = services && Object.keys(serviceSet(services)).length ? new MessageChannel() : null;
    const flag = channel ? new SharedArrayBuffer(4) : null;
    if (channel && flag) serveHostServices(channel.port1, new Int32Array(flag), services);
    const data: WorkerStartData = { options: coreOptions, services: serviceSet(services), servicePort: channel?.port2 ?? null, serviceFlag: flag };
    const { entry, eval: isEval } = coreWorkerEntry();
    const worker = new Worker(entry, { eval: isEval, workerData: data, transferList: channel ? [channel.port2] : [], name: 'warta-core' });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    void exited.then(() => channel?.port1.close());
    return new Promise<Running>((resolve, reject) => {
      // Named listeners, removed by name: Worker keeps internal listeners of its own, which
      // removeAllListeners would take away too (its message port would stop delivering).
      const onMessage = (msg: FromWorker) => {
        if (msg?.type === 'ready') {
          stop();
          resolve({ worker, info: msg.info, exited });
        } else if (msg?.type === 'failed') fail(new WartaError(msg.error.code, msg.error.message, msg.error.details));
      };
      const onError = (err: Error) => fail(new WartaError('internal', `Inti Warta gagal dimulai: ${err.message} (The core failed to start.)`));
      const onExit = (code: number) => fail(new WartaError('internal', `Inti Warta berhenti saat dimulai (kode ${code}). (The core exited while starting.)`));
      const timer = setTimeout(() => fail(new WartaError('internal', 'Inti Warta tidak siap dalam 60 detik. (The core did not start within 60 s.)')), STARTUP_MS);
      const stop = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const fail = (err: WartaError) => {
        stop();
        void worker.terminate();
        reject(err);
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
    });
  }

  function attach(run: Running): void {
    const { worker } = run;
    worker.on('message', (msg: FromWorker) => {
      if (msg?.type === 'result') {
        const done = pending.get(msg.id);
        pending.delete(msg.id);
        done?.(msg.result);
      } else if (msg?.type === 'event') emit(msg.name, msg.payload);
      else if (msg?.type === 'refused') logger.warn('core_relay.refused', { code: msg.error.code });
    });
    worker.on('error', (err) => logger.error('core_relay.worker_error', { message: err.message, stack: err.stack }));
    worker.once('exit', (code) => {
      if (closing || current !== run) return;
      logger.error('core_relay.worker_exit', { code, threadId: run.worker.threadId });
      void restart(`exit ${code}`);
    });
  }

  async function restart(reason: string): Promise<void> {
    state = 'restarting';
    // Calls in flight died with the worker: they get a typed error, never silence.
    for (const done of pending.values()) done({ ok: false, error: { code: 'core_restarted', message: CORE_RESTARTED_MESSAGE } });
    pending.clear();
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && (restarts[0] as number) < now - restartWindowMs) restarts.shift();
    emit('core.status', { state: 'restarting', restarts: restarts.length, message: null });
    if (restarts.length > maxRestarts) return giveUp({ code: 'core_restarted', message: `Inti Warta berhenti ${restarts.length} kali dalam semenit; tutup Warta lalu buka lagi. (The core stopped repeatedly.)` });
    try {
      const run = await spawn();
      if (closing) {
        void run.worker.terminate();
        return;
      }
      current = run;
      attach(run);
      state = 'running';
      logger.warn('core_relay.restarted', { reason, threadId: run.worker.threadId, restarts: restarts.length });
      emit('core.status', { state: 'running', restarts: restarts.length, message: null });
      // The new core has nobody signed in: the window reads the session again.
      emit('session.changed', { reason: 'sign_out' });
      const queued = waiting;
      waiting = [];
      for (const go of queued) go();
    } catch (err) {
      const error = err instanceof WartaError ? err.toPayload() : { code: 'internal' as const, message: String(err) };
      logger.error('core_relay.restart_failed', { code: error.code, message: error.message });
      if (!closing) setTimeout(() => void restart(`restart failed: ${error.code}`), 500).unref();
    }
  }

  function giveUp(error: ErrorPayload): void {
    state = 'failed';
    failure = error;
    logger.error('core_relay.gave_up', { message: error.message });
    emit('core.status', { state: 'failed', restarts: restarts.length, message: error.message });
    const queued = waiting;
    waiting = [];
    for (const go of queued) go();
  }

  function send(method: unknown, input: unknown): Promise<CallResult<unknown>> {
    // The worker checks the name like any other input (dispatch.ts); a non-string never crosses.
    if (typeof method !== 'string') return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `Perintah tidak dikenal: ${typeof method}` } });
    if (closing) return Promise.resolve({ ok: false, error: { code: 'closed', message: 'Warta sedang ditutup; ulangi sebentar lagi.' } });
    if (state === 'failed') return Promise.resolve({ ok: false, error: failure as ErrorPayload });
    if (state === 'restarting') return new Promise((resolve) => waiting.push(() => void send(method, input).then(resolve)));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        current.worker.postMessage({ type: 'call', id, method, input } satisfies ToWorker);
      } catch {
        // Only an input that cannot be cloned (a function) gets here; IPC and JSON never carry one.
        pending.delete(id);
        resolve({ ok: false, error: { code: 'invalid_input', message: 'Isian tidak dapat dikirim ke inti Warta. (The input cannot be sent to the core.)' } });
      }
    });
  }

  let current: Running = await spawn();
  attach(current);
  logger.info('core_relay.started', { threadId: current.worker.threadId });

  return {
    call: (method, input) => send(method, input),
    async invoke(method, input) {
      const result = await send(method, input ?? {});
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.value as never;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on(name, listener) {
      const one: AnyListener = (n, payload) => {
        if ((n as string) === name) listener(payload as unknown as EventMap[typeof name]);
      };
      listeners.add(one);
      return () => listeners.delete(one);
    },
    get info() {
      return current.info;
    },
    get threadId() {
      return current.worker.threadId;
    },
    async kill() {
      const run = current;
      await run.worker.terminate();
    },
    async close() {
      if (closing) return;
      closing = true;
      for (const done of pending.values()) done({ ok: false, error: { code: 'closed', message: 'Warta sedang ditutup.' } });
      pending.clear();
      const run = current;
      try {
        run.worker.postMessage({ type: 'close' } satisfies ToWorker);
      } catch {
        // Already gone.
      }
      const timer = setTimeout(() => void run.worker.terminate(), CLOSE_MS);
      await run.exited;
      clearTimeout(timer);
      listeners.clear();
    },
  };
}
