/**
 * The desktop shell and what the window loads (`shell.` ids). Each measurement is its own
 * function; `run` calls them in turn.
 *
 * First paint of the sign-in screen from a cold start in browser mode: a fresh Chromium context
 * (empty cache) opens the host's address; the time is from navigation start until the sign-in
 * form has been painted (the frame after it enters the DOM), median over runs. The JavaScript
 * loaded before that paint is summed from the page's resource timing (decoded bytes of the
 * `.js` responses that ended before it; the host sends them uncompressed, so transferred bytes
 * are the same plus headers).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { createCore } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import { officeSection } from '../../scripts/demo/office';
import buildRenderer from '../../test/e2e/support/global-setup';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/e2e/support/chromium';
import { FULL_SIZE, runCoreUnderLoad } from '../../test/support/core-under-load';
import { median, percentile, round, type BenchmarkFigure } from '../results-format';
import { startHost, stopHost } from '../support/browser-host';
import type { SuiteContext } from './core';

const PAINT_RUNS = 9;
const ADMIN = { name: 'Admin Bench', login: 'bench', password: 'kopi-tubruk-pagi-2026' };

interface PaintSample {
  paintMs: number;
  /** When `startSelector` (if given) entered the DOM: where the measured screen's own part starts. */
  startMs: number | null;
  jsDecoded: number;
  jsTransferred: number;
  jsFiles: number;
}

/**
 * Runs in the page before any of its scripts: when `selector` first matches, waits for the next
 * frame to be presented (rAF, then a task) and records that time on `window.__wartaPaint`.
 * A string, not a function: tsx's transform would add helpers the page does not have.
 */
const paintProbe = (selector: string, startSelector?: string) => `(() => {
  const start = ${JSON.stringify(startSelector ?? null)};
  const seen = () => {
    if (start && window.__wartaStart === undefined && document.querySelector(start)) window.__wartaStart = performance.now();
    if (window.__wartaPaint !== undefined || !document.querySelector(${JSON.stringify(selector)})) return false;
    window.__wartaPaint = -1;
    requestAnimationFrame(() => setTimeout(() => { window.__wartaPaint = performance.now(); }, 0));
    return true;
  };
  new MutationObserver((_m, observer) => { if (seen()) observer.disconnect(); }).observe(document, { childList: true, subtree: true });
})();`;

export async function samplePaint(browser: Browser, url: string, selector: string, startSelector?: string): Promise<PaintSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(paintProbe(selector, startSelector));
    await page.goto(url);
    await page.waitForFunction(() => ((window as unknown as { __wartaPaint?: number }).__wartaPaint ?? -1) > 0, undefined, { timeout: 60_000 });
    return await page.evaluate(() => {
      const paintMs = (window as unknown as { __wartaPaint: number }).__wartaPaint;
      const startMs = (window as unknown as { __wartaStart?: number }).__wartaStart ?? null;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\.m?js(\?|$)/.test(new URL(e.name).pathname) && e.responseEnd <= paintMs);
      return {
        paintMs,
        startMs,
        jsDecoded: scripts.reduce((n, e) => n + e.decodedBodySize, 0),
        jsTransferred: scripts.reduce((n, e) => n + e.transferSize, 0),
        jsFiles: scripts.length,
      };
    });
  } finally {
    await context.close();
  }
}

/** The machine's floor for the same measurement: a page with one heading and a tiny script, from a plain server. */
async function baselinePaint(browser: Browser): Promise<number[]> {
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/a.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end("document.getElementById('root').innerHTML = '<form><h1>Masuk</h1></form>';");
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Warta</title><script type="module" src="/a.js"></script></head><body><div id="root"></div></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const out: number[] = [];
    for (let i = 0; i < PAINT_RUNS; i++) out.push((await samplePaint(browser, url, 'form')).paintMs);
    return out;
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
}

