import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/core/**/*.test.ts', 'test/sync/**/*.test.ts'],
    environment: 'node',
    // Real SQLite files and child processes: keep the two cores of CI busy, not oversubscribed.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
