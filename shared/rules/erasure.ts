/**
 * Erasure on request (UU 27/2022) as sync sees it: a change that sets a table's erasure marker
 * (`erased_at`) erases the row. The server then removes the earlier values of the erased fields
 * from every change it stores for that row; a device removes them from its local copies (losing
 * conflict values, deferred changes, refused-change records, import staging, search indexes).
 */
import type { FieldValue } from '../sync/replicated-tables';
import { rulesOf } from './rulebook';
import type { ErasureRule } from './types';

export function erasureOf(table: string): ErasureRule | null {
  return rulesOf(table)?.erasure ?? null;
}

/** True when this change (its fields) erases its row. */
export function isErasure(table: string, fields: Readonly<Record<string, FieldValue>>): boolean {
  const rule = erasureOf(table);
  if (!rule) return false;
  const v = fields[rule.marker];
  return v !== undefined && v !== null && v !== '';
}

/** Removes the erased fields from a change's fields (a stored or deferred copy); true when any was there. */
export function redactFields(fields: Record<string, unknown>, erased: readonly string[]): boolean {
  let any = false;
  for (const f of erased)
    if (f in fields) {
      delete fields[f];
      any = true;
    }
  return any;
}
