/**
 * Pulls are projections (shared/rules/projection.ts): each page of the log is cut to what the
 * device's role may read, on the server, before anything leaves it. Tables it may not read are
 * withheld by the store (the cursor still moves past them); fields it may not read are removed
 * from each change (a change left with none is withheld); tables with a row predicate travel as
 * whole rows: for each such row in the page, the row's current readable fields (each with the
 * stamp that wrote it) when the predicate admits the device, or an instruction to forget the row
 * when it does not. The page stays in seq order; bodies that need no cut are spliced as stored.
 */
import { visibleFields, type Projection } from '../shared/rules/projection';
import type { Row } from '../shared/rules/types';
import { changesOfRow, type RowState } from '../shared/sync/merge';
import type { WireChange } from '../shared/sync/protocol';
import type { FieldValue } from '../shared/sync/replicated-tables';
import { rowKey, type PullRows, type RowRef } from './store';

export interface ProjectedPage {
  /** JSON of each `{ seq, change }`, in seq order. */
  items: string[];
  forget: { table: string; rowId: string }[];
}

export async function projectPage(
  page: PullRows,
  projection: Projection,
  loadRows: (keys: readonly RowRef[]) => Promise<Map<string, RowState | null>>,
): Promise<ProjectedPage> {
  if (projection.everything) return { items: page.rows.map((r) => `{"seq":${r.seq},"change":${r.body}}`), forget: [] };
  // Whole-row tables: each row once, at its last seq in the page.
  const lastSeq = new Map<string, number>();
  const wanted: RowRef[] = [];
  for (const r of page.rows) {
    if (!projection.table(r.tbl).rows) continue;
    const key = rowKey(r.tbl, r.rowId);
    if (!lastSeq.has(key)) wanted.push({ table: r.tbl, rowId: r.rowId });
    lastSeq.set(key, r.seq);
  }
  const current = wanted.length > 0 ? await loadRows(wanted) : new Map<string, RowState | null>();
  const items: string[] = [];
  const forget: ProjectedPage['forget'] = [];
  for (const r of page.rows) {
    const view = projection.table(r.tbl);
    if (!view.readable) continue;
    if (view.rows) {
      const key = rowKey(r.tbl, r.rowId);
      if (lastSeq.get(key) !== r.seq) continue;
      const state = current.get(key) ?? null;
      if (!state || !view.rows(state.values as Row)) {
        forget.push({ table: r.tbl, rowId: r.rowId });
        continue;
      }
      for (const c of changesOfRow(state, (f) => !view.hidden?.has(f))) {
        const change: WireChange = { hlc: c.hlc, table: r.tbl, rowId: r.rowId, fields: c.fields };
        items.push(JSON.stringify({ seq: r.seq, change }));
      }
      continue;
    }
    if (!view.hidden) {
      items.push(`{"seq":${r.seq},"change":${r.body}}`);
      continue;
    }
    const change = JSON.parse(r.body) as WireChange;
    const fields = visibleFields(view, change.fields as Record<string, FieldValue>);
    if (fields) items.push(JSON.stringify({ seq: r.seq, change: { ...change, fields } }));
  }
  return { items, forget };
}
