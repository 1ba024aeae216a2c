import { test as base, expect } from '@playwright/test';
import { startWartaHost, type WartaHost } from './browser-host';

/** `warta`: a fresh browser-mode host per test, stopped after it whatever happened. */
export const test = base.extend<{ warta: WartaHost }>({
  // eslint-disable-next-line no-empty-pattern
  warta: async ({}, use, testInfo) => {
    const host = await startWartaHost(testInfo.title);
    try {
      await use(host);
    } finally {
      await host.stop();
    }
  },
});

export { expect };
