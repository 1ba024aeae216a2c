import { chromium, type Page } from 'playwright-core';
import buildRenderer from '../../test/e2e/support/global-setup';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/e2e/support/chromium';
import { startHost, stopHost } from './browser-host';

export interface SectionPaintOptions {
  dataDir: string;
  /** The workspace's administrator, signed in when the page asks. */
  admin: { login: string; password: string };
  /** The sidebar button that opens the section ("Media", "Permohonan", "Agenda"). */
  section: string;
  /** The element whose appearance, painted, ends a round (a CSS selector). */
  ready: string;
  /** What is counted when a round ends (default: `ready`). */
  count?: string;
  rounds: number;
  /** Brings the page to where a round starts (another section), after sign-in. */
  prepare?(page: Page): Promise<void>;
  /** The round's line in the log, e.g. "first paint". */
  label: string;
  log(line: string): void;
}

/**
 * A section's first paint in Chromium against browser mode, the method every Chromium figure of
 * the benchmark shares: from the click on the section in the sidebar until `ready` is in the page
 * and a frame has been painted with it (two animation frames), timed inside the page. The page is
 * reloaded before each round; the first round warms the host's statements and the browser's
 * caches and is not counted. A round that shows nothing within 30 s fails with what was on screen.
 */
export async function sectionPaint(o: SectionPaintOptions): Promise<{ samples: number[]; counted: number }> {
  buildRenderer();
  const host = await startHost(o.dataDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const samples: number[] = [];
  let counted = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
    for (let r = 0; r < o.rounds; r++) {
      if (r === 0) await page.goto(host.url);
      else await page.reload();
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      const signIn = page.getByRole('form', { name: 'Masuk ke Warta' });
      await nav.or(signIn).first().waitFor();
      if (await signIn.isVisible()) {
        await signIn.getByLabel('Nama pengguna').fill(o.admin.login);
        await signIn.getByLabel('Kata sandi').fill(o.admin.password);
        await signIn.getByRole('button', { name: 'Masuk', exact: true }).click();
        await nav.waitFor();
      }
      await o.prepare?.(page);
      // A string, not a function: tsx would add helpers to a function that the page does not have.
      const res = (await page.evaluate(`new Promise((resolve) => {
        const button = [...document.querySelectorAll('nav button')].find((b) => b.textContent.trim() === ${JSON.stringify(o.section)});
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector(${JSON.stringify(o.ready)})) {
            observer.disconnect();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ms: performance.now() - t0, n: document.querySelectorAll(${JSON.stringify(o.count ?? o.ready)}).length })));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        setTimeout(() => resolve({ ms: -1, n: 0, text: document.querySelector('main')?.innerText.slice(0, 400) }), 30000);
        button.click();
      })`)) as { ms: number; n: number; text?: string };
      if (res.ms < 0) throw new Error(`${o.section}: nothing to time within 30 s: ${res.text}`);
      counted = res.n;
      if (r > 0) samples.push(res.ms);
      o.log(`  ${o.label} round ${r + 1}: ${res.ms.toFixed(0)} ms${o.count ? `, ${res.n} in the DOM` : ''}`);
    }
  } finally {
    await browser.close();
    await stopHost(host.child);
  }
  return { samples, counted };
}
