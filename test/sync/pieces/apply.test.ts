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

  it('inserts rows found absent without reading them again, and merges a row that comes twice in one page', () => {
    d = openDevice();
    const db = d.core.context.db;
    const applier = applierFor(d, knowsRegistry);
    const id = (n: number) => `01900000-0000-7000-8000-00000000010${n}`;
    const created = '2026-12-01T00:00:00.000Z';
    // The table is empty before this page; W's delete is applied on its own (flushing the run) between X's two changes.
    applier.applyPage(
      [
        { hlc: stamp(1), table: 'opd', rowId: id(1), fields: { name: 'X', created_at: created } },
        { hlc: stamp(2), table: 'opd', rowId: id(2), fields: { name: 'W', created_at: created, deleted_at: created } },
        { hlc: stamp(3), table: 'opd', rowId: id(1), fields: { name: 'X2' } },
        { hlc: stamp(4), table: 'opd', rowId: id(3), fields: { name: 'Y', created_at: created } },
      ],
      4,
    );
    // Not empty any more: a new row twice, and a row held since the last page.
    applier.applyPage(
      [
        { hlc: stamp(5), table: 'opd', rowId: id(4), fields: { name: 'Z', created_at: created } },
        { hlc: stamp(6), table: 'opd', rowId: id(4), fields: { abbreviation: 'Zz' } },
        { hlc: stamp(7), table: 'opd', rowId: id(3), fields: { name: 'Y2' } },
      ],
      7,
    );
    const rows = db.prepare('SELECT id, name, abbreviation, deleted_at FROM opd ORDER BY id').all();
    expect(rows).toEqual([
      { id: id(1), name: 'X2', abbreviation: null, deleted_at: null },
      { id: id(2), name: 'W', abbreviation: null, deleted_at: created },
      { id: id(3), name: 'Y2', abbreviation: null, deleted_at: null },
      { id: id(4), name: 'Z', abbreviation: 'Zz', deleted_at: null },
    ]);
    expect((db.prepare("SELECT sum(count) AS n FROM change_log WHERE origin = 'remote'").get() as { n: number }).n).toBe(7);
    expect(stateOf(d).num('pull_cursor')).toBe(7);
  });

  it('refuses a row said to be absent that exists, writing nothing of the batch', () => {
    d = openDevice();
    const ctx = d.core.context;
    const rowId = ctx.mutator.transaction(() => ctx.mutator.insert('opd', { name: 'Ada' }));
    const logBefore = (ctx.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const fresh = '01900000-0000-7000-8000-000000000201';
    expect(() =>
      ctx.mutator.applyChanges(
        [
          { hlc: stamp(1), table: 'opd', rowId: fresh, fields: { name: 'Baru', created_at: '2026-12-01T00:00:00.000Z' } },
          { hlc: stamp(2), table: 'opd', rowId, fields: { name: 'Timpa' } },
        ],
        [true, true],
      ),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(ctx.db.prepare('SELECT name FROM opd WHERE id = ?').get(rowId)).toEqual({ name: 'Ada' });
    expect(ctx.db.prepare('SELECT 1 FROM opd WHERE id = ?').get(fresh)).toBeUndefined();
    expect((ctx.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(logBefore);
  });
});
