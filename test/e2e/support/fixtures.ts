import fs from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { startWartaHost, type WartaHost } from './browser-host';

/**
 * `warta`: a fresh browser-mode host per test, stopped after it whatever happened. Its data
 * folder is removed when the test passed and kept (under .tmp/e2e) for a look when it failed.
 */
export const test = base.extend<{ warta: WartaHost }>({
  // eslint-disable-next-line no-empty-pattern
  warta: async ({}, use, testInfo) => {
    const host = await startWartaHost(testInfo.title);
    try {
      await use(host);
    } finally {
      await host.stop();
      if (testInfo.status === testInfo.expectedStatus) fs.rmSync(host.dataDir, { recursive: true, force: true });
    }
  },
  // Every test also checks that the page threw nothing, broke no CSP rule and fetched nothing remote.
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.hostname !== '127.0.0.1') problems.push(`remote request: ${request.url()}`);
    });
    await use(page);
    expect(problems, 'page errors, CSP violations or remote requests').toEqual([]);
  },
});

export { expect };
