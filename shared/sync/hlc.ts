/**
 * Hybrid logical clock (Kulkarni et al.). A stamp is wall milliseconds, a counter and the
 * node id, printed so that plain string comparison gives the total order sync relies on:
 * per-field last-writer-wins compares these strings, and the node id breaks exact ties.
 */
export interface HlcStamp {
  readonly ms: number;
  readonly counter: number;
  readonly node: string;
}

export const HLC_MS_WIDTH = 15;
export const HLC_COUNTER_WIDTH = 6;
const MAX_COUNTER = 10 ** HLC_COUNTER_WIDTH - 1;
const NODE_PATTERN = /^[0-9a-f]{16}$/;
const HLC_PATTERN = /^(\d{15})-(\d{6})-([0-9a-f]{16})$/;

export class HlcError extends Error {
  constructor(
    readonly code: 'hlc_clock_drift' | 'hlc_overflow' | 'hlc_malformed',
    message: string,
  ) {
    super(message);
    this.name = 'HlcError';
  }
}

export function formatHlc(stamp: HlcStamp): string {
  return `${String(stamp.ms).padStart(HLC_MS_WIDTH, '0')}-${String(stamp.counter).padStart(HLC_COUNTER_WIDTH, '0')}-${stamp.node}`;
}

export function parseHlc(text: string): HlcStamp {
  const m = HLC_PATTERN.exec(text);
  if (!m) throw new HlcError('hlc_malformed', `Cap waktu sinkronisasi tidak sah: "${text.slice(0, 60)}"`);
  return { ms: Number(m[1]), counter: Number(m[2]), node: m[3] as string };
}

export function isHlc(text: string): boolean {
  return HLC_PATTERN.test(text);
}

/** Milliseconds of wall time encoded in a stamp, without a full parse. */
export function hlcMillis(text: string): number {
  return Number(text.slice(0, HLC_MS_WIDTH));
}

export function isNodeId(text: string): boolean {
  return NODE_PATTERN.test(text);
}

export interface HlcClockOptions {
  node: string;
  now: () => number;
  /** A remote stamp further ahead of our wall clock than this is refused. */
  maxDriftMs?: number;
  /** Restores the clock after a restart so stamps never go backwards. */
  last?: string | null;
}

export class HlcClock {
  private ms: number;
  private counter: number;
  readonly node: string;
  private readonly now: () => number;
  readonly maxDriftMs: number;
  private msFor = -1;
  private msText: string | null = null;

  constructor(options: HlcClockOptions) {
    if (!isNodeId(options.node)) throw new HlcError('hlc_malformed', `Node id must be 16 hex characters, got "${options.node}"`);
    this.node = options.node;
    this.now = options.now;
    this.maxDriftMs = options.maxDriftMs ?? 5 * 60_000;
    const last = options.last ? parseHlc(options.last) : null;
    this.ms = last?.ms ?? 0;
    this.counter = last?.counter ?? 0;
  }

  /** A stamp for a local event. */
  tick(): string {
    const wall = this.now();
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else {
      this.bump();
    }
    return this.current();
  }

  /** Merges a stamp seen from another node, so our next stamps come after it. */
  receive(remote: string): void {
    const r = parseHlc(remote);
    const wall = this.now();
    if (r.ms > wall + this.maxDriftMs) {
      const minutes = Math.round((r.ms - wall) / 60_000);
      throw new HlcError(
        'hlc_clock_drift',
        `Perubahan dari perangkat ${r.node} bercap waktu ${minutes} menit di depan jam komputer ini; periksa jam perangkat tersebut.`,
      );
    }
    if (wall > this.ms && wall > r.ms) {
      this.ms = wall;
      this.counter = 0;
    } else if (r.ms > this.ms) {
      this.ms = r.ms;
      this.counter = r.counter;
      this.bump();
    } else if (r.ms === this.ms) {
      this.counter = Math.max(this.counter, r.counter);
      this.bump();
    } else {
      this.bump();
    }
  }

  current(): string {
    // Batches stamp many changes in one millisecond: the millisecond part is formatted once.
    if (this.msText === null || this.msFor !== this.ms) {
      this.msFor = this.ms;
      this.msText = String(this.ms).padStart(HLC_MS_WIDTH, '0');
    }
    return `${this.msText}-${String(this.counter).padStart(HLC_COUNTER_WIDTH, '0')}-${this.node}`;
  }

  private bump(): void {
    if (this.counter >= MAX_COUNTER) throw new HlcError('hlc_overflow', 'Penghitung jam logis meluap; terlalu banyak perubahan dalam satu milidetik.');
    this.counter += 1;
  }
}
