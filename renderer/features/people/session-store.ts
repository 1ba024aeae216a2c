import { create } from 'zustand';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { MethodInput } from '../../../shared/contract/methods';
import type { Permission } from '../../../shared/contract/permissions';
import type { CallResult } from '../../../shared/contract/result';
import type { SessionInfo } from '../../../shared/people/account';
import { call, onCallFailed, onEvent } from '../../api/client';

interface SessionStore {
  /** `loading` only before the first answer; reloads keep the last session on screen. */
  status: 'loading' | 'ready' | 'failed';
  info: SessionInfo | null;
  error: ErrorPayload | null;
  /** On a press-room machine: the kiosk's "Masuk staf" asked for the staff sign-in screen. */
  staffSignIn: boolean;
  load(): Promise<void>;
  signIn(login: string, password: string): Promise<CallResult<SessionInfo>>;
  signOut(): Promise<ErrorPayload | null>;
  lock(reason?: 'manual' | 'idle'): Promise<ErrorPayload | null>;
  setupAdministrator(input: MethodInput<'accounts.setupAdministrator'>): Promise<CallResult<SessionInfo>>;
  changePassword(current: string, next: string): Promise<CallResult<SessionInfo>>;
  setStaffSignIn(open: boolean): void;
}

/**
 * Who is at this machine, as the core says (`session.get`). The core decides; this store only
 * follows: after every sign-in, sign-out and lock, on `data.changed` for accounts, and after
 * any call that came back `unauthorized` or `forbidden` (the core may have locked the session).
 */
export const useSession = create<SessionStore>()((set, get) => {
  function apply(info: SessionInfo) {
    const after = info.user?.id ?? null;
    // Another person (or nobody) at the machine starts clean: renderer/app/route.ts follows this store.
    // The same answer again (a reload after a refused call) changes nothing on screen.
    const same = get().status === 'ready' && get().error === null && JSON.stringify(get().info) === JSON.stringify(info);
    if (same) return;
    set({ status: 'ready', info, error: null, staffSignIn: after ? false : get().staffSignIn });
  }

  return {
    status: 'loading',
    info: null,
    error: null,
    staffSignIn: false,
    async load() {
      const result = await call('session.get', {});
      if (result.ok) apply(result.value);
      else set((s) => ({ status: s.status === 'ready' ? 'ready' : 'failed', error: result.error }));
    },
    async signIn(login, password) {
      const result = await call('session.signIn', { login, password });
      if (result.ok) apply(result.value);
      return result;
    },
    async signOut() {
      const result = await call('session.signOut', {});
      if (result.ok) apply(result.value);
      return result.ok ? null : result.error;
    },
    async lock(reason = 'manual') {
      const result = await call('session.lock', { reason });
      if (result.ok) apply(result.value);
      return result.ok ? null : result.error;
    },
    async setupAdministrator(input) {
      const result = await call('accounts.setupAdministrator', input);
      if (result.ok) apply(result.value);
      return result;
    },
    async changePassword(current, next) {
      const result = await call('session.changePassword', { current, next });
      if (result.ok) apply(result.value);
      return result;
    },
    setStaffSignIn: (open) => set({ staffSignIn: open }),
  };
});

// Another window of this core signed in, out or locked, or the machine's settings changed.
onEvent('session.changed', () => void useSession.getState().load());

// A refused call means the session may have changed under us (idle lock in the core, an
// account deactivated on another machine): ask again. session.* failures are the sign-in
// form's own business (a wrong password is `unauthorized` too) and must not loop.
let reloading: Promise<void> | null = null;
onCallFailed((method, error) => {
  if (error.code !== 'unauthorized' && error.code !== 'forbidden') return;
  if (method.startsWith('session.') || method === 'accounts.setupAdministrator') return;
  reloading ??= useSession
    .getState()
    .load()
    .finally(() => {
      reloading = null;
    });
});

/** Whether the current caller holds `permission` (false until the session is known). */
export function useCan(permission: Permission): boolean {
  return useSession((s) => s.info?.permissions.includes(permission) ?? false);
}
