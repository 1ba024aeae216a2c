/** conflicts.ts: which crossed edits become conflicts, what the list shows, who may resolve, reviews. */
import { afterEach, describe, expect, it } from 'vitest';
import { callerFor } from '../../../electron/core/caller';
import type { Change } from '../../../electron/core/data/change';
import { formatHlc } from '../../../shared/sync/hlc';
import { ConflictLog } from '../../../electron/core/sync/conflicts';
import { RowReader } from '../../../electron/core/sync/rows';
import { UnpushedStamps } from '../../../electron/core/sync/unpushed';
import { openDevice, type TestDevice } from '../support';

let d: TestDevice | null = null;
afterEach(() => {
  d?.cleanup();
  d = null;
});

/** A stamp of another device at wall time `ms`. */
const stampOf = (ms: number) => formatHlc({ ms, counter: 0, node: 'ffffffffffffffff' });

function setup() {
  d = openDevice();
  const ctx = d.core.context;
  const m = ctx.mutator;
  const id = m.transaction(() => m.insert('opd', { name: 'Dinas Kominfo', abbreviation: 'Kominfo' }));
  const rows = new RowReader(ctx.db);
  const unpushed = new UnpushedStamps();
  unpushed.refresh(ctx.db, 0);
  const log = new ConflictLog(ctx, rows);
  const before = rows.read('opd', id);
  if (!before) throw new Error('row missing');
  return { ctx, id, rows, unpushed, log, before };
}

describe('conflicts and reviews', () => {
  it('keeps the loser of crossed edits: ours when a newer edit beats our unpushed one, theirs when ours is newer', () => {
    const { id, unpushed, log, before } = setup();
    const newer: Change = { hlc: stampOf(Date.now() + 60_000), table: 'opd', rowId: id, fields: { name: 'Dinas Komunikasi', abbreviation: 'Kominfo' } };
    log.recordFieldConflicts(newer, before, unpushed);
    const older: Change = { hlc: stampOf(1), table: 'opd', rowId: id, fields: { name: 'Dinas Lama', deleted_at: '2026-01-01T00:00:00Z' } };
    log.recordFieldConflicts(older, before, unpushed);
    const list = log.list();
    // Same value (abbreviation) and skipped fields (deleted_at) are no conflict.
    expect(list.map((c) => [c.field, c.otherValue])).toEqual([
      ['name', 'Dinas Lama'],
      ['name', 'Dinas Kominfo'],
    ]);
    // The kept value of ours is named by this device; the list shows what the row holds now.
    expect(list[1]?.otherFrom).toBe(before.clocks.get('name')?.slice(-16));
    expect(list[0]?.currentValue).toBe('Dinas Kominfo');
    expect(log.openCounts().conflicts).toBe(2);
  });

  it('an edit this device already pushed is no conflict: the newer one simply wins', () => {
    const { ctx, id, log, before } = setup();
    const pushed = new UnpushedStamps();
    pushed.refresh(ctx.db, Number.MAX_SAFE_INTEGER);
    log.recordFieldConflicts({ hlc: stampOf(Date.now() + 60_000), table: 'opd', rowId: id, fields: { name: 'Dinas Komunikasi' } }, before, pushed);
    expect(log.list()).toEqual([]);
  });

  it('resolving needs the right to write the table; choosing the other value writes it as a new change', () => {
    const { ctx, id, unpushed, log, before } = setup();
    log.recordFieldConflicts({ hlc: stampOf(1), table: 'opd', rowId: id, fields: { name: 'Dinas Lama' } }, before, unpushed);
    const [c] = log.list();
    if (!c) throw new Error('no conflict');
    expect(() => log.resolve(c.id, 'other', callerFor('u1', 'Wartawan', ['journalist']))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const logBefore = (ctx.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    log.resolve(c.id, 'other', callerFor('u2', 'Admin', ['administrator']));
    expect((ctx.db.prepare('SELECT name FROM opd WHERE id = ?').get(id) as { name: string }).name).toBe('Dinas Lama');
    expect((ctx.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(logBefore + 1);
    expect(log.list()).toEqual([]);
    expect(() => log.resolve(c.id, 'current', callerFor('u2', 'Admin', ['administrator']))).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('reviews are listed until closed; closing twice says it is not there', () => {
    const { id, log } = setup();
    log.addReview('opd', id, 'restored_after_delete');
    const [r] = log.reviews();
    expect(r).toMatchObject({ table: 'opd', rowId: id, kind: 'restored_after_delete' });
    log.closeReview(r?.id as number);
    expect(log.reviews()).toEqual([]);
    expect(() => log.closeReview(r?.id as number)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
