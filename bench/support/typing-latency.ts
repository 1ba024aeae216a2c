import type { Page } from 'playwright-core';

/** The sentence typed, twice, in every typing measurement: 186 keys. */
export const TYPED = 'Warga Kalisari menyambut gembira jembatan baru yang memperpendek jarak ke sekolah dan pasar. ';

export interface TypingSamples {
  /** Event Timing keydown durations (key event to next paint), keys under 16 ms counted as 16. */
  paint: number[];
  /** keydown to the first task after the next animation frame, per key. */
  keys: number[];
  /**
   * JavaScript run for each key: the time the page's handlers (and the microtasks they queue)
   * took for its keydown, keypress, beforeinput, input and keyup, each from a capture listener on
   * the window (before the page's own) to a bubble listener on the window (after them). The
   * browser's own editing and layout are not in it; work a handler defers to a later task is not
   * either.
   */
  js: number[];
}

/**
 * After a few unmeasured keys, types TYPED twice into whatever has the focus, 40 ms between keys, and reads back two
 * measures taken in the page: Chromium's Event Timing (the measure behind INP: from the key
 * event to the next paint after its handlers ran, rounded to 8 ms, reported from 16 ms up) and
 * keydown to the first task after the next animation frame. The page script is a string so
 * that the bundler's helpers never leak into it.
 */
export async function typeAndMeasure(page: Page): Promise<TypingSamples> {
  // A few unmeasured keys first: the first key into a freshly focused editor pays one-time
  // costs (spelling, input method set-up) that are not what typing feels like.
  await page.keyboard.type('Di ', { delay: 40 });
  await page.waitForTimeout(500);
  await page.evaluate(`(() => {
    window.__keys = [];
    window.__events = [];
    window.__js = [];
    let current = null;
    for (const type of ['keydown', 'keypress', 'beforeinput', 'input', 'keyup']) {
      window.addEventListener(type, (e) => {
        if (type === 'keydown') window.__js.push((current = { ms: 0 }));
        e.__wartaStart = performance.now();
      }, true);
      window.addEventListener(type, (e) => {
        if (current && e.__wartaStart !== undefined) current.ms += performance.now() - e.__wartaStart;
      }, false);
    }
    document.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__keys.push(performance.now() - t0), 0));
    }, true);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') window.__events.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  })()`);
  await page.keyboard.type(TYPED + TYPED, { delay: 40 });
  await page.waitForTimeout(1000);
  const { keys, slow, js } = (await page.evaluate('({ keys: window.__keys, slow: window.__events, js: window.__js.map((k) => k.ms) })')) as { keys: number[]; slow: number[]; js: number[] };
  // Keydowns not reported took under 16 ms: counted as 16 (the upper bound we know).
  const paint = [...slow, ...Array.from({ length: Math.max(0, keys.length - slow.length) }, () => 16)];
  return { paint, keys, js };
}

/** Keys over 16 ms, the count that decides a p95 of 16 or 24. */
export const over16 = (s: TypingSamples) => s.paint.filter((d) => d > 16).length;
