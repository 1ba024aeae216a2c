import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { parseRequestTarget } from '../../shared/http/request-target';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Answers 200 without a token: for monitoring and for tests that the host still serves. */
export const HEALTH_PATH = '/health';

/** Serves the built renderer; unknown paths get index.html (the app routes itself). */
export function staticHandler(root: string, headers: () => Record<string, string>): http.RequestListener {
  const rootResolved = path.resolve(root);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const target = parseRequestTarget(req.url);
    if (!target.ok) {
      res.writeHead(target.refusal.status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(target.refusal.message);
      return;
    }
    if (target.target.path === HEALTH_PATH) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end('{"ok":true}');
      return;
    }
    let file = path.resolve(rootResolved, '.' + target.target.decodedPath);
    if (!file.startsWith(rootResolved + path.sep) && file !== rootResolved) {
      res.writeHead(403).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rootResolved, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Tampilan Warta belum dibangun: jalankan "npm run build:renderer".');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers() });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  };
}
