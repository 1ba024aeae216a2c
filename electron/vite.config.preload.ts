import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The preload: electron/shell/preload.ts → dist/electron/preload.cjs. CommonJS because a
 * sandboxed preload is not an ES module, and fully bundled because it may only require
 * `electron` (the sandbox has no Node module loader). Runs after the main build, so it must
 * not empty the folder.
 */
export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: path.join(root, 'electron/shell/preload.ts'),
    outDir: path.join(root, 'dist/electron'),
    emptyOutDir: false,
    target: 'chrome130',
    sourcemap: false,
    minify: false,
    rolldownOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.cjs' },
    },
  },
  ssr: {
    noExternal: true,
  },
});
