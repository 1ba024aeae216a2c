import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './shared/security/csp';

// Kept at the top level, not in renderer/: it is a Node build script, and renderer/ holds only browser code.
const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'renderer');

/**
 * The built index.html carries the renderer's one CSP (shared/security/csp.ts) as a meta tag,
 * so a page opened some other way (a file, a preview server) is as strict as when the host or
 * the Electron protocol sends it as a header. The browser-mode WebSocket is on 127.0.0.1 with
 * a port chosen per run. frame-ancestors is dropped: it only works as a header. The dev server
 * gets no meta, because React refresh needs an inline script there.
 */
function cspMetaTag(): Plugin {
  const policy = contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:*'] })
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'warta-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: here,
  // Relative asset URLs: the same build loads from Electron's custom protocol, a file, or browser mode.
  base: './',
  plugins: [react(), cspMetaTag()],
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
