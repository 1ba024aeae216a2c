import { WartaError } from '../../../../shared/contract/errors';
import type { SessionInfo } from '../../../../shared/people/account';
import { PERMISSIONS } from '../../../../shared/contract/permissions';
import type { AuditLog } from '../../audit/audit-log';
import type { Session } from '../../rpc/session';
import { callerFor, LOCAL_ADMINISTRATOR, PRESS_ROOM_KIOSK, SIGNED_OUT, type Caller } from '../../caller';
import type { AccountsStore } from './accounts-store';
import type { MachineSettingsStore } from './machine-settings';
import { verifyPassword } from './password';
import type { createSigninThrottle } from './signin-throttle';

/**
 * Who is at this machine. One session per running core (one desktop window, or the tabs of
 * one browser-mode host): staff sign in, switch, sign out; the idle lock is enforced here,
 * not only in the UI, so a machine left alone stops answering for its last user.
 */
export class SessionManager implements Session {
  private userId: string | null = null;
  private lockedUserId: string | null = null;
  private lastActivity: number;
  private cached: { userId: string; caller: Caller } | null = null;
  /** Whether any account exists; accounts change rarely, so asked again only after `invalidate`. */
  private accountsExist: boolean | null = null;

  constructor(
    private readonly accounts: AccountsStore,
    /** This machine's press-room and idle-lock settings: the one store, read by every call. */
    readonly machine: MachineSettingsStore,
    private readonly throttle: ReturnType<typeof createSigninThrottle>,
    private readonly audit: AuditLog,
    private readonly now: () => number,
  ) {
    this.lastActivity = now();
  }

  /** The caller for the next call. Before the first account exists, the local administrator. */
  caller(): Caller {
    if (!this.hasAccounts()) return LOCAL_ADMINISTRATOR;
    this.lockIfIdle();
    if (this.userId) {
      if (this.cached?.userId === this.userId) return this.cached.caller;
      const account = this.accounts.get(this.userId);
      if (account?.active) {
        const caller = callerFor(account.id, account.name, account.roles);
        this.cached = { userId: account.id, caller };
        return caller;
      }
      // Deactivated or removed while signed in: the session ends at once.
      this.userId = null;
    }
    return this.machine.read().pressRoom ? PRESS_ROOM_KIOSK : SIGNED_OUT;
  }

  /** Accounts changed (here or from sync): roles are read again at the next call. */
  invalidate(): void {
    this.cached = null;
    this.accountsExist = null;
  }

  private hasAccounts(): boolean {
    // Once an account exists it stays (tombstones count as gone, but the last administrator cannot go).
    this.accountsExist ??= this.accounts.any();
    return this.accountsExist;
  }

  /** A person did something (a save, a keystroke reported by the window): the idle timer restarts. */
  touch(): void {
    this.lastActivity = this.now();
  }

  info(): SessionInfo {
    const caller = this.caller();
    const account = caller.userId ? this.accounts.get(caller.userId) : null;
    const locked = this.lockedUserId ? this.accounts.get(this.lockedUserId) : null;
    const settings = this.machine.read();
    return {
      user: account ? { id: account.id, name: account.name, login: account.login, roles: account.roles, position: account.position } : null,
      permissions: PERMISSIONS.filter((p) => caller.can(p)),
      accountsExist: this.hasAccounts(),
      pressRoom: settings.pressRoom,
      lockedUser: locked ? { id: locked.id, name: locked.name, login: locked.login } : null,
      idleLockMinutes: settings.idleLockMinutes,
    };
  }

  async signIn(login: string, password: string): Promise<void> {
    const wait = this.throttle.waitFor(login);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new WartaError('too_many_attempts', `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${seconds} detik.`, { waitSeconds: seconds });
    }
    const candidates = this.accounts.findForSignIn(login);
    let matched: (typeof candidates)[number]['account'] | null = null;
    if (candidates.length === 0) await verifyPassword(password, null);
    for (const c of candidates) if (await verifyPassword(password, c.hash)) matched = c.account;
    if (!matched) {
      const failures = this.throttle.failed(login);
      this.audit.record({ userId: null, name: login }, { action: 'sign_in.failed', details: { login, failures } });
      // Say at once when the next try must wait, so the window can count down.
      const waitSeconds = Math.ceil(this.throttle.waitFor(login) / 1000);
      throw new WartaError('unauthorized', 'Nama pengguna atau kata sandi salah.', waitSeconds > 0 ? { failures, waitSeconds } : { failures });
    }
    if (!matched.active) {
      this.audit.record({ userId: matched.id, name: matched.name }, { action: 'sign_in.refused_inactive' });
      throw new WartaError('forbidden', 'Akun ini sudah dinonaktifkan. Hubungi administrator.');
    }
    this.throttle.succeeded(login);
    this.userId = matched.id;
    this.lockedUserId = null;
    this.cached = null;
    this.touch();
    this.audit.record({ userId: matched.id, name: matched.name }, { action: 'sign_in' });
  }

  /** Signs in the account just created by first run, without asking its password again. */
  startFor(accountId: string): void {
    this.userId = accountId;
    this.lockedUserId = null;
    this.cached = null;
    this.touch();
  }

  signOut(): void {
    const caller = this.caller();
    if (caller.userId) this.audit.record(caller, { action: 'sign_out' });
    this.userId = null;
    this.lockedUserId = null;
    this.cached = null;
  }

  lock(reason: 'manual' | 'idle'): void {
    if (!this.userId) return;
    const account = this.accounts.get(this.userId);
    this.audit.record({ userId: this.userId, name: account?.name ?? '' }, { action: 'session.lock', details: { reason } });
    this.lockedUserId = this.userId;
    this.userId = null;
    this.cached = null;
  }

  currentUserId(): string | null {
    return this.caller().userId;
  }

  private lockIfIdle(): void {
    if (!this.userId) return;
    const limitMs = this.machine.read().idleLockMinutes * 60_000;
    if (this.now() - this.lastActivity > limitMs) this.lock('idle');
  }
}
