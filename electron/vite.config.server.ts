import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The office sync server as the desktop app hosts it: server/main.ts → dist/server/main.js
 * (ESM, Node). The app's own binary runs it with `--warta-sync-server` as a child process
 * (electron/shell/sync-server-launch.ts). Native better-sqlite3 and the PostgreSQL client
 * (with its optional native binding) stay external and come from node_modules, like the main
 * bundle's; everything else is bundled.
 */
const EXTERNAL = ['better-sqlite3-multiple-ciphers', 'pg', 'pg-native', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: path.join(root, 'server/main.ts'),
    outDir: path.join(root, 'dist/server'),
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      external: (id) => EXTERNAL.includes(id) || EXTERNAL.some((e) => id.startsWith(`${e}/`)),
      output: { format: 'es', entryFileNames: 'main.js' },
    },
  },
  ssr: {
    noExternal: true,
  },
});