/** shell.first_paint_signin_ms and shell.js_before_first_paint_kb. */
export async function firstPaintSignin(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  buildRenderer();
  const dataDir = ctx.workDir('signin');
  const core = createCore({ dataDir, logger: createMemoryLogger() });
  await officeSection.run({ core, size: 1, seed: 2026, progress: () => undefined });
  const setup = await core.call('accounts.setupAdministrator', ADMIN);
  if (!setup.ok) throw new Error(`administrator setup: ${setup.error.message}`);
  core.close();

  const host = await startHost(dataDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    // One unmeasured load: the host's first requests (WebSocket, core warm-up) are not Chromium's cold start.
    await samplePaint(browser, host.url, 'form[aria-labelledby="sign-in-title"]');
    const samples: PaintSample[] = [];
    for (let i = 0; i < PAINT_RUNS; i++) samples.push(await samplePaint(browser, host.url, 'form[aria-labelledby="sign-in-title"]'));
    const baseline = await baselinePaint(browser);
    const paint = median(samples.map((s) => s.paintMs));
    const js = samples[samples.length - 1] as PaintSample;
    const load = os.loadavg()[0] ?? 0;
    ctx.log(`  sign-in first paint: median ${paint.toFixed(0)} ms (baseline page ${median(baseline).toFixed(0)} ms); JS before paint ${(js.jsDecoded / 1000).toFixed(0)} kB in ${js.jsFiles} files`);
    return [
      {
        id: 'shell.first_paint_signin_ms',
        value: Math.round(paint),
        unit: 'ms',
        target: '<= 600',
        note:
          `median of ${PAINT_RUNS} cold loads (fresh Chromium context, empty cache) of browser mode until the sign-in form is painted; ` +
          `min ${Math.round(Math.min(...samples.map((s) => s.paintMs)))}, max ${Math.round(Math.max(...samples.map((s) => s.paintMs)))} ms; ` +
          `same-run baseline (a one-heading page from a plain server, same measure) median ${round(median(baseline), 1)} ms; 1-min load average ${load.toFixed(1)} on ${os.cpus().length} cores`,
      },
      {
        id: 'shell.js_before_first_paint_kb',
        value: Math.round(js.jsDecoded / 1000),
        unit: 'kB',
        target: '<= 600',
        note: `decoded bytes of the ${js.jsFiles} JavaScript responses that finished before the sign-in form was painted (transferred ${Math.round(js.jsTransferred / 1000)} kB incl. headers); sections load on first use`,
      },
    ];
  } finally {
    await browser.close();
    await stopHost(host.child);
  }
}

/**
 * shell.ping_p99_under_load_ms: browser mode (the core in its worker thread, the WebSocket on the
 * main thread) answering `app.info`, one call every 5 ms, while a 40-page PDF export, a 5,000-row
 * media import and a 100,000-change first pull run at once (test/support/core-under-load.ts).
 * Latency from this process, over the page's own transport. The same calls with nothing running,
 * just before, are noted beside it: on a shared machine they set the floor.
 */
export async function pingUnderLoad(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  const result = await runCoreUnderLoad(ctx.workDir('load'), { ...FULL_SIZE, exportParagraphs: 830 }, ctx.log);
  const p99 = percentile(result.pings, 99);
  const load = os.loadavg()[0] ?? 0;
  ctx.log(`  app.info under load: p50 ${percentile(result.pings, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...result.pings).toFixed(0)} ms over ${result.pings.length} calls`);
  return [
    {
      id: 'shell.ping_p99_under_load_ms',
      value: round(p99, 1),
      unit: 'ms',
      target: '<= 20',
      note:
        `p99 of ${result.pings.length} app.info calls over browser mode's WebSocket (one every 5 ms) while a ${result.pdfPages}-page PDF export, a ${result.imported}-row import and a ${FULL_SIZE.pullChanges}-change pull ran at once ` +
        `(${result.jobs.map((j) => `${j.name} ${Math.round(j.ms)} ms`).join(', ')}); p50 ${round(percentile(result.pings, 50), 1)}, max ${Math.round(Math.max(...result.pings))} ms; ` +
        `the same calls for 2 s before the jobs started: p99 ${round(percentile(result.idlePings, 99), 1)} ms; 1-min load average ${load.toFixed(1)} on ${os.cpus().length} cores`,
    },
  ];
}

export async function run(ctx: SuiteContext): Promise<BenchmarkFigure[]> {
  return [...(await firstPaintSignin(ctx)), ...(await pingUnderLoad(ctx))];
}
