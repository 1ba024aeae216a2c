import type { MachineSettings, SessionInfo } from '../../../shared/people/account';
import type { Caller } from '../caller';

/** This machine's press-room and idle-lock settings (kept in the workspace's local table). */
export interface MachineSettingsPort {
  read(): MachineSettings;
  write(settings: MachineSettings): void;
}

/**
 * Who is at this machine: sign-in, idle lock, press-room kiosk. Declared here, with the
 * context handlers get, because the dispatcher itself uses it (the caller of each call; every
 * write counts as activity for the idle lock); features/people/session.ts implements it.
 */
export interface Session {
  /** The caller for the next call. */
  caller(): Caller;
  /** A person did something: the idle timer restarts. */
  touch(): void;
  /** Accounts changed (here or from sync): roles are read again at the next call. */
  invalidate(): void;
  info(): SessionInfo;
  signIn(login: string, password: string): Promise<void>;
  /** Signs in the account just created by first run, without asking its password again. */
  startFor(accountId: string): void;
  signOut(): void;
  lock(reason: 'manual' | 'idle'): void;
  currentUserId(): string | null;
  /** This machine's settings: the one store, read by every call. */
  readonly machine: MachineSettingsPort;
}
