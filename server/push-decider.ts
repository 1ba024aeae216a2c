/**
 * The push check: judges every pushed change with the rulebook (shared/rules/rulebook.ts) against
 * the workspace's current rows, as a device of its role, inside the store's commit (store.ts,
 * `Decider`). Allowed changes are merged into the current rows and appended to the log; refused
 * ones come back with the rule's reason and the office's state of their fields, so the device
 * takes that state and shows the person what was refused. Several pushes decided together share
 * one commit (push-queue.ts); each is its own batch for the rules (a transition row must match a
 * status change of the same push, or of the same device).
 */
import { erasureOf, isErasure } from '../shared/rules/erasure';
import { projectionFor } from '../shared/rules/projection';
import { derivedWrite, deviceActor, judge, rulesOf, RuleBatch, viewerOf } from '../shared/rules/rulebook';
import type { Row } from '../shared/rules/types';
import { mergeChange, type RowState } from '../shared/sync/merge';
import type { RefusedChange, WireChange } from '../shared/sync/protocol';
import type { FieldValue, ReplicatedTable } from '../shared/sync/replicated-tables';
import { rowKey, type CommitPlan, type Decider, type DeviceRecord, type RowRef } from './store';

export interface PushRequest {
  device: DeviceRecord;
  changes: readonly WireChange[];
}

export interface PushVerdict {
  accepted: number;
  duplicates: number;
  refused: RefusedChange[];
}

export interface DeciderOptions {
  now: number;
  /** False only to measure what the rule check costs (bench sync.server.rulecheck_ratio). */
  checkRules?: boolean;
}

const copy = (s: RowState): RowState => ({ values: { ...s.values }, clocks: { ...s.clocks } });

export function pushDecider(pushes: readonly PushRequest[], options: DeciderOptions): Decider<PushVerdict[]> {
  // A device's own changes in the order it made them (its HLCs only grow): a transition after its status change.
  const sorted = pushes.map((p) => ({ device: p.device, changes: [...p.changes].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0)) }));
  const checkRules = options.checkRules ?? true;
  return {
    hlcs: () => sorted.flatMap((p) => p.changes.map((c) => c.hlc)),
    rowsNeeded(loaded) {
      const keys: RowRef[] = [];
      for (const p of sorted)
        for (const c of p.changes) {
          const key = rowKey(c.table, c.rowId);
          if (!loaded.has(key)) keys.push({ table: c.table, rowId: c.rowId });
          else if (checkRules) {
            // Second round: the rows the rules read besides the changed one (a body's release).
            const parents = rulesOf(c.table)?.parents;
            if (parents) for (const k of parents(c.fields as Row, loaded.get(key)?.values ?? null)) keys.push({ table: k.table, rowId: k.id });
          }
        }
      return keys;
    },
    decide(known, rows) {
      const plan: CommitPlan = { log: [], rows: new Map(), redact: [] };
      const seen = new Set(known);
      const results: PushVerdict[] = [];
      const row = (t: ReplicatedTable, id: string) => (rows.get(rowKey(t, id))?.values as Row | undefined) ?? null;
      const rowClock = (t: ReplicatedTable, id: string, f: string) => rows.get(rowKey(t, id))?.clocks[f];
      for (const p of sorted) {
        const verdict: PushVerdict = { accepted: 0, duplicates: 0, refused: [] };
        results.push(verdict);
        const actor = deviceActor(p.device.role, p.device.deviceId, p.device.opdId);
        const batch = new RuleBatch(p.changes.map((c) => ({ table: c.table, hlc: c.hlc, rowId: c.rowId, fields: c.fields as Row })));
        let projection: ReturnType<typeof projectionFor> | null = null;
        for (const c of p.changes) {
          if (seen.has(c.hlc)) {
            verdict.duplicates += 1;
            continue;
          }
          const key = rowKey(c.table, c.rowId);
          const state = rows.get(key) ?? null;
          const fields = c.fields as Record<string, FieldValue>;
          const before = (state?.values as Row | undefined) ?? null;
          if (checkRules) {
            const refusal = judge({ actor, table: c.table, rowId: c.rowId, hlc: c.hlc, fields, before, now: options.now, batch, beforeClock: (f) => state?.clocks[f], row, rowClock });
            if (refusal) {
              projection ??= projectionFor(viewerOf(p.device.role, p.device.deviceId, undefined, p.device.opdId));
              verdict.refused.push({ hlc: c.hlc, table: c.table, rowId: c.rowId, field: refusal.field, code: refusal.code, message: refusal.message, office: officeState(projection, c, state) });
              continue;
            }
          }
          seen.add(c.hlc);
          const next = mergeChange(state ? copy(state) : null, c.hlc, fields).state;
          rows.set(key, next);
          plan.rows.set(key, { table: c.table, rowId: c.rowId, state: next });
          plan.log.push({ hlc: c.hlc, table: c.table, rowId: c.rowId, body: JSON.stringify(c) });
          batch.note(c.table, c.rowId, before, fields);
          const derived = derivedWrite(c.table, next);
          const target = derived ? rows.get(rowKey(derived.table, derived.rowId)) : null;
          if (derived && target) {
            // Server-side knowledge only (never sent): merged like any field, with the recording field's stamp.
            const key2 = rowKey(derived.table, derived.rowId);
            const merged = mergeChange(copy(target), derived.hlc, { [derived.field]: derived.value }).state;
            rows.set(key2, merged);
            plan.rows.set(key2, { table: derived.table, rowId: derived.rowId, state: merged });
          }
          if (isErasure(c.table, fields)) plan.redact.push({ table: c.table, rowId: c.rowId, fields: erasureOf(c.table)?.fields ?? [], keep: c.hlc });
          verdict.accepted += 1;
        }
      }
      return { plan, result: results };
    },
  };
}

/** The office's state of a refused change's fields, as far as the pushing device may read it. */
function officeState(projection: ReturnType<typeof projectionFor>, c: WireChange, state: RowState | null): RefusedChange['office'] {
  const view = projection.table(c.table);
  if (!state || !view.readable || (view.rows && !view.rows(state.values as Row))) return { exists: false, fields: {} };
  const fields: RefusedChange['office']['fields'] = {};
  for (const f in c.fields) {
    const hlc = state.clocks[f];
    if (f.startsWith('_')) continue;
    if (hlc === undefined || view.hidden?.has(f)) continue;
    fields[f] = { value: state.values[f] ?? null, hlc };
  }
  return { exists: true, fields };
}
