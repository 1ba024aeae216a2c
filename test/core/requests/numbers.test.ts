/**
 * The numbers that matter (issue 13, item 5), on a real core and SQLite file with a fake clock:
 * per OPD and month of arrival in the office's zone (a request at 01.00 WIB on 1 April is
 * April's), received, accepted, declined, the median minutes to the first answer, and how many
 * became a published release; totals per month; bad ranges refused with a clear message.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { releaseCore, writeBody } from '../releases/helpers';
import type { CoreFixture } from '../../support/core-fixture';
import type { fakeClock } from '../../support/fake-clock';

const MIN = 60_000;
const DAY = 86_400_000;
let fx: CoreFixture & { clock: ReturnType<typeof fakeClock> };
let a = '';
let b = '';

beforeEach(async () => {
  fx = await releaseCore(Date.parse('2026-03-02T02:00:00Z'));
  a = (await fx.core.invoke('opd.save', { name: 'Dinas Kesehatan' })).id;
  b = (await fx.core.invoke('opd.save', { name: 'Badan Pendapatan Daerah' })).id;
});
afterEach(() => fx.cleanup());

function submit(opdId: string | null, over: Record<string, unknown> = {}) {
  const start = fx.clock.now() + 5 * DAY;
  return fx.core.invoke('requests.submit', { id: crypto.randomUUID(), opdId, kind: 'publicity', channel: 'phone', title: `Kegiatan ${crypto.randomUUID().slice(0, 6)}`, startMs: start, endMs: start + 2 * 3_600_000, ...over });
}

it('per OPD and month: received, accepted, declined, median minutes to the first answer, published releases; totals', async () => {
  const r1 = await submit(a);
  fx.clock.advance(60 * MIN);
  const acc = await fx.core.invoke('requests.answer', { id: r1.id, action: 'accept', makeRelease: true });
  await writeBody(fx.core, acc.releaseId as string, 'Isi rilis kegiatan Dinas Kesehatan.');
  for (const to of ['in_review', 'approved', 'published'] as const) await fx.core.invoke('releases.transition', { id: acc.releaseId as string, to });
  const r2 = await submit(a);
  fx.clock.advance(180 * MIN);
  await fx.core.invoke('requests.answer', { id: r2.id, action: 'decline', note: 'Bertepatan dengan kegiatan lain.' });
  const r3 = await submit(b);
  fx.clock.advance(30 * MIN);
  await fx.core.invoke('requests.answer', { id: r3.id, action: 'needs_info', note: 'Siapa narahubungnya?' });
  // Asked for more first: the first answer counts, a later one does not move it.
  fx.clock.advance(5 * DAY);
  const inv = await submit(null, { kind: 'invitation', inviter: 'Universitas Sukamaju' });
  fx.clock.advance(10 * MIN);
  await fx.core.invoke('requests.decide', { id: inv.id, choice: 'absent', representative: '', note: '' });
  // 01.00 WIB on 1 April is April's.
  fx.clock.set(Date.parse('2026-03-31T18:00:00Z'));
  await submit(a);

  const n = await fx.core.invoke('requests.numbers', { fromMonth: '2026-03', toMonth: '2026-04' });
  expect(n.months).toEqual(['2026-03', '2026-04']);
  const pick = (opd: string | null, month: string) => n.rows.find((r) => r.opdId === opd && r.month === month);
  expect(pick(a, '2026-03')).toMatchObject({ opdName: 'Dinas Kesehatan', received: 2, accepted: 1, declined: 1, answered: 2, medianAnswerMinutes: 120, releases: 1 });
  expect(pick(b, '2026-03')).toMatchObject({ received: 1, accepted: 0, declined: 0, answered: 1, medianAnswerMinutes: 30, releases: 0 });
  expect(pick('', '2026-03')).toMatchObject({ received: 1, declined: 1, medianAnswerMinutes: 10 });
  expect(pick(a, '2026-04')).toMatchObject({ received: 1, answered: 0, medianAnswerMinutes: null });
  expect(pick(b, '2026-04')).toBeUndefined();
  // OPDs by name: Badan … before Dinas …; the outside party last.
  expect([...new Set(n.rows.map((r) => r.opdId))]).toEqual([b, a, '']);
  expect(n.totals).toEqual([
    expect.objectContaining({ opdId: null, month: '2026-03', received: 4, accepted: 1, declined: 2, answered: 4, medianAnswerMinutes: 45, releases: 1 }),
    expect.objectContaining({ month: '2026-04', received: 1, medianAnswerMinutes: null }),
  ]);
  const onlyB = await fx.core.invoke('requests.numbers', { fromMonth: '2026-03', toMonth: '2026-03', opdId: b });
  expect(onlyB.rows.map((r) => r.opdId)).toEqual([b]);
  expect(onlyB.totals[0]).toMatchObject({ received: 1 });
});

it('bad input: a range that ends before it starts, longer than 24 months, or not a month', async () => {
  for (const input of [
    { fromMonth: '2026-05', toMonth: '2026-04' },
    { fromMonth: '2024-01', toMonth: '2026-01' },
    { fromMonth: '2026-13', toMonth: '2026-13' },
  ]) {
    const r = await fx.core.call('requests.numbers', input);
    expect(r.ok ? null : r.error.code).toBe('invalid_input');
  }
  expect((await fx.core.invoke('requests.numbers', { fromMonth: '2026-01', toMonth: '2026-01' })).totals[0]).toMatchObject({ received: 0, medianAnswerMinutes: null });
});
