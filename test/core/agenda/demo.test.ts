import { afterEach, expect, it } from 'vitest';
import { agendaSection } from '../../../scripts/demo/agenda';
import { officeSection } from '../../../scripts/demo/office';
import { dateKey, startOfDateKey, addDaysToKey } from '../../../shared/agenda/zones';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

it('the demo agenda has invented leaders, recurring items and 300 × size events a calendar can show', async () => {
  fx = openTestCore();
  const ctx = { core: fx.core, size: 2, seed: 2026, progress: () => {} };
  await officeSection.run(ctx);
  const counts = await agendaSection.run(ctx);
  expect(counts).toMatchObject({ agendaEvents: 600, officials: 6, coverageStaff: 4 });
  const leaders = (await fx.core.invoke('agenda.officials.list', {})).filter((o) => o.isLeader).map((o) => o.position);
  expect(leaders).toEqual(['Wali Kota', 'Wakil Wali Kota', 'Sekretaris Daerah']);
  const today = dateKey(Date.now(), 'WIB');
  const week = await fx.core.invoke('agenda.range', { from: startOfDateKey(today, 'WIB'), to: startOfDateKey(addDaysToKey(today, 7), 'WIB') });
  expect(week.items.filter((i) => i.title === 'Apel Pagi Kesadaran Nasional')).toHaveLength(1);
  expect(week.items.length).toBeGreaterThan(5);
});
