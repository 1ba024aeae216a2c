/**
 * The request board's "due today" (issue 13) read through its indexes (migration 0017): open
 * requests due today or starting today, not those of tomorrow nor answered ones; the count
 * follows a write at once although it is kept between reads.
 */
import { afterEach, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

it('counts and lists open requests due or starting today, and follows a write', async () => {
  const now = Date.parse('2026-12-18T02:00:00Z'); // Friday 09:00 WIB
  fx = openTestCore({ clock: () => now });
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  const opd = (await fx.core.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' })).id;
  const m = fx.core.context.mutator;
  const hour = 3_600_000;
  const add = (title: string, status: string, startMs: number, dueMs: number | null) =>
    m.transaction(() => m.insert('requests', { opd_id: opd, kind: 'publicity', channel: 'whatsapp', title, status, start_ms: startMs, end_ms: startMs + hour, zone: 'WIB', submitted_at: new Date(now - hour).toISOString(), due_ms: dueMs }));
  const due = add('Jawab hari ini', 'submitted', now + 5 * 86_400_000, now + 6 * hour);
  const starts = add('Mulai sore ini', 'needs_info', now + 7 * hour, null);
  add('Besok', 'submitted', now + 86_400_000, now + 86_400_000);
  add('Sudah dijawab', 'accepted', now + 3 * hour, now + 2 * hour);

  const board = await fx.core.invoke('requests.list', {});
  expect(board.dueToday).toBe(2);
  expect((await fx.core.invoke('requests.list', { dueToday: true })).items.map((r) => r.id).sort()).toEqual([due, starts].sort());

  m.transaction(() => m.update('requests', due, { status: 'accepted' }));
  expect((await fx.core.invoke('requests.list', {})).dueToday).toBe(1);
  expect((await fx.core.invoke('requests.list', {})).counts.accepted).toBe(2);
});
