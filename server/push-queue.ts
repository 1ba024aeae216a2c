/**
 * Group commit: pushes to one workspace that arrive while another commit is being prepared or
 * written are decided and committed together, in one transaction (one fsync on SQLite, one
 * round of row locks on PostgreSQL). A province server with hundreds of devices pushing at once
 * keeps its latency: each push waits for at most one commit before its own.
 */
import type { WireChange } from '../shared/sync/protocol';
import { pushDecider, type PushVerdict } from './push-decider';
import type { DeviceRecord, SyncStore } from './store';

export interface PushOutcome extends PushVerdict {
  head: number;
}

interface Waiting {
  device: DeviceRecord;
  changes: readonly WireChange[];
  resolve: (o: PushOutcome) => void;
  reject: (e: unknown) => void;
}

export interface PushQueueOptions {
  now: () => number;
  checkRules?: boolean;
  /** At most this many changes per commit; the rest wait for the next one. */
  maxChangesPerCommit?: number;
}

export function createPushQueue(store: SyncStore, options: PushQueueOptions) {
  const queues = new Map<string, { waiting: Waiting[]; busy: boolean }>();
  const limit = options.maxChangesPerCommit ?? 20_000;

  async function drain(workspaceId: string, q: { waiting: Waiting[]; busy: boolean }): Promise<void> {
    q.busy = true;
    try {
      // Let the pushes whose bodies finish reading in this turn of the event loop join.
      await new Promise((r) => setImmediate(r));
      while (q.waiting.length > 0) {
        const group: Waiting[] = [];
        let count = 0;
        while (q.waiting.length > 0 && (group.length === 0 || count + (q.waiting[0] as Waiting).changes.length <= limit)) {
          const w = q.waiting.shift() as Waiting;
          group.push(w);
          count += w.changes.length;
        }
        try {
          const { head, result } = await store.commit(workspaceId, pushDecider(group, { now: options.now(), checkRules: options.checkRules }));
          group.forEach((w, i) => w.resolve({ ...(result[i] as PushVerdict), head }));
        } catch (err) {
          for (const w of group) w.reject(err);
        }
      }
    } finally {
      q.busy = false;
      if (queues.get(workspaceId) === q && q.waiting.length === 0) queues.delete(workspaceId);
    }
  }

  return {
    submit(workspaceId: string, device: DeviceRecord, changes: readonly WireChange[]): Promise<PushOutcome> {
      let q = queues.get(workspaceId);
      if (!q) queues.set(workspaceId, (q = { waiting: [], busy: false }));
      const queue = q;
      const done = new Promise<PushOutcome>((resolve, reject) => queue.waiting.push({ device, changes, resolve, reject }));
      if (!queue.busy) void drain(workspaceId, queue);
      return done;
    },
  };
}
