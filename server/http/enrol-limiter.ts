/**
 * Failed enrolments, counted per client address and per workspace in a sliding window. Past a
 * limit the address (or the workspace) is locked out for a while: further attempts get 429
 * without the code being looked at, and the lockout is written once to the enrolment audit.
 *
 * Counted in this process's memory: with several server processes on one PostgreSQL database
 * each counts its own share (an attacker gets at most that many times the attempts). A code is
 * 12 characters from 32, about 2^60 values, so the limit is not what keeps codes from being
 * guessed; it keeps a flood of attempts out of the audit and the database.
 */

export interface EnrolLimits {
  /** Failures one address may have in the window before it is locked out. */
  perAddress: number;
  /** Failures one workspace may have in the window (from all addresses) before it is locked out. */
  perWorkspace: number;
  windowMs: number;
  lockoutMs: number;
}

export const DEFAULT_ENROL_LIMITS: EnrolLimits = { perAddress: 10, perWorkspace: 50, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 };

/** How many addresses and workspaces are tracked at most; beyond it the stalest are forgotten. */
const MAX_KEYS = 50_000;

export interface Lockout {
  scope: 'address' | 'workspace';
  until: number;
}

class Window {
  private readonly failures = new Map<string, number[]>();
  private readonly locked = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly lockoutMs: number,
  ) {}

  lockedUntil(key: string, now: number): number | null {
    const until = this.locked.get(key);
    if (until === undefined) return null;
    if (until > now) return until;
    this.locked.delete(key);
    return null;
  }

  /** Counts one failure; returns the lockout's end when this failure starts one. */
  fail(key: string, now: number): number | null {
    const recent = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    recent.push(now);
    this.failures.delete(key); // re-inserted last: the map's order is oldest first
    if (recent.length >= this.limit) {
      const until = now + this.lockoutMs;
      this.locked.set(key, until);
      return until;
    }
    this.failures.set(key, recent);
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
    if (this.locked.size > MAX_KEYS) this.locked.delete(this.locked.keys().next().value as string);
    return null;
  }

  forget(key: string): void {
    this.failures.delete(key);
  }
}

export class EnrolLimiter {
  private readonly addresses: Window;
  private readonly workspaces: Window;

  constructor(limits: EnrolLimits = DEFAULT_ENROL_LIMITS) {
    this.addresses = new Window(limits.perAddress, limits.windowMs, limits.lockoutMs);
    this.workspaces = new Window(limits.perWorkspace, limits.windowMs, limits.lockoutMs);
  }

  /** A lockout in force for this address or workspace, if any. */
  check(address: string, workspace: string, now: number): Lockout | null {
    const a = this.addresses.lockedUntil(address, now);
    if (a !== null) return { scope: 'address', until: a };
    const w = this.workspaces.lockedUntil(workspace, now);
    if (w !== null) return { scope: 'workspace', until: w };
    return null;
  }

  /** Counts a failed enrolment; returns the lockout it starts, if it starts one. */
  fail(address: string, workspace: string, now: number): Lockout | null {
    const a = this.addresses.fail(address, now);
    const w = this.workspaces.fail(workspace, now);
    if (a !== null) return { scope: 'address', until: a };
    if (w !== null) return { scope: 'workspace', until: w };
    return null;
  }

  /** A successful enrolment clears its address's count (a person who mistyped, then got it right). */
  succeed(address: string): void {
    this.addresses.forget(address);
  }
}
