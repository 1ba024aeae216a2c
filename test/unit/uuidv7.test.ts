import { describe, expect, it } from 'vitest';
import { createUuidV7, isUuidV7 } from '../../shared/ids/uuidv7';

describe('UUIDv7', () => {
  it('is a valid version-7 UUID carrying the time', () => {
    const ms = Date.UTC(2026, 10, 22);
    const id = createUuidV7(() => ms)();
    expect(isUuidV7(id)).toBe(true);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });

  it('stays strictly increasing within one millisecond and across a clock step back', () => {
    let t = 1_700_000_000_000;
    const next = createUuidV7(() => t);
    const ids: string[] = [];
    for (let i = 0; i < 5000; i++) {
      if (i === 2500) t -= 10_000;
      ids.push(next());
    }
    const sorted = [...ids].sort();
    expect(sorted).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
