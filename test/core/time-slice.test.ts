/**
 * Jobs that yield with `yieldToEventLoop` get one slice per turn of the event loop between them
 * (issue 17): a call (here a timer) waits for at most one job's slice, not one slice per job.
 */
import { describe, expect, it } from 'vitest';
import { yieldToEventLoop } from '../../electron/core/time-slice';

const busy = (ms: number) => {
  for (const until = performance.now() + ms; performance.now() < until; );
};

describe('yieldToEventLoop', () => {
  it('runs one slice per turn of the event loop across jobs, each job in its own order', async () => {
    const order: string[] = [];
    let done = false;
    // A timer re-armed every turn: the slices that ran between two of its firings ran in one turn.
    const between: number[] = [];
    let since = 0;
    const timer = () => {
      between.push(since);
      since = 0;
      if (!done) setTimeout(timer, 0);
    };
    setTimeout(timer, 0);
    const job = async (name: string, slices: number) => {
      for (let i = 0; i < slices; i++) {
        busy(2); // longer than the timer's 1 ms: it is due at every turn
        order.push(`${name}${i}`);
        since += 1;
        await yieldToEventLoop();
      }
    };
    await Promise.all([job('a', 30), job('b', 30), job('c', 30)]);
    done = true;
    // Every job's slices in its own order, the jobs taking turns.
    for (const name of ['a', 'b', 'c']) expect(order.filter((s) => s.startsWith(name))).toEqual(Array.from({ length: 30 }, (_, i) => `${name}${i}`));
    expect(order.slice(3, 9)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'c2']);
    // The first turn starts all three jobs (they begin before their first yield); after that, one slice per turn.
    expect(Math.max(...between.slice(2))).toBeLessThanOrEqual(1);
    expect(between.length).toBeGreaterThan(80);
  });

  it('a single job keeps yielding once per slice', async () => {
    let turns = 0;
    for (let i = 0; i < 50; i++) {
      turns += 1;
      await yieldToEventLoop();
    }
    expect(turns).toBe(50);
  });
});
