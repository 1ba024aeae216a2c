/**
 * The columns every replicated table carries (see shared/sync/replicated-tables.ts).
 * `_hlc` maps each field to the clock of the write that set it: the per-field
 * last-writer-wins merge reads it; it is local bookkeeping and never sent as a field.
 */
export const REPLICATED_SYSTEM_COLUMNS = `
  created_at TEXT,
  updated_at TEXT,
  deleted_at TEXT,
  _hlc TEXT NOT NULL DEFAULT '{}'`;
