/** A clock that only moves when told: tests stamp HLCs and dates deterministically. */
export function fakeClock(start = Date.UTC(2026, 10, 22, 3, 0, 0)): { now: () => number; advance(ms: number): void; set(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
    set(ms) {
      t = ms;
    },
  };
}
