/**
 * Long jobs share the core's one thread with every other call (the core runs in its own worker,
 * electron/core/worker). A big pull, an import or a long export therefore works in slices of a
 * few milliseconds and lets the event loop run between them, so that a cheap call waits at most
 * about a slice per running job (issue 17; measured by `shell.ping_p99_under_load_ms`).
 * Chunked work rather than a second worker: the jobs write through the one mutator and clock,
 * and the PDF's pieces are cheap to interleave.
 */

/** About how long one slice of a job may hold the thread. */
export const SLICE_MS = 8;

/**
 * Jobs waiting for their next slice, first come first served. One slice runs per turn of the
 * event loop: when every job woke on its own setImmediate, a pull's, an import's and an index's
 * slices ran back to back in one check phase, and a call that arrived meanwhile waited for all
 * three (measured: 50–120 ms stalls under `shell.ping_p99_under_load_ms`). Released one per turn,
 * messages (calls) are read between any two slices. Each job still runs its slices in its own order.
 */
const waiting: (() => void)[] = [];
let pumping = false;

function releaseOne(): void {
  waiting.shift()?.();
  // Queued from inside the check phase, the next release runs on the next turn, after the poll phase.
  if (waiting.length > 0) setImmediate(releaseOne);
  else pumping = false;
}

export const yieldToEventLoop = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(releaseOne);
    }
  });

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
 * lasts about a slice, from a running average of the time per item (rows differ in cost from job
 * to job). Never fewer than `min`: on a busy machine wall time includes waiting for a core, and
 * tiny transactions would make the job itself many times slower (measured on a busy two-core
 * machine: a 20,000-change pull beside an import and an export took 56 s with batches shrunk to a
 * few changes, 14 s with a floor).
 */
export class BatchSizer {
  private perItemMs: number | null = null;

  constructor(
    private readonly first = 50,
    private readonly max = 2000,
    private readonly min = 25,
    private readonly budgetMs = SLICE_MS,
  ) {}

  get next(): number {
    if (this.perItemMs === null) return Math.max(1, Math.min(this.first, this.max));
    const ideal = this.perItemMs > 0 ? this.budgetMs / this.perItemMs : this.max;
    return Math.max(this.min, Math.min(this.max, Math.floor(ideal)));
  }

  /** Runs one batch of `count` items and learns from its time. */
  run<T>(count: number, batch: () => T): T {
    const start = performance.now();
    const value = batch();
    const perItem = (performance.now() - start) / Math.max(count, 1);
    this.perItemMs = this.perItemMs === null ? perItem : this.perItemMs * 0.7 + perItem * 0.3;
    return value;
  }
}
