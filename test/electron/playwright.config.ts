import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = path.resolve(here, '../../.tmp/electron');

// Electron (Chromium) writes caches under XDG folders; keep them in the ignored temp folder.
process.env.XDG_CONFIG_HOME = path.join(tmp, 'xdg-config');
process.env.XDG_CACHE_HOME = path.join(tmp, 'xdg-cache');

/**
 * The Electron tier (architecture.md, Tests): runs only where the Electron binary is
 * installed; elsewhere every test reports itself skipped and the run exits 0.
 */
export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.ts',
  outputDir: path.join(tmp, 'test-results'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
