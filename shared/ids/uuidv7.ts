/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Ids sort by creation time,
 * which keeps SQLite's primary-key B-tree appends cheap and makes sync logs readable.
 * Within one millisecond a counter in the random part keeps ids strictly increasing.
 */
export type RandomSource = (bytes: Uint8Array<ArrayBuffer>) => void;

/**
 * Random bytes drawn from a pool: one getRandomValues call per 4 KiB instead of one per id,
 * which made id generation the largest cost of an insert.
 */
function pooledRandom(): RandomSource {
  const pool = new Uint8Array(4096);
  let offset = pool.length;
  return (bytes) => {
    if (offset + bytes.length > pool.length) {
      globalThis.crypto.getRandomValues(pool);
      offset = 0;
    }
    bytes.set(pool.subarray(offset, offset + bytes.length));
    offset += bytes.length;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export interface UuidV7Generator {
  (): string;
}

export function createUuidV7(now: () => number = Date.now, random: RandomSource = pooledRandom()): UuidV7Generator {
  let lastMs = -1;
  let counter = 0;
  const bytes = new Uint8Array(16);
  return () => {
    let ms = now();
    random(bytes);
    if (ms <= lastMs) {
      // Same (or earlier, after a clock step back) millisecond: stay on the last one and count up.
      ms = lastMs;
      counter = (counter + 1) & 0xfff;
      if (counter === 0) ms = lastMs = lastMs + 1;
    } else {
      lastMs = ms;
      counter = ((bytes[6] ?? 0) << 4 | (bytes[7] ?? 0) >> 4) & 0x7ff; // start low so the counter has room
    }
    bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
    bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
    bytes[2] = (ms >>> 24) & 0xff;
    bytes[3] = (ms >>> 16) & 0xff;
    bytes[4] = (ms >>> 8) & 0xff;
    bytes[5] = ms & 0xff;
    bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    return hexOf(bytes);
  };
}

/** The 16 bytes as a hyphenated UUID (no closure per id: this runs once per inserted row). */
function hexOf(b: Uint8Array): string {
  const h = HEX as readonly string[];
  return (
    (h[b[0] as number] as string) + h[b[1] as number] + h[b[2] as number] + h[b[3] as number] + '-' + h[b[4] as number] + h[b[5] as number] + '-' +
    h[b[6] as number] + h[b[7] as number] + '-' + h[b[8] as number] + h[b[9] as number] + '-' +
    h[b[10] as number] + h[b[11] as number] + h[b[12] as number] + h[b[13] as number] + h[b[14] as number] + h[b[15] as number]
  );
}

export const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidV7(value: string): boolean {
  return UUID_V7_PATTERN.test(value);
}
