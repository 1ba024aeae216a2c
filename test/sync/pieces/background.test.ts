/** background.ts: when the next cycle runs after a failure, a success and a stop. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackgroundLoop, backoffMs, IDLE_ROUND_MS, MAX_BACKOFF_MS } from '../../../electron/core/sync/background';
import type { SyncStatus } from '../../../shared/contract/methods/sync';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A loop whose cycles end as `outcomes` say, recording when each ran (fake clock). */
function loopOf(outcomes: SyncStatus['state'][]) {
  const ran: number[] = [];
  const loop = new BackgroundLoop(async () => {
    ran.push(Date.now());
    return outcomes.shift() ?? 'up_to_date';
  }, () => 0.5);
  return { loop, ran };
}

describe('background loop', () => {
  it('backs off after failures, doubling, and returns to the minute round after a success', async () => {
    const { loop, ran } = loopOf(['offline', 'error', 'offline', 'up_to_date']);
    const t0 = Date.now();
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toHaveLength(1);
    expect(loop.nextRetryAt).toBe(t0 + 2000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(ran).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4000);
    expect(ran).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(8000);
    expect(ran).toHaveLength(4);
    expect(ran.map((t) => t - t0)).toEqual([0, 2000, 6000, 14000]);
    expect(loop.nextRetryAt).toBeNull();
    await vi.advanceTimersByTimeAsync(IDLE_ROUND_MS);
    expect(ran).toHaveLength(5);
    loop.cancel(true);
  });

  it('a new schedule replaces the one due; a stop for good holds until resumed', async () => {
    const { loop, ran } = loopOf([]);
    loop.schedule(10_000);
    loop.schedule(100);
    await vi.advanceTimersByTimeAsync(100);
    expect(ran).toHaveLength(1);
    loop.cancel(true);
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(IDLE_ROUND_MS * 2);
    expect(ran).toHaveLength(1);
    loop.resume();
    loop.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toHaveLength(2);
    loop.cancel(true);
  });

  it('the wait never grows past five minutes', () => {
    expect(backoffMs(1)).toBe(2000);
    expect(backoffMs(8)).toBe(256_000);
    expect(backoffMs(9)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(50)).toBe(MAX_BACKOFF_MS);
  });
});
