import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium';

const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = path.resolve(here, '../../.tmp/e2e');

// Chromium writes caches and profiles under XDG folders; keep them in the ignored temp folder.
process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg-config');
process.env.XDG_CACHE_HOME = path.join(tmp, 'xdg-cache');

export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.ts',
  outputDir: path.join(tmp, 'test-results'),
  globalSetup: path.join(here, 'support/global-setup.ts'),
  // Two cores: one worker for the tests, the other for the host and Chromium.
  workers: 1,
  fullyParallel: false,
  // One retry: on two loaded cores a step can miss its timeout once; a test that fails twice
  // fails the run, and scripts/test-all.mjs names every test that needed its retry.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      env: { ...process.env, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME },
    },
  },
});
