/**
 * Every table that syncs between machines, with the fields a change may carry. The core's
 * mutation path, the migrations' guard test and (later) the sync server all read this one
 * list, so a field that is not declared here can never be written or accepted from a peer.
 *
 * Rules for replicated tables (they keep out-of-order, field-level merging possible):
 * - business columns are nullable in SQL and validated at the core boundary instead,
 *   because a peer's update may arrive before the insert it follows;
 * - no foreign keys between them, for the same reason;
 * - schema changes are additive only: old clients keep syncing with new ones.
 */
import type { FieldSpec, TableSpec } from './field-spec';
import { officeTables } from './tables/office';
import { releasesTables } from './tables/releases';
import { peopleTables } from './tables/people';
import { agendaTables } from './tables/agenda';
import { mediaTables } from './tables/media';
import { distributionTables } from './tables/distribution';
import { requestsTables } from './tables/requests';
import { networkTables } from './tables/network';
import { campaignsTables } from './tables/campaigns';
import { publicdeskTables } from './tables/publicdesk';

export type { FieldSpec, FieldType, TableSpec } from './field-spec';

/**
 * One file per feature under ./tables, merged here; a feature adds its file and one line.
 * Field order within a table is append-only, like the schema itself.
 */
export const REPLICATED_TABLES = {
  ...officeTables,
  ...releasesTables,
  ...peopleTables,
  ...agendaTables,
  ...mediaTables,
  ...distributionTables,
  ...requestsTables,
  ...networkTables,
  ...campaignsTables,
  ...publicdeskTables,
} as const satisfies Record<string, TableSpec>;

export type ReplicatedTable = keyof typeof REPLICATED_TABLES;

/** Columns every replicated row carries besides its declared fields. */
export const SYSTEM_FIELDS = {
  created_at: { type: 'text', max: 30 },
  deleted_at: { type: 'text', max: 30 },
} as const satisfies Record<string, FieldSpec>;

export type FieldValue = string | number | boolean | null | Record<string, unknown> | unknown[];

const TABLE_NAMES: ReadonlySet<string> = new Set(Object.keys(REPLICATED_TABLES));
export function isReplicatedTable(name: string): name is ReplicatedTable {
  return TABLE_NAMES.has(name);
}

/** Field specs per table, system fields included, in maps (no prototype keys can match). */
const SPECS = new Map<string, Map<string, FieldSpec>>(
  Object.entries(REPLICATED_TABLES).map(([table, spec]) => [
    table,
    new Map<string, FieldSpec>([...Object.entries(SYSTEM_FIELDS), ...Object.entries(spec.fields as Record<string, FieldSpec>)]),
  ]),
);

export function fieldSpec(table: ReplicatedTable, field: string): FieldSpec | undefined {
  return SPECS.get(table)?.get(field);
}

/** Checks one value against its declared field; returns a reason, or null when it fits. */
export function checkFieldValue(spec: FieldSpec, value: unknown): string | null {
  if (value === null) return null;
  switch (spec.type) {
    case 'text':
      if (typeof value !== 'string') return 'expected text';
      if (spec.max !== undefined && value.length > spec.max) return `longer than ${spec.max} characters`;
      return null;
    case 'integer':
      return Number.isSafeInteger(value) ? null : 'expected an integer';
    case 'real':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expected a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'json': {
      if (typeof value !== 'object') return 'expected an object or array';
      const size = JSON.stringify(value).length;
      return spec.max !== undefined && size > spec.max ? `larger than ${spec.max} characters` : null;
    }
  }
}
