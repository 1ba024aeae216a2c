import type { BrowserContext } from '@playwright/test';
import { EMBLEM_SVG } from '../../support/emblem-png';

/** Renders the emblem to PNG bytes in a scratch page (no network, no files in the repo). */
export async function emblemPng(context: BrowserContext): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.setContent(`<body style="margin:0;background:transparent">${EMBLEM_SVG}</body>`);
    return await page.locator('svg').screenshot({ omitBackground: true });
  } finally {
    await page.close();
  }
}
