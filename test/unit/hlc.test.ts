import { describe, expect, it } from 'vitest';
import { formatHlc, HlcClock, HlcError, parseHlc } from '../../shared/sync/hlc';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

describe('hybrid logical clock', () => {
  it('stamps increase even when the wall clock stands still or steps back', () => {
    let t = 1_000;
    const clock = new HlcClock({ node: A, now: () => t });
    const s1 = clock.tick();
    const s2 = clock.tick();
    t = 500; // the machine's clock was set back
    const s3 = clock.tick();
    expect(s1 < s2 && s2 < s3).toBe(true);
    expect(parseHlc(s3).ms).toBe(1_000);
  });

  it('after receiving a stamp from ahead, local stamps come after it', () => {
    let t = 1_000;
    const a = new HlcClock({ node: A, now: () => t });
    const b = new HlcClock({ node: B, now: () => t + 60_000 });
    const remote = b.tick();
    a.receive(remote);
    expect(a.tick() > remote).toBe(true);
    t = 2_000;
    expect(a.tick() > remote).toBe(true);
  });

  it('refuses a stamp too far in the future, naming the device and its lead', () => {
    const a = new HlcClock({ node: A, now: () => 0, maxDriftMs: 60_000 });
    const future = formatHlc({ ms: 3_600_000, counter: 0, node: B });
    expect(() => a.receive(future)).toThrowError(HlcError);
    expect(() => a.receive(future)).toThrow(/bbbbbbbbbbbbbbbb.*60 menit/);
    expect(a.tick() < future).toBe(true);
  });

  it('orders stamps as strings the same way as (ms, counter, node)', () => {
    const x = formatHlc({ ms: 9, counter: 10, node: A });
    const y = formatHlc({ ms: 10, counter: 0, node: A });
    const z = formatHlc({ ms: 10, counter: 0, node: B });
    expect([z, y, x].sort()).toEqual([x, y, z]);
  });

  it('resumes after a restart without going backwards', () => {
    const first = new HlcClock({ node: A, now: () => 5_000 });
    first.tick();
    const last = first.tick();
    const restarted = new HlcClock({ node: A, now: () => 4_000, last });
    expect(restarted.tick() > last).toBe(true);
  });

  it('rejects malformed stamps and node ids', () => {
    expect(() => parseHlc('yesterday')).toThrow(HlcError);
    expect(() => new HlcClock({ node: 'XYZ', now: () => 0 })).toThrow(HlcError);
  });
});
