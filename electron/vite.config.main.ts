import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron main process: electron/shell/main.ts → dist/electron/main.js (ESM, Node), and the
 * core's worker thread it starts: electron/core/worker/core-worker.ts → dist/electron/core-worker.js
 * (the relay looks for it beside main.js), and the PDF thread the core starts:
 * electron/core/features/paper/pdf-worker.ts → dist/electron/pdf-worker.js. Shared chunks sit
 * beside them too, so that `new URL('./pdf-worker.js', import.meta.url)` resolves from any of them.
 * The core and shared code are bundled in; Electron, native modules (better-sqlite3 must be
 * loaded from node_modules, rebuilt for Electron's ABI) and electron-store (which imports
 * electron itself), like electron-updater, stay external and are shipped in node_modules by electron-builder.
 */
const EXTERNAL = ['electron', 'better-sqlite3-multiple-ciphers', 'electron-store', 'electron-updater', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: path.join(root, 'dist/electron'),
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      external: (id) => EXTERNAL.includes(id) || EXTERNAL.some((e) => id.startsWith(`${e}/`)),
      input: {
        main: path.join(root, 'electron/shell/main.ts'),
        'core-worker': path.join(root, 'electron/core/worker/core-worker.ts'),
        'pdf-worker': path.join(root, 'electron/core/features/paper/pdf-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: {
    // Bundle everything else (zod, our own modules) so the packaged app needs fewer files.
    noExternal: true,
  },
});
