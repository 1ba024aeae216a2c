/**
 * The messages between the core's worker thread (core-worker.ts) and the relay on the main
 * thread (core-relay.ts). Only plain data crosses: structured clone, no functions. The worker
 * checks every message it is sent (`parseToWorker`): a message of the wrong shape gets a typed
 * answer and the core keeps serving.
 */
import type { EventMap, EventName } from '../../../shared/contract/events';
import type { AppInfo } from '../../../shared/contract/methods';
import type { EncryptionState } from '../../../shared/contract/methods/people';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { CallResult } from '../../../shared/contract/result';
import type { DatabaseKey } from '../db/encryption';
import type { SyncServerLaunch } from '../sync/hosting-port';
import type { MessagePort } from 'node:worker_threads';

/**
 * What the worker opens the core with: the plain-data part of CoreOptions. What cannot cross a
 * thread (the desktop's safeStorage vaults, electron-store preferences) stays on the main thread
 * and is reached through host services (host-services.ts).
 */
export interface WorkerCoreOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  databaseKey?: DatabaseKey | null;
  secretStore?: EncryptionState['secrets'];
  syncServerLaunch?: SyncServerLaunch | null;
  outbox?: { auto?: boolean; idleMs?: number };
  sync?: { auto?: boolean; pullPageBytes?: number; pushPageChanges?: number };
}

/** Which of the core's stores the main thread keeps; the worker reaches them synchronously. */
export interface HostServiceSet {
  tokenVault?: 'safe-storage' | 'insecure-file';
  smtpPasswordVault?: 'safe-storage' | 'insecure-file';
  keyVault?: boolean;
  prefs?: boolean;
}

export interface WorkerStartData {
  options: WorkerCoreOptions;
  services: HostServiceSet;
  /** The port and flag of synchronous host-service calls (host-services.ts). */
  servicePort: MessagePort | null;
  serviceFlag: SharedArrayBuffer | null;
}

export type ToWorker = { type: 'call'; id: number; method: string; input: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; info: AppInfo }
  | { type: 'failed'; error: ErrorPayload }
  | { type: 'result'; id: number; result: CallResult<unknown> }
  | { type: 'event'; name: EventName; payload: EventMap[EventName] }
  | { type: 'refused'; error: ErrorPayload }
  | { type: 'closed' };

/** The relay's call ids: positive safe integers. */
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** A message from the main thread, or the reason it is not one. */
export function parseToWorker(msg: unknown): { ok: true; msg: ToWorker } | { ok: false; id: number | null; error: ErrorPayload } {
  const m = (typeof msg === 'object' && msg !== null ? msg : {}) as Record<string, unknown>;
  if (m.type === 'close') return { ok: true, msg: { type: 'close' } };
  if (m.type === 'call' && isId(m.id) && typeof m.method === 'string') return { ok: true, msg: { type: 'call', id: m.id, method: m.method, input: m.input } };
  return {
    ok: false,
    id: isId(m.id) ? m.id : null,
    error: { code: 'invalid_input', message: 'Pesan ke inti Warta tidak sah: bukan panggilan yang dikenal. (Malformed message to the core worker.)' },
  };
}
