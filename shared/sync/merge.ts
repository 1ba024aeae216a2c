/**
 * Per-field last-writer-wins by HLC: the one merge every replica applies. The core's mutation
 * path (electron/core/data/mutator.ts) merges into SQLite rows with it; the sync server keeps its
 * materialized current state per workspace with it (server/push-decider.ts).
 */
import type { FieldValue } from './replicated-tables';

/** A row as the server keeps it: values and the clock of each field. */
export interface RowState {
  values: Record<string, FieldValue>;
  clocks: Record<string, string>;
}

/** Whether a change stamped `hlc` wins a field whose clock is `seen` (undefined: never written). */
export function wins(hlc: string, seen: string | undefined): boolean {
  return seen === undefined || hlc > seen;
}

/**
 * Merges a change into a row (null: not held yet), in place when the row exists. Returns the
 * fields the change won; none means the change is a duplicate or older than every field.
 */
export function mergeChange(state: RowState | null, hlc: string, fields: Readonly<Record<string, FieldValue>>): { state: RowState; won: string[] } {
  const row = state ?? { values: {}, clocks: {} };
  const won: string[] = [];
  for (const f in fields) {
    if (!wins(hlc, row.clocks[f])) continue;
    row.values[f] = fields[f] as FieldValue;
    row.clocks[f] = hlc;
    won.push(f);
  }
  return { state: row, won };
}

/**
 * A row's fields grouped by the change that wrote them: valid changes (each the original stamp
 * with the value it still holds), as the core's `materialize` reads its log back from its rows.
 */
export function changesOfRow(state: RowState, keep: (field: string) => boolean = () => true): { hlc: string; fields: Record<string, FieldValue> }[] {
  const byClock = new Map<string, Record<string, FieldValue>>();
  for (const f in state.clocks) {
    // `_` fields are the server's own knowledge (shared/rules/types.ts, `derives`), never a change.
    if (f.startsWith('_') || !keep(f)) continue;
    const hlc = state.clocks[f] as string;
    let fields = byClock.get(hlc);
    if (!fields) byClock.set(hlc, (fields = {}));
    fields[f] = state.values[f] as FieldValue;
  }
  return [...byClock.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([hlc, fields]) => ({ hlc, fields }));
}
