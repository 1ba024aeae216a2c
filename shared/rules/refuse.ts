import { permissionsOf, type Permission, type Role } from '../contract/permissions';
import type { FieldValue } from '../sync/replicated-tables';
import type { Refusal, Row, RuleCode, Viewer } from './types';

export function refuse(code: RuleCode, field: string | null, id: string, en: string): Refusal {
  return { code, field, message: { id, en } };
}

/** The fields a change sets, other than the system stamps a write carries along. */
export function changedFields(fields: Row): string[] {
  return Object.keys(fields).filter((f) => f !== 'created_at');
}

/** True when every field the change sets is one of `allowed`. */
export function onlyFields(fields: Row, allowed: readonly string[]): boolean {
  for (const f in fields) if (f !== 'created_at' && !allowed.includes(f)) return false;
  return true;
}

/** A stored list of roles (staff_accounts.roles) as roles; anything else as none. */
export function rolesOf(value: FieldValue | undefined): Role[] {
  return Array.isArray(value) ? (value.filter((r) => typeof r === 'string') as Role[]) : [];
}

/** Whether the account's roles grant `permission`. */
export function rolesGrant(value: FieldValue | undefined, permission: Permission): boolean {
  return permissionsOf(rolesOf(value)).has(permission);
}

/**
 * A device of the office's staff, as opposed to the press room's journalist and guest devices:
 * every staff role reads the office's internal releases, none of the press-room roles does.
 */
export function isStaffViewer(viewer: Pick<Viewer, 'can'>): boolean {
  return viewer.can('releases.read');
}

export function isLive(row: Row | null): boolean {
  return row !== null && (row.deleted_at === null || row.deleted_at === undefined);
}
