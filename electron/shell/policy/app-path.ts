import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * Maps a request to `app://warta/<path>` onto a file inside `root` (the built renderer).
 * Returns null when the request is not ours or would leave `root` — `..` segments, encoded
 * `%2f`/`%5c` separators, NUL bytes, drive letters. `/` and unknown extension-less paths
 * (client-side routes) are served index.html.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.username || url.password || url.port) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Separators or NUL that arrived percent-encoded were meant to slip past the URL parser's
  // own `..` handling; a real asset name never contains them.
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f|%5c|%00/i.test(url.pathname)) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:/.test(s))) return null;

  const rootResolved = path.resolve(root);
  const relative = segments.length === 0 ? 'index.html' : segments.join(path.sep);
  const file = path.resolve(rootResolved, relative);
  if (!file.startsWith(rootResolved + path.sep)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A path without an extension is a client-side route: the app shell (index.html) answers it. */
export function isRouteLike(file: string): boolean {
  return path.extname(file) === '';
}
