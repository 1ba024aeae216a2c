/**
 * The background loop: a cycle soon after a local edit or a server notice, again a minute
 * after a good one, and after a failure with exponential backoff (1 s doubling to 5 minutes,
 * with jitter so the office's devices do not all come back at once).
 */
import type { SyncStatus } from '../../../shared/contract/methods/sync';

export const MAX_BACKOFF_MS = 5 * 60_000;
export const IDLE_ROUND_MS = 60_000;

export class BackgroundLoop {
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  /** When the next try after a failure is due (shown in the status), or null. */
  nextRetryAt: number | null = null;

  /** `cycle` runs one sync and says how it ended. */
  constructor(
    private readonly cycle: () => Promise<SyncStatus['state']>,
    private readonly random: () => number = Math.random,
  ) {}

  /** Runs a cycle after `delayMs`, replacing any that was due. */
  schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.cycle().then((state) => {
        if (state === 'offline' || state === 'error') {
          this.failures += 1;
          const delay = backoffMs(this.failures) * (0.75 + this.random() * 0.5);
          this.nextRetryAt = Date.now() + delay;
          this.schedule(delay);
        } else {
          this.failures = 0;
          this.nextRetryAt = null;
          if (state === 'up_to_date') this.schedule(IDLE_ROUND_MS);
        }
      });
    }, delayMs);
    this.timer.unref?.();
  }

  /** Cancels what is due; with `forGood`, nothing is scheduled again until `resume`. */
  cancel(forGood = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (forGood) this.stopped = true;
  }

  resume(): void {
    this.stopped = false;
  }
}

/** The wait after the n-th failure in a row, before jitter. */
export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 9));
}
