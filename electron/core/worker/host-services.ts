/**
 * Synchronous calls from the core's worker to stores the main thread keeps (the desktop's
 * safeStorage vaults and electron-store preferences cannot cross a thread). The core's store
 * interfaces are synchronous (`TokenVault.load()`), so the worker posts the request on its own
 * port and sleeps on a shared flag (Atomics.wait) until the main thread has answered; it then
 * takes the answer with `receiveMessageOnPort`. The main thread never waits on the worker, so
 * this cannot deadlock; it only relays, so the answer comes within a turn of its event loop.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { WartaError } from '../../../shared/contract/errors';
import type { KeyVault, DatabaseKey } from '../db/encryption';
import type { PrefsStore } from '../prefs';
import type { TokenVault } from '../sync/token-vault';
import type { HostServiceSet } from './protocol';

/** The stores the main thread may keep for the core. */
export interface CoreHostServices {
  tokenVault?: TokenVault | null;
  smtpPasswordVault?: TokenVault | null;
  keyVault?: KeyVault | null;
  prefs?: PrefsStore | null;
}

type Request = { name: string; args: unknown[] };
type Reply = { ok: true; value: unknown } | { ok: false; code: string; message: string };

/** Longest a store may take to answer; a stuck main thread is an error, not a hang. */
const ANSWER_MS = 30_000;

/** What the worker is told is available (plain data). */
export function serviceSet(services: CoreHostServices): HostServiceSet {
  return {
    ...(services.tokenVault ? { tokenVault: services.tokenVault.kind } : {}),
    ...(services.smtpPasswordVault ? { smtpPasswordVault: services.smtpPasswordVault.kind } : {}),
    ...(services.keyVault ? { keyVault: true } : {}),
    ...(services.prefs ? { prefs: true } : {}),
  };
}

/** Main thread: answers the worker's requests on `port`, waking it through `flag`. */
export function serveHostServices(port: MessagePort, flag: Int32Array, services: CoreHostServices): void {
  const table: Record<string, (...args: never[]) => unknown> = {
    'tokenVault.load': () => services.tokenVault?.load() ?? null,
    'tokenVault.save': (token: string | null) => services.tokenVault?.save(token),
    'smtpPasswordVault.load': () => services.smtpPasswordVault?.load() ?? null,
    'smtpPasswordVault.save': (value: string | null) => services.smtpPasswordVault?.save(value),
    'keyVault.save': (key: DatabaseKey | null) => services.keyVault?.save(key),
    'prefs.get': () => services.prefs?.get(),
    'prefs.set': (prefs: never) => services.prefs?.set(prefs),
  };
  port.on('message', (req: Request) => {
    let reply: Reply;
    try {
      const fn = table[req?.name];
      if (!fn) throw new WartaError('internal', `Layanan tidak dikenal: ${String(req?.name).slice(0, 40)}`);
      reply = { ok: true, value: fn(...((Array.isArray(req.args) ? req.args : []) as never[])) ?? null };
    } catch (err) {
      reply = { ok: false, code: (err as { code?: string }).code ?? 'internal', message: (err as Error)?.message ?? String(err) };
    }
    port.postMessage(reply);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
}

/** Worker: the stores, as proxies that call the main thread synchronously. */
export function hostServiceProxies(port: MessagePort, flag: Int32Array, set: HostServiceSet): CoreHostServices {
  const call = (name: string, ...args: unknown[]): unknown => {
    Atomics.store(flag, 0, 0);
    port.postMessage({ name, args } satisfies Request);
    if (Atomics.wait(flag, 0, 0, ANSWER_MS) === 'timed-out') {
      throw new WartaError('internal', 'Proses utama Warta tidak menjawab permintaan penyimpanan rahasia. (The main process did not answer a secret-store request.)');
    }
    const got = receiveMessageOnPort(port)?.message as Reply | undefined;
    if (!got) throw new WartaError('internal', 'Jawaban penyimpanan rahasia hilang. (A secret-store answer was lost.)');
    if (!got.ok) throw Object.assign(new Error(got.message), { code: got.code });
    return got.value;
  };
  const vault = (kind: TokenVault['kind'], prefix: string): TokenVault => ({
    kind,
    load: () => call(`${prefix}.load`) as string | null,
    save: (value) => void call(`${prefix}.save`, value),
  });
  return {
    ...(set.tokenVault ? { tokenVault: vault(set.tokenVault, 'tokenVault') } : {}),
    ...(set.smtpPasswordVault ? { smtpPasswordVault: vault(set.smtpPasswordVault, 'smtpPasswordVault') } : {}),
    ...(set.keyVault ? { keyVault: { save: (key) => void call('keyVault.save', key) } } : {}),
    ...(set.prefs ? { prefs: { get: () => call('prefs.get') as ReturnType<PrefsStore['get']>, set: (p) => void call('prefs.set', p) } } : {}),
  };
}
