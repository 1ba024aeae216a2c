import type { SyncStatus } from './methods';

/** What the core pushes to every connected renderer. */
export interface EventMap {
  /** Rows of these tables changed (locally or from sync): views reload what they show. */
  'data.changed': { tables: string[] };
  /** A long job moved on; `total` null while unknown. */
  progress: { jobId: string; label: string; done: number; total: number | null; finished: boolean };
  'sync.status': SyncStatus;
}

export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = ['data.changed', 'progress', 'sync.status'];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
