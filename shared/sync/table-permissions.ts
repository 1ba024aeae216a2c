/**
 * Table-level permissions, read from the rulebook (shared/rules/rulebook.ts), which holds every
 * rule: who may write which field of which table in which state, and what each role receives.
 * Kept for callers that only need the table-level answer.
 */
import type { Permission } from '../contract/permissions';
import { RULEBOOK, writePermissionsOf } from '../rules/rulebook';

/** One permission that lets a role write the table at all (the first of the rulebook's `write`); null: nobody. */
export function writePermissionFor(table: string): Permission | null {
  return writePermissionsOf(table)[0] ?? null;
}

/** The permission a role needs to receive each table's changes on pull. */
export const TABLE_READ_PERMISSIONS: Readonly<Record<string, Permission>> = Object.fromEntries(
  Object.entries(RULEBOOK).map(([table, rules]) => [table, rules.read.permission]),
);

/** The tables a role may receive, or null when it may receive every table (no filtering needed). */
export function readableTables(can: (p: Permission) => boolean): ReadonlySet<string> | null {
  const tables = Object.entries(TABLE_READ_PERMISSIONS).filter(([, p]) => can(p)).map(([t]) => t);
  return tables.length === Object.keys(TABLE_READ_PERMISSIONS).length ? null : new Set(tables);
}
