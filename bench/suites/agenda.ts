import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { agendaSection } from '../../scripts/demo/agenda';
import { officeSection } from '../../scripts/demo/office';
import { addDaysToKey, dateKey, startOfDateKey } from '../../shared/agenda/zones';
import { median, percentile, round, type BenchmarkFigure } from '../results-format';
import type { SuiteContext } from './core';

/** The benchmark workspace: the demo office at size 100, i.e. 30,000 single events plus recurring series. */
const SIZE = 100;
const SAMPLES = 40;

function icsWith(count: number, startMs: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN'];
  for (let i = 0; i < count; i++) {
    const s = new Date(startMs + i * 3_600_000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const e = new Date(startMs + i * 3_600_000 + 1_800_000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    lines.push('BEGIN:VEVENT', `DTSTART:${s}`, `DTEND:${e}`, `UID:bench-${i}@google.com`, `SUMMARY:Kegiatan impor ${i}`, 'LOCATION:Balai Kota', 'STATUS:CONFIRMED', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const core = createCore({ dataDir: ctx.workDir('workspace'), logger: createMemoryLogger() });
  const t0 = performance.now();
  const demo = { core, size: SIZE, seed: 2026, progress: () => {} };
  await officeSection.run(demo);
  const counts = await agendaSection.run(demo);
  ctx.log(`  workspace: ${counts.agendaEvents} events + ${counts.agendaSeries} series in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Month view: the current month's grid (6 weeks), every item with series expanded, as the calendar asks.
  const today = dateKey(Date.now(), 'WIB');
  const first = `${today.slice(0, 8)}01`;
  const from = startOfDateKey(addDaysToKey(first, -7), 'WIB');
  const to = startOfDateKey(addDaysToKey(first, 35), 'WIB');
  let shown = 0;
  for (let i = 0; i < 5; i++) await core.call('agenda.range', { from, to });
  const month: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const s = performance.now();
    const r = await core.invoke('agenda.range', { from, to });
    month.push(performance.now() - s);
    shown = r.items.length;
  }
  ctx.log(`  month view: ${shown} items, median ${median(month).toFixed(1)} ms, p95 ${percentile(month, 95).toFixed(1)} ms`);

  // Conflict check on save: one new event for a busy leader at a busy hour.
  const leader = (await core.invoke('agenda.officials.list', {})).find((o) => o.isLeader)!;
  const checks: number[] = [];
  let found = 0;
  for (let i = 0; i < SAMPLES + 5; i++) {
    const start = startOfDateKey(addDaysToKey(today, (i % 20) - 10), 'WIB') + (9 + (i % 6)) * 3_600_000;
    const input = { title: 'Kunjungan kerja', startMs: start, endMs: start + 3_600_000, leaderIds: [leader.id], placeName: 'Kantor Kecamatan' };
    const s = performance.now();
    const r = await core.invoke('agenda.events.check', input);
    const ms = performance.now() - s;
    if (i >= 5) {
      checks.push(ms);
      found += r.length;
    }
  }
  ctx.log(`  conflict check: median ${median(checks).toFixed(2)} ms, p95 ${percentile(checks, 95).toFixed(2)} ms, ${found} conflicts found in ${checks.length} checks`);
  core.close();

  // ICS import of 5,000 events into the same kind of workspace (a fresh one for each of 3 runs).
  const ics = icsWith(5000, Date.UTC(2027, 0, 4, 1));
  const imports: number[] = [];
  let progressEvents = 0;
  for (let i = 0; i < 3; i++) {
    const c = createCore({ dataDir: ctx.workDir(`ics-${i}`), logger: createMemoryLogger() });
    await c.invoke('office.save', { institution: 'Pemerintah Kota Sukamaju', unit: 'Humas', institutionCode: 'SKJ', unitCode: 'Humas', city: 'Sukamaju', province: 'Jawa Tengah', timeZone: 'WIB' });
    const off = c.on('progress', () => (progressEvents += 1));
    const s = performance.now();
    const r = await c.call('agenda.ics.import', { text: ics, jobId: 'bench' });
    imports.push((performance.now() - s) / 1000);
    off();
    if (!r.ok || (r.value as { created: number }).created !== 5000) throw new Error('ICS import did not create 5,000 events');
    c.close();
  }
  ctx.log(`  ICS import 5,000: ${imports.map((x) => x.toFixed(2)).join(', ')} s; ${progressEvents / 3} progress events per import`);

  return [
    { id: 'agenda.month_view.load_ms', value: round(percentile(month, 95), 2), unit: 'ms', target: '<= 50', note: `p95 of ${SAMPLES} agenda.range calls for a 6-week month grid (${shown} items, series expanded) in a workspace of ${counts.agendaEvents} events` },
    { id: 'agenda.conflict_check.save_ms', value: round(percentile(checks, 95), 2), unit: 'ms', target: '<= 10', note: `p95 of ${checks.length} agenda.events.check calls (validation + index range + series expansion + travel-time rules) on ${counts.agendaEvents} events` },
    { id: 'agenda.ics_import.5000_s', value: round(median(imports), 2), unit: 's', target: '<= 5', note: `median of 3 imports of a 5,000-event ICS file (parse, preview plan, write through the mutation path in chunks of 500 with progress events)` },
  ];
}
