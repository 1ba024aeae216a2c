import { permissionsOf, type Permission, type Role } from '../../shared/contract/permissions';

/**
 * Who is making a call. The core checks the method's permission against it before the
 * handler runs, and handlers that serve both staff and journalists filter with `can`.
 */
export interface Caller {
  /** The signed-in account; null for the machine's local user before accounts exist. */
  userId: string | null;
  name: string;
  roles: readonly Role[];
  can(permission: Permission): boolean;
}

export function callerFor(userId: string | null, name: string, roles: readonly Role[]): Caller {
  const granted = permissionsOf(roles);
  return { userId, name, roles, can: (p) => granted.has(p) };
}

/**
 * Nobody signed in on a machine that has accounts: enough to show the sign-in screen with
 * the office's letterhead, nothing else.
 */
export const SIGNED_OUT: Caller = { userId: null, name: 'Belum masuk', roles: [], can: (p) => p === 'app.use' || p === 'office.read' };

/** A press-room machine with no staff signed in: the journalists' kiosk. */
export const PRESS_ROOM_KIOSK: Caller = callerFor(null, 'Ruang Pers', ['journalist']);

/**
 * Until accounts exist on a workspace (the people issue), the person at the machine is its
 * administrator: a single-user laptop works as before, and every check still runs.
 */
export const LOCAL_ADMINISTRATOR: Caller = callerFor(null, 'Pengguna lokal', ['administrator']);
