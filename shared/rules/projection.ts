/**
 * Pulls are projections: what a viewer (a device of a role, or a person reading on the core)
 * receives of each table, from the `read` declarations of the rulebook. The server applies it to
 * every pull page (server/pull-projection.ts); the core applies it to conflict and review lists
 * and to rows it holds from before (a device whose role changed).
 */
import { isReplicatedTable, type FieldValue, type ReplicatedTable } from '../sync/replicated-tables';
import { RULEBOOK, rulesOf } from './rulebook';
import type { Row, Viewer } from './types';

export interface TableView {
  /** False: the table never reaches this viewer. */
  readonly readable: boolean;
  /** Fields withheld from this viewer (null: none). */
  readonly hidden: ReadonlySet<string> | null;
  /** Row predicate (null: every row). Tables with one travel as whole rows (see ReadRule.rows). */
  readonly rows: ((row: Row) => boolean) | null;
}

const UNREADABLE: TableView = { readable: false, hidden: null, rows: null };

/** One viewer's view of every table, computed once (per device per request on the server). */
export interface Projection {
  table(table: string): TableView;
  /** True when the viewer receives every table whole (no filtering needed at all). */
  readonly everything: boolean;
}

export function projectionFor(viewer: Viewer): Projection {
  const views = new Map<string, TableView>();
  let everything = true;
  for (const table of Object.keys(RULEBOOK) as ReplicatedTable[]) {
    const read = RULEBOOK[table].read;
    if (!viewer.can(read.permission)) {
      views.set(table, UNREADABLE);
      everything = false;
      continue;
    }
    const hidden = new Set<string>();
    for (const g of read.groups ?? []) if (!g.visibleTo(viewer)) for (const f of g.fields) hidden.add(f);
    const predicate = read.rows;
    const rows = predicate ? (row: Row) => predicate(row, viewer) : null;
    if (hidden.size > 0 || rows) everything = false;
    views.set(table, { readable: true, hidden: hidden.size > 0 ? hidden : null, rows });
  }
  return { table: (t) => views.get(t) ?? UNREADABLE, everything };
}

/** True when the table has a row predicate (its rows travel whole). */
export function hasRowPredicate(table: string): boolean {
  return rulesOf(table)?.read.rows !== undefined;
}

/** The fields of `fields` this view may receive; null when none is left. */
export function visibleFields<T extends Record<string, FieldValue>>(view: TableView, fields: T): T | null {
  if (!view.readable) return null;
  if (!view.hidden) return fields;
  const out: Record<string, FieldValue> = {};
  let any = false;
  for (const k in fields) {
    if (view.hidden.has(k)) continue;
    out[k] = fields[k] as FieldValue;
    any = true;
  }
  return any ? (out as T) : null;
}

/** Whether a viewer may see one field of a table (conflict and refusal lists on the core). */
export function canSeeField(projection: Projection, table: string, field: string): boolean {
  if (!isReplicatedTable(table)) return false;
  const view = projection.table(table);
  return view.readable && !(view.hidden?.has(field) ?? false);
}
