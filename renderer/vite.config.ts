import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The CSP meta tag in index.html forbids inline scripts, which the dev server's React
 * refresh preamble needs. Only `vite` (serve) drops it; every build keeps it.
 */
function dropCspInDevServer(): Plugin {
  return {
    name: 'warta-drop-csp-in-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  };
}

export default defineConfig({
  root: here,
  // Relative asset URLs: the same build loads from Electron's custom protocol, a file, or browser mode.
  base: './',
  plugins: [react(), dropCspInDevServer()],
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
