/** status.ts and delete-guard.ts: what the status says before and after enrolment; when a delete count asks. */
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictLog } from '../../../electron/core/sync/conflicts';
import { deleteStopMessage, exceedsGuard, liveRows } from '../../../electron/core/sync/delete-guard';
import { RowReader } from '../../../electron/core/sync/rows';
import { readStatus, type LiveStatus } from '../../../electron/core/sync/status';
import { openDevice, type TestDevice } from '../support';
import { stateOf } from './helpers';

let d: TestDevice | null = null;
afterEach(() => {
  d?.cleanup();
  d = null;
});

const live = (over: Partial<LiveStatus> = {}): LiveStatus => ({
  configured: false,
  state: 'offline',
  message: 'pesan',
  progress: { done: 1, total: 2 },
  nextRetryAt: null,
  hosting: null,
  hostingProblem: null,
  ...over,
});

describe('status', () => {
  it('an unconfigured device says so, counts its local changes as pending, and shows no message', () => {
    d = openDevice();
    const ctx = d.core.context;
    ctx.mutator.transaction(() => ctx.mutator.insert('opd', { name: 'Dinas Sosial' }));
    const st = readStatus(ctx.db, stateOf(d), new ConflictLog(ctx, new RowReader(ctx.db)), live());
    expect(st).toMatchObject({ configured: false, state: 'not_configured', message: null, progress: null });
    expect(st.pendingChanges).toBeGreaterThan(0);
    expect(st.lastChangeAt).not.toBeNull();
  });

  it('progress shows only while syncing; a retry time is an ISO date', () => {
    d = openDevice();
    const ctx = d.core.context;
    const log = new ConflictLog(ctx, new RowReader(ctx.db));
    const at = Date.UTC(2026, 11, 7, 1, 0, 0);
    expect(readStatus(ctx.db, stateOf(d), log, live({ configured: true, state: 'syncing' })).progress).toEqual({ done: 1, total: 2 });
    const offline = readStatus(ctx.db, stateOf(d), log, live({ configured: true, nextRetryAt: at }));
    expect(offline).toMatchObject({ state: 'offline', message: 'pesan', progress: null, nextRetryAt: '2026-12-07T01:00:00.000Z' });
  });
});

describe('delete guard', () => {
  it('asks only above the share and the minimum', () => {
    const guard = { share: 0.3, minimum: 20 };
    expect(exceedsGuard(guard, 19, 20)).toBe(false);
    expect(exceedsGuard(guard, 20, 100)).toBe(false);
    expect(exceedsGuard(guard, 31, 100)).toBe(true);
    expect(exceedsGuard(guard, 25, 0)).toBe(false);
  });

  it('counts live rows over every replicated table and words the question by direction', () => {
    d = openDevice();
    const ctx = d.core.context;
    const before = liveRows(ctx.db);
    const id = ctx.mutator.transaction(() => ctx.mutator.insert('opd', { name: 'Dinas Sosial' }));
    expect(liveRows(ctx.db)).toBe(before + 1);
    ctx.mutator.transaction(() => ctx.mutator.write('opd', id, { deleted_at: new Date().toISOString() }));
    expect(liveRows(ctx.db)).toBe(before);
    expect(deleteStopMessage({ direction: 'pull', count: 12, total: 40 })).toMatch(/data dari server akan menghapus 12 dari 40 data di komputer ini/);
    expect(deleteStopMessage({ direction: 'push', count: 12, total: 40 })).toMatch(/komputer ini akan mengirim penghapusan 12 dari 40 data/);
  });
});
