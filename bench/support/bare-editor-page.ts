import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../../test/e2e/support/paths';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

/** Builds bench/support/bare-editor into `outDir` and serves it on 127.0.0.1 until closed. */
export async function serveBareEditor(outDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  await build({
    configFile: false,
    root: path.join(REPO_ROOT, 'bench', 'support', 'bare-editor'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  });
  const root = path.resolve(outDir);
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
