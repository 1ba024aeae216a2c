/**
 * The core's own thread (architecture.md, "The core gets its own thread"): opens the core from
 * the plain options the relay sent (protocol.ts), answers calls and forwards events. Everything
 * the core owns lives here: SQLite, exports, Yjs, the sync engine with its timers and server
 * notices, the outbox. The main thread only relays (core-relay.ts).
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { WartaError } from '../../../shared/contract/errors';
import { createCore, type Core } from '../create-core';
import { ensureWritableDir } from '../db/open-database';
import { toPayload } from '../rpc/dispatch';
import { createFileLogger } from '../log/logger';
import { hostServiceProxies } from './host-services';
import { parseToWorker, type FromWorker, type WorkerStartData } from './protocol';

if (!parentPort) throw new Error('core-worker.ts runs only as a worker thread');
const port = parentPort;
const post = (msg: FromWorker) => port.postMessage(msg);

const start = workerData as WorkerStartData;
let core: Core | null = null;

function open(): void {
  const { options } = start;
  const services =
    start.servicePort && start.serviceFlag ? hostServiceProxies(start.servicePort, new Int32Array(start.serviceFlag), start.services) : {};
  try {
    // The folder first: the log lives in it, and its error is the sentence a person should read.
    ensureWritableDir(path.resolve(options.dataDir));
    const logger = createFileLogger(options.dataDir);
    // As browser mode always did: an error that escapes a handler or a timer is logged and the core
    // keeps serving, rather than ending under the person's work. A real death (out of memory, a
    // killed thread) is the relay's to notice and restart.
    process.on('uncaughtException', (err) => logger.error('core.uncaught', { message: err.message, stack: err.stack }));
    process.on('unhandledRejection', (err) => logger.error('core.unhandled_rejection', { message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack }));
    core = createCore({
      ...options,
      logger,
      ...(services.prefs ? { prefs: services.prefs } : {}),
      ...(services.tokenVault ? { tokenVault: services.tokenVault } : {}),
      ...(services.smtpPasswordVault ? { smtpPasswordVault: services.smtpPasswordVault } : {}),
      ...(services.keyVault ? { keyVault: services.keyVault } : {}),
    });
  } catch (err) {
    const error = err instanceof WartaError ? err.toPayload() : toPayload(err);
    post({ type: 'failed', error: error.code === 'internal' ? { ...error, message: (err as Error)?.message ?? error.message } : error });
    return;
  }
  core.onEvent((name, payload) => post({ type: 'event', name, payload }));
  port.on('message', (raw: unknown) => void receive(raw));
  post({ type: 'ready', info: core.info });
}

async function receive(raw: unknown): Promise<void> {
  const parsed = parseToWorker(raw);
  if (!parsed.ok) {
    // An answer to the id if it had one (its caller is waiting), otherwise a notice the relay logs.
    if (parsed.id !== null) post({ type: 'result', id: parsed.id, result: { ok: false, error: parsed.error } });
    else post({ type: 'refused', error: parsed.error });
    return;
  }
  const msg = parsed.msg;
  if (msg.type === 'close') {
    core?.close();
    core = null;
    post({ type: 'closed' });
    port.close();
    return;
  }
  const result = core ? await core.call(msg.method, msg.input) : { ok: false as const, error: { code: 'closed' as const, message: 'Warta sedang ditutup; ulangi sebentar lagi.' } };
  try {
    post({ type: 'result', id: msg.id, result });
  } catch (err) {
    // A value that cannot be cloned is our bug, not the caller's: say so rather than leave it waiting.
    post({ type: 'result', id: msg.id, result: { ok: false, error: { code: 'internal', message: `Jawaban inti tidak dapat dikirim: ${(err as Error).message}` } } });
  }
}

open();
