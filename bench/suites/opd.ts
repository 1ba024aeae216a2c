/**
 * The agencies' network benchmarks (`npx tsx bench/run.ts opd`), issue 13:
 * - opd.board.first_paint_ms: the request board with 20,000 requests across 60 OPDs, in Chromium
 *   against browser mode: from the click on "Permohonan" until the board's first row is painted;
 * - opd.board.filter_p95_ms: a filter change on that board in the core (requests.list through the
 *   contract: by status, by OPD, by text, due today, and together);
 * - opd.pull.projection_ratio_vs_unfiltered: an OPD contributor's pull through its projection
 *   against an administrator's unfiltered pull of the same 200,000-change log, same run
 *   (bench/support/opd-pull.ts).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { REQUEST_STATUSES } from '../../shared/requests/model';
import { median, percentile, round, type BenchmarkFigure } from '../results-format';
import { sectionPaint } from '../support/section-paint';
import { OPD_COUNT, opdPullBench } from '../support/opd-pull';
import type { SuiteContext } from './core';

const REQUESTS = 20_000;
const PULL_CHANGES = 200_000;
const ADMIN = { name: 'Admin Bench', login: 'bench', password: 'kopi-tubruk-pagi-2026' };
const WORDS = ['Posyandu', 'Pencanangan', 'Sosialisasi', 'Peresmian', 'Rapat', 'Festival', 'Vaksinasi', 'Pelatihan', 'Lomba', 'Kunjungan'];

/** A desk's year: 20,000 requests from 60 OPDs, every status and kind, numbered, through the mutation path. */
async function boardWorkspace(dir: string, log: (l: string) => void): Promise<{ core: Core; opds: string[] }> {
  const core = createCore({ dataDir: dir, logger: createMemoryLogger() });
  await core.invoke('office.save', { institution: 'Pemerintah Kabupaten Bench', unit: 'Bagian Humas', institutionCode: 'Pemkab', unitCode: 'Humas', city: 'Bench', province: 'Jawa Tengah', timeZone: 'WIB' });
  const m = core.context.mutator;
  const t0 = performance.now();
  const opds: string[] = [];
  m.transaction(() => {
    for (let i = 0; i < OPD_COUNT; i++) opds.push(m.insert('opd', { name: `Dinas Bench ${String(i + 1).padStart(2, '0')}`, abbreviation: `DB${i + 1}`, active: true }));
  });
  const now = Date.now();
  const kinds = ['publicity', 'press_conference', 'material', 'invitation'];
  for (let chunk = 0; chunk < REQUESTS; chunk += 2000) {
    m.transaction(() => {
      for (let i = chunk; i < chunk + 2000; i++) {
        const submitted = now - (REQUESTS - i) * 25 * 60_000; // a year back, one every 25 minutes
        const start = submitted + ((i % 14) + 1) * 86_400_000;
        m.insert('requests', {
          opd_id: opds[i % OPD_COUNT] as string,
          kind: kinds[i % kinds.length] as string,
          channel: i % 3 ? 'app' : 'whatsapp',
          title: `${WORDS[i % WORDS.length]} kegiatan nomor ${i}`,
          description: `Uraian kegiatan ${i}: apa, siapa, untuk apa.`,
          place: 'Aula Kantor',
          start_ms: start,
          end_ms: start + 2 * 3_600_000,
          zone: 'WIB',
          status: REQUEST_STATUSES[i % REQUEST_STATUSES.length] as string,
          submitted_at: new Date(submitted).toISOString(),
          submitted_by: 'OPD',
          year: new Date(submitted).getUTCFullYear(),
          seq: i + 1,
          due_ms: i % 50 === 0 ? now + 3_600_000 : null,
        });
      }
    });
  }
  log(`  board workspace: ${REQUESTS} requests across ${OPD_COUNT} OPDs in ${Math.round(performance.now() - t0)} ms`);
  return { core, opds };
}

