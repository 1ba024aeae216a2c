import type { FieldValue, ReplicatedTable } from '../../../shared/sync/replicated-tables';

/**
 * One entry of the change log: the fields one mutation set on one row, all with one HLC.
 * Values are in their API form (booleans, objects), not SQLite's.
 */
export interface Change {
  changeId: string;
  hlc: string;
  table: ReplicatedTable;
  rowId: string;
  fields: Record<string, FieldValue>;
}
