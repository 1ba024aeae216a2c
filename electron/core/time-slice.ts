/**
 * Long jobs share the core's one thread with every other call (the core runs in its own worker,
 * electron/core/worker). A big pull, an import or a long export therefore works in slices of a
 * few milliseconds and lets the event loop run between them, so that a cheap call waits at most
 * about a slice per running job (issue 17; measured by `shell.ping_p99_under_load_ms`).
 * Chunked work rather than a second worker: the jobs write through the one mutator and clock,
 * and the PDF's pieces are cheap to interleave.
 */

/** About how long one slice of a job may hold the thread. */
export const SLICE_MS = 5;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** For loops of small steps: await it after each step; it yields once a slice's time is spent. */
export function timeSlicer(budgetMs = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}

/**
 * For batches that each run in one transaction: how many items the next batch takes so that it
 * lasts about a slice, learnt from the batches before it (rows differ in cost from job to job).
 */
export class BatchSizer {
  private size: number;

  constructor(
    first = 50,
    private readonly max = 2000,
    private readonly budgetMs = SLICE_MS,
  ) {
    this.size = Math.max(1, Math.min(first, max));
  }

  get next(): number {
    return this.size;
  }

  /** Runs one batch of up to `next` items and learns from its time. */
  run<T>(count: number, batch: () => T): T {
    const start = performance.now();
    const value = batch();
    const ms = performance.now() - start;
    const ideal = ms > 0 ? (this.budgetMs * Math.max(count, 1)) / ms : this.max;
    // Grows at most twofold per batch (one cheap batch proves little), shrinks at once.
    this.size = Math.max(1, Math.min(this.max, Math.floor(Math.min(ideal, this.size * 2))));
    return value;
  }
}
