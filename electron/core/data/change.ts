import type { FieldValue, ReplicatedTable } from '../../../shared/sync/replicated-tables';

/**
 * One field-level change: the fields one mutation set on one row, all with one HLC.
 * Values are in their API form (booleans, objects), not SQLite's.
 * The HLC is also the change's unique id: a node never issues the same stamp twice (its
 * clock only moves forward and is persisted), and the stamp ends with the node id.
 */
export interface Change {
  hlc: string;
  table: ReplicatedTable;
  rowId: string;
  fields: Record<string, FieldValue>;
}

/**
 * How a change is kept in the change log: its stamp, table and row, not its values.
 * The values live once, in the row, next to per-field clocks (`_hlc`): the fields a change
 * wrote and still holds are exactly those whose clock equals its stamp, so the change is
 * read back from the row (`materialize`). A value overwritten before it was sent is never
 * needed again, because the newer stamp wins on every machine. (cr-sqlite keeps its change
 * feed the same way: clocks beside the rows, values read from the rows.) Storing each value
 * once keeps a batch of writes within 2× the cost of plain inserts (bench core.mutation).
 */
export type LoggedChange = [hlc: string, table: string, rowId: string];

/** Stamps per change-log entry: one entry per transaction, split when it is large. */
export const CHANGES_PER_LOG_ENTRY = 1000;
