/** apply.ts: a page with tables and fields this schema does not know keeps them, and applies them after an upgrade. */
import { afterEach, describe, expect, it } from 'vitest';
import { knowsRegistry, PageApplier, type Knows } from '../../../electron/core/sync/apply';
import { ConflictLog } from '../../../electron/core/sync/conflicts';
import { RowReader } from '../../../electron/core/sync/rows';
import { UnpushedStamps } from '../../../electron/core/sync/unpushed';
import { formatHlc } from '../../../shared/sync/hlc';
import type { WireChange } from '../../../shared/sync/protocol';
import { openDevice, type TestDevice } from '../support';
import { stateOf } from './helpers';

let d: TestDevice | null = null;
afterEach(() => {
  d?.cleanup();
  d = null;
});

const stamp = (n: number) => formatHlc({ ms: Date.now() - 1000 + n, counter: 0, node: 'eeeeeeeeeeeeeeee' });

function applierFor(dev: TestDevice, knows: Knows): PageApplier {
  const ctx = dev.core.context;
  const rows = new RowReader(ctx.db);
  return new PageApplier(ctx, stateOf(dev), rows, new ConflictLog(ctx, rows), new UnpushedStamps(), knows);
}

describe('applying a page', () => {
  it('keeps what this schema does not know, moves the cursor with the page, and applies the rest after an upgrade', () => {
    d = openDevice();
    const db = d.core.context.db;
    const older: Knows = (table, field) => knowsRegistry(table, field) && field !== 'abbreviation';
    const rowId = '01900000-0000-7000-8000-000000000001';
    const page: WireChange[] = [
      { hlc: stamp(1), table: 'opd', rowId, fields: { name: 'Dinas Perikanan', abbreviation: 'Diskan', created_at: '2026-12-01T00:00:00.000Z' } },
      { hlc: stamp(2), table: 'tabel_masa_depan', rowId: 'x', fields: { apa: 1 } },
    ];
    const applier = applierFor(d, older);
    applier.applyPage(page, 7);
    expect(stateOf(d).num('pull_cursor')).toBe(7);
    expect(db.prepare('SELECT name, abbreviation FROM opd WHERE id = ?').get(rowId)).toEqual({ name: 'Dinas Perikanan', abbreviation: null });
    expect((db.prepare('SELECT count(*) AS n FROM sync_deferred').get() as { n: number }).n).toBe(2);
    // Still the older schema: nothing new to apply.
    expect(applier.applyDeferred()).toBe(0);

    const upgraded = applierFor(d, knowsRegistry);
    expect(upgraded.applyDeferred()).toBe(1);
    expect(db.prepare('SELECT abbreviation FROM opd WHERE id = ?').get(rowId)).toEqual({ abbreviation: 'Diskan' });
    // A table no version of this schema knows stays kept.
    expect((db.prepare('SELECT count(*) AS n FROM sync_deferred').get() as { n: number }).n).toBe(1);
  });

  it('counts the live rows an incoming page would delete, once per row', () => {
    d = openDevice();
    const ctx = d.core.context;
    const a = ctx.mutator.transaction(() => ctx.mutator.insert('opd', { name: 'A' }));
    const b = ctx.mutator.transaction(() => ctx.mutator.insert('opd', { name: 'B' }));
    // B was deleted and restored here: its `deleted_at` has a clock an older delete cannot beat.
    ctx.mutator.transaction(() => ctx.mutator.write('opd', b, { deleted_at: null }));
    const later = formatHlc({ ms: Date.now() + 5000, counter: 0, node: 'eeeeeeeeeeeeeeee' });
    const earlier = formatHlc({ ms: 1, counter: 0, node: 'eeeeeeeeeeeeeeee' });
    const applier = applierFor(d, knowsRegistry);
    expect(
      applier.countIncomingDeletes([
        { hlc: later, table: 'opd', rowId: a, fields: { deleted_at: '2026-12-01T00:00:00.000Z' } },
        // An older delete loses to our `deleted_at` clock: it deletes nothing.
        { hlc: earlier, table: 'opd', rowId: b, fields: { deleted_at: '2026-12-01T00:00:00.000Z' } },
        { hlc: later, table: 'opd', rowId: 'tidak-ada', fields: { deleted_at: '2026-12-01T00:00:00.000Z' } },
        { hlc: later, table: 'opd', rowId: b, fields: { name: 'B2' } },
      ]),
    ).toBe(1);
  });
});