/** requests.list through the contract for a mix of filter changes, 3 passes. */
async function filterTimes(core: Core, opds: string[]): Promise<number[]> {
  const filters: Record<string, unknown>[] = [
    ...REQUEST_STATUSES.map((status) => ({ status })),
    ...opds.slice(0, 20).map((opdId) => ({ opdId })),
    ...WORDS.map((query) => ({ query })),
    { query: 'nomor 1999' },
    { dueToday: true },
    { status: 'submitted', opdId: opds[3] },
    { status: 'accepted', query: 'Posyandu' },
    {},
  ];
  for (const f of filters) await core.invoke('requests.list', f);
  const out: number[] = [];
  for (let pass = 0; pass < 3; pass++)
    for (const f of filters) {
      const t0 = performance.now();
      const r = await core.call('requests.list', f);
      out.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.error.message);
    }
  return out;
}

/** Click on "Permohonan" until the board's first row is painted, page reloaded each round (as media's directory bench). */
async function firstPaint(dataDir: string, log: (l: string) => void): Promise<number[]> {
  const { samples } = await sectionPaint({
    dataDir,
    admin: ADMIN,
    section: 'Permohonan',
    ready: '[data-testid="requests-table"] tbody tr',
    rounds: 7,
    label: 'first paint',
    log,
    // The app reopens the section it was on: start each round from Beranda, the board gone.
    prepare: async (page) => {
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('button', { name: 'Beranda' }).click();
      await page.locator('[data-testid="requests-table"]').waitFor({ state: 'detached' });
    },
  });
  return samples;
}

export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const dir = ctx.workDir('board');
  const { core, opds } = await boardWorkspace(dir, ctx.log);
  const load = os.loadavg()[0] ?? 0;
  const filters = await filterTimes(core, opds);
  ctx.log(`  filter change: p50 ${median(filters).toFixed(2)} ms, p95 ${percentile(filters, 95).toFixed(2)} ms over ${filters.length} calls`);
  const setup = await core.call('accounts.setupAdministrator', ADMIN);
  if (!setup.ok) ctx.log(`  administrator setup: ${setup.error.message}`);
  core.close();
  const paint = await firstPaint(dir, ctx.log);
  const pull = await opdPullBench(ctx.workDir('pull'), PULL_CHANGES, 3, ctx.log);

  return [
    { id: 'opd.board.first_paint_ms', value: Math.round(median(paint)), unit: 'ms', target: '<= 100', note: `median of ${paint.length} rounds in Chromium against browser mode, ${REQUESTS} requests across ${OPD_COUNT} OPDs: click on Permohonan until the board's first row is painted (page reloaded each round; the board shows the newest 200 with counts over all); max ${Math.round(Math.max(...paint))} ms` },
    { id: 'opd.board.filter_p95_ms', value: round(percentile(filters, 95)), unit: 'ms', target: '<= 30', note: `p95 of ${filters.length} requests.list calls through the contract (by status, by OPD, by text, due today, combined; 3 passes) on ${REQUESTS} requests; median ${round(median(filters))} ms; 1-min load average ${load.toFixed(1)} on ${os.cpus().length} cores` },
    { id: 'opd.pull.projection_ratio_vs_unfiltered', value: round(median(pull.ratios)), unit: 'ratio', target: '>= 0.5', note: `median of ${pull.ratios.length} rounds: speed of an OPD contributor's full pull through its projection (${pull.projectedChanges} changes of its ${pull.projectedRows} rows) over a log of ${PULL_CHANGES} changes of 20,000 requests across ${OPD_COUNT} OPDs, vs an administrator's unfiltered pull of the same log (${pull.unfilteredChanges} changes), HTTP on 127.0.0.1, same run; unfiltered median ${Math.round(median(pull.unfilteredMs))} ms, projected ${Math.round(median(pull.projectedMs))} ms` },
  ];
}
