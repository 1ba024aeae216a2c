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
 * Until accounts exist on a workspace (the people issue), the person at the machine is its
 * administrator: a single-user laptop works as before, and every check still runs.
 */
export const LOCAL_ADMINISTRATOR: Caller = callerFor(null, 'Pengguna lokal', ['administrator']);
