/**
 * Beranda and Laporan on a workspace at demo size 10 (a year of an active office): each desk
 * card's query in the core, Beranda's first paint in Chromium, a yearly report computed and
 * exported to PDF, and one chart rendered to SVG.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { callerFor } from '../../electron/core/caller';
import { createCore } from '../../electron/core/create-core';
import { chartSvg } from '../../electron/core/features/reports/chart-svg';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { generateWorkspace } from '../../scripts/demo/generate';
import { dateKey } from '../../shared/agenda/zones';
import { periodOf } from '../../shared/reports/period';
import buildRenderer from '../../test/e2e/support/global-setup';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/e2e/support/chromium';
import { median, percentile, round, type BenchmarkFigure } from '../results-format';
import { startHost, stopHost } from '../support/browser-host';
import type { SuiteContext } from './core';
import { samplePaint } from './shell';

const SIZE = 10;
const DESK_RUNS = 30;
const REPORT_RUNS = 5;
const PDF_RUNS = 3;
const SVG_RUNS = 50;
const PAINT_RUNS = 7;
const ADMIN = { name: 'Admin Bench', login: 'bench', password: 'kopi-tubruk-pagi-2026' };

export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const dataDir = ctx.workDir('size10');
  const core = createCore({ dataDir, logger: createMemoryLogger() });
  const figures: BenchmarkFigure[] = [];
  try {
    const t0 = performance.now();
    const counts = await generateWorkspace(core, { size: SIZE });
    const setup = await core.call('accounts.setupAdministrator', ADMIN);
    if (!setup.ok) throw new Error(`administrator setup: ${setup.error.message}`);
    ctx.log(`  demo size ${SIZE} in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);
    // The administrator's desk carries every card.
    core.context.currentCaller = () => callerFor(null, 'Bench', ['administrator']);
    const perCard = new Map<string, number[]>();
    for (let i = 0; i < DESK_RUNS; i++) {
      const desk = await core.invoke('home.desk', {});
      for (const c of desk.cards) perCard.set(c.id, [...(perCard.get(c.id) ?? []), c.tookMs]);
    }
    const worst = [...perCard.entries()].map(([id, ms]) => ({ id, p95: percentile(ms, 95) })).sort((a, b) => b.p95 - a.p95);
    ctx.log(`  desk cards p95: ${worst.map((w) => `${w.id} ${w.p95.toFixed(1)}`).join(', ')}`);
    figures.push({ id: 'reports.desk_card_ms', value: round(worst[0]?.p95 ?? 0, 1), unit: 'ms', target: '<= 20', note: `slowest Beranda card (${worst[0]?.id}) p95 of ${DESK_RUNS} home.desk calls as administrator (every card) at demo size ${SIZE}` });

    const year = periodOf('year', dateKey(Date.now(), 'WIB'));
    const computeMs: number[] = [];
    let report = await core.invoke('reports.compute', year);
    for (let i = 0; i < REPORT_RUNS; i++) {
      const t = performance.now();
      report = await core.invoke('reports.compute', year);
      computeMs.push(performance.now() - t);
    }
    const rows = report.sections.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
    ctx.log(`  year compute median ${median(computeMs).toFixed(0)} ms`);
    figures.push({ id: 'reports.year_compute_ms', value: Math.round(median(computeMs)), unit: 'ms', target: '<= 1000', note: `reports.compute of ${year.from}..${year.to} at demo size ${SIZE} (${rows} table rows); median of ${REPORT_RUNS}` });
    const pdfMs: number[] = [];
    for (let i = 0; i < PDF_RUNS; i++) {
      const t = performance.now();
      await core.invoke('reports.export', { period: year, format: 'pdf' });
      pdfMs.push(performance.now() - t);
    }
    ctx.log(`  year PDF median ${median(pdfMs).toFixed(0)} ms`);
    figures.push({ id: 'reports.year_pdf_ms', value: Math.round(median(pdfMs)), unit: 'ms', target: '<= 3000', note: `reports.export PDF of the year (compute, charts to SVG to vectors, tables, letterhead); median of ${PDF_RUNS}` });
    const chart = report.sections.flatMap((s) => s.charts).find((c) => c.id === 'releases_month');
    if (chart) {
      chartSvg(chart);
      const svgMs: number[] = [];
      for (let i = 0; i < SVG_RUNS; i++) {
        const t = performance.now();
        chartSvg(chart);
        svgMs.push(performance.now() - t);
      }
      figures.push({ id: 'reports.chart_svg_ms', value: round(median(svgMs), 1), unit: 'ms', target: '<= 50', note: `ECharts SSR renderToSVGString of the 12-month releases chart; median of ${SVG_RUNS}` });
    }
  } finally {
    core.close();
  }

  // Beranda's first paint: the administrator signs in once (the session is the machine's, held by
  // the core), then every cold load of a fresh context lands on Beranda.
  buildRenderer();
  const host = await startHost(dataDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    const form = page.getByRole('form', { name: 'Masuk ke Warta' });
    await form.getByLabel('Nama pengguna').fill(ADMIN.login);
    await form.getByLabel('Kata sandi').fill(ADMIN.password);
    await form.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByTestId('desk').waitFor({ timeout: 60_000 });
    await page.close();
    await samplePaint(browser, host.url, '[data-testid="desk"]', '.frame');
    const samples: number[] = [];
    const own: number[] = [];
    for (let i = 0; i < PAINT_RUNS; i++) {
      const s = await samplePaint(browser, host.url, '[data-testid="desk"]', '.frame');
      samples.push(s.paintMs);
      if (s.startMs !== null) own.push(s.paintMs - s.startMs);
    }
    const load = os.loadavg()[0] ?? 0;
    figures.push({ id: 'reports.home_first_paint_ms', value: Math.round(median(samples)), unit: 'ms', target: '<= 150', note: `cold load of browser mode until Beranda's desk (all cards, demo size ${SIZE}) is painted; median of ${PAINT_RUNS}, min ${Math.round(Math.min(...samples))}, max ${Math.round(Math.max(...samples))}; includes the shell's own cold start (see shell.first_paint_signin_ms); 1-min load average ${load.toFixed(1)} on ${os.cpus().length} cores` });
    // Beranda's own part of the same loads: from the app frame entering the page (session known,
    // the shell's scripts parsed) until the desk with every card is painted.
    figures.push({ id: 'reports.home_after_frame_ms', value: Math.round(median(own)), unit: 'ms', target: '<= 150', note: `same cold loads, from the app frame in the page until the desk is painted (Beranda's chunk and home.desk side by side); median of ${own.length}, min ${Math.round(Math.min(...own))}, max ${Math.round(Math.max(...own))}` });
  } finally {
    await browser.close();
    await stopHost(host.child);
  }
  return figures;
}
