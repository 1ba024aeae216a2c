import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { agendaSection } from '../../scripts/demo/agenda';
import { officeSection } from '../../scripts/demo/office';
import { MONTH_CELL_ROWS } from '../../shared/agenda/month-cells';
import { addDaysToKey, dateKey, startOfDateKey } from '../../shared/agenda/zones';
import { median, percentile, round, type BenchmarkFigure } from '../results-format';
import { sectionPaint } from '../support/section-paint';
import type { SuiteContext } from './core';

/** The benchmark workspace: the demo office at size 100, i.e. 30,000 single events plus recurring series. */
const SIZE = 100;
const SAMPLES = 40;
const PAINT_ROUNDS = 6;
const ADMIN = { name: 'Admin Bench', login: 'bench', password: 'kopi-tubruk-pagi-2026' };

/**
 * Month view in Chromium against browser mode, the same method as the directory's first paint:
 * from the click on "Agenda" in the sidebar until the month grid holds its events and a frame
 * has been painted with them, timed inside the page. The page is reloaded before each round.
 */
export async function monthPaint(dataDir: string, log: (l: string) => void): Promise<{ samples: number[]; events: number }> {
  const { samples, counted } = await sectionPaint({
    dataDir,
    admin: ADMIN,
    section: 'Agenda',
    ready: '[data-testid="agenda-calendar"] [data-testid="agenda-event"]',
    count: '[data-testid="agenda-event"]',
    rounds: PAINT_ROUNDS,
    label: 'month paint',
    log,
    // Start from a page that is not the agenda (the route is kept in the URL across reloads).
    prepare: async (page) => {
      await page.evaluate(`[...document.querySelectorAll('nav button')].find((b) => b.textContent.trim() === 'Beranda')?.click()`);
      await page.waitForTimeout(300);
    },
  });
  return { samples, events: counted };
}

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
  const workspace = ctx.workDir('workspace');
  const core = createCore({ dataDir: workspace, logger: createMemoryLogger() });
  const t0 = performance.now();
  const demo = { core, size: SIZE, seed: 2026, progress: () => {} };
  await officeSection.run(demo);
  const counts = await agendaSection.run(demo);
  ctx.log(`  workspace: ${counts.agendaEvents} events + ${counts.agendaSeries} series in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Month view: the current month's grid (6 weeks), series expanded, as the calendar asks (four rows a day, the rest counted).
  const today = dateKey(Date.now(), 'WIB');
  const first = `${today.slice(0, 8)}01`;
  const from = startOfDateKey(addDaysToKey(first, -7), 'WIB');
  const to = startOfDateKey(addDaysToKey(first, 35), 'WIB');
  let shown = 0;
  let inRange = 0;
  for (let i = 0; i < 5; i++) inRange = (await core.invoke('agenda.range', { from, to })).items.length;
  const month: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const s = performance.now();
    const r = await core.invoke('agenda.range', { from, to, perDay: MONTH_CELL_ROWS });
    month.push(performance.now() - s);
    shown = r.items.length;
  }
  ctx.log(`  month view: ${inRange} items in range, ${shown} sent, median ${median(month).toFixed(1)} ms, p95 ${percentile(month, 95).toFixed(1)} ms`);

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
  const setup = await core.call('accounts.setupAdministrator', ADMIN);
  if (!setup.ok) ctx.log(`  administrator setup: ${setup.error.message}`);
  core.close();
  const paint = await monthPaint(workspace, ctx.log);

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
    { id: 'agenda.month_view.load_ms', value: round(percentile(month, 95), 2), unit: 'ms', target: '<= 50', note: `p95 of ${SAMPLES} agenda.range calls for a 6-week month grid as the calendar asks (perDay ${MONTH_CELL_ROWS}: ${inRange} items in range with series expanded, ${shown} sent, the rest counted per day) in a workspace of ${counts.agendaEvents} events` },
    { id: 'agenda.month_view.paint_ms', value: Math.round(median(paint.samples)), unit: 'ms', target: '<= 150', note: `median of ${paint.samples.length} rounds in Chromium against browser mode on the same workspace: click on Agenda until the month grid (${inRange} items in its range, ${paint.events} event elements) is painted (page reloaded each round); max ${Math.round(Math.max(...paint.samples))} ms` },
    { id: 'agenda.conflict_check.save_ms', value: round(percentile(checks, 95), 2), unit: 'ms', target: '<= 10', note: `p95 of ${checks.length} agenda.events.check calls (validation + index range + series expansion + travel-time rules) on ${counts.agendaEvents} events` },
    { id: 'agenda.ics_import.5000_s', value: round(median(imports), 2), unit: 's', target: '<= 5', note: `median of 3 imports of a 5,000-event ICS file (parse, preview plan, write through the mutation path in chunks of 500 with progress events)` },
  ];
}
