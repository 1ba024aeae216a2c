/**
 * Desktop updates from the office server, for electron-updater's *generic* provider:
 *
 *   GET|HEAD /v1/updates/latest.yml (latest-mac.yml, latest-linux.yml, latest-linux-arm64.yml)
 *   GET|HEAD /v1/updates/<installer or .blockmap>   with single and multiple byte ranges
 *                                                   (electron-updater's differential download
 *                                                   asks for multipart/byteranges)
 *   PUT  /v1/admin/updates/<file>?version=&platform=&notes=   publish (body: the file)
 *   GET  /v1/admin/updates                                     what is published
 *
 * Only enrolled, non-revoked devices get anything under /v1/updates (the device token in
 * `Authorization: Bearer`, as the desktop sets electron-updater's `requestHeaders`); the admin
 * routes need the admin token. The checksums the devices verify are computed here at publish.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import parseRange from 'range-parser';
import { SyncHttpError } from './app';
import type { DeviceRecord } from './store';
import { openUpdateStore, UPDATE_PLATFORMS, UpdatePublishError, type UpdatePlatform, type UpdateStore } from './update-store';

/** The parts of a checked request target the routes read (server/app.ts builds it). */
export interface RequestUrl {
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
}

export const UPDATES_PATH = '/v1/updates/';
export const ADMIN_UPDATES_PATH = '/v1/admin/updates';
/** More ranges than electron-updater ever asks in one request (it sends at most 1,000); a bound for hostile clients. */
const MAX_RANGES = 2000;

export interface UpdateRoutesOptions {
  /** Folder of published installers; null: this server offers no updates (every update path answers 404 saying so). */
  dir: string | null;
  adminToken: string | null;
  log: (line: string) => void;
}

export interface UpdateRoutes {
  readonly store: UpdateStore | null;
  matches(pathname: string): boolean;
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: RequestUrl, authenticate: (req: http.IncomingMessage) => Promise<DeviceRecord>): Promise<void>;
}

function adminAllowed(req: http.IncomingMessage, expected: string | null): boolean {
  const header = req.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  return !!expected && given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Streams `[start, end]` (inclusive) of a file into the response without ending it. */
async function copyRange(file: string, start: number, end: number, res: http.ServerResponse): Promise<void> {
  await pipeline(fs.createReadStream(file, { start, end }), res, { end: false });
}

async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, file: { path: string; size: number }): Promise<void> {
  const head = req.method === 'HEAD';
  const base = { 'accept-ranges': 'bytes', 'cache-control': 'no-cache' };
  const header = req.headers.range;
  const ranges = header ? parseRange(file.size, header, { combine: false }) : -2;
  if (ranges === -1 || (Array.isArray(ranges) && ranges.length > MAX_RANGES)) {
    res.writeHead(416, { ...base, 'content-range': `bytes */${file.size}`, 'content-length': 0 });
    res.end();
    return;
  }
  // No Range header, a malformed one, or another unit: the whole file (RFC 9110 says ignore it).
  if (!Array.isArray(ranges) || ranges.type !== 'bytes') {
    res.writeHead(200, { ...base, 'content-type': 'application/octet-stream', 'content-length': file.size });
    if (head) return void res.end();
    await pipeline(fs.createReadStream(file.path), res);
    return;
  }
  if (ranges.length === 1) {
    const r = ranges[0] as parseRange.Range;
    res.writeHead(206, { ...base, 'content-type': 'application/octet-stream', 'content-range': `bytes ${r.start}-${r.end}/${file.size}`, 'content-length': r.end - r.start + 1 });
    if (head) return void res.end();
    await copyRange(file.path, r.start, r.end, res);
    res.end();
    return;
  }
  // Several ranges, in the order asked (electron-updater maps parts to its tasks by position).
  const boundary = crypto.randomBytes(12).toString('hex');
  const partHeads = ranges.map((r) => `--${boundary}\r\ncontent-type: application/octet-stream\r\ncontent-range: bytes ${r.start}-${r.end}/${file.size}\r\n\r\n`);
  const closing = `--${boundary}--\r\n`;
  const length = ranges.reduce((n, r, i) => n + Buffer.byteLength(partHeads[i] as string) + (r.end - r.start + 1) + 2, 0) + Buffer.byteLength(closing);
  res.writeHead(206, { ...base, 'content-type': `multipart/byteranges; boundary=${boundary}`, 'content-length': length });
  if (head) return void res.end();
  for (const [i, r] of ranges.entries()) {
    res.write(partHeads[i]);
    await copyRange(file.path, r.start, r.end, res);
    res.write('\r\n');
  }
  res.end(closing);
}

function noUpdates(): SyncHttpError {
  return new SyncHttpError(
    404,
    'not_found',
    'Server kantor ini belum menyediakan pembaruan aplikasi (jalankan server dengan --data-dir atau --updates-dir). (This server offers no updates.)',
  );
}

export function createUpdateRoutes(options: UpdateRoutesOptions): UpdateRoutes {
  const store = options.dir ? openUpdateStore(options.dir) : null;

  async function admin(req: http.IncomingMessage, res: http.ServerResponse, url: RequestUrl): Promise<void> {
    if (!adminAllowed(req, options.adminToken)) throw new SyncHttpError(401, 'unauthorized', 'Token administrator salah atau fitur admin tidak diaktifkan.');
    if (!store) throw noUpdates();
    const rest = url.pathname.slice(ADMIN_UPDATES_PATH.length);
    if (req.method === 'GET' && (rest === '' || rest === '/')) return sendJson(res, 200, { current: store.current() });
    if (req.method === 'PUT' && rest.startsWith('/')) {
      const name = decodeURIComponent(rest.slice(1));
      const platform = url.searchParams.get('platform');
      if (platform !== null && !(UPDATE_PLATFORMS as readonly string[]).includes(platform)) {
        req.resume();
        throw new SyncHttpError(400, 'bad_request', `Platform tidak dikenal: ${platform.slice(0, 40)}. Pilih: ${UPDATE_PLATFORMS.join(', ')}.`);
      }
      const declared = Number(req.headers['content-length'] ?? NaN);
      try {
        const result = await store.publish(name, req, {
          version: url.searchParams.get('version') ?? undefined,
          platform: (platform as UpdatePlatform | null) ?? undefined,
          notes: url.searchParams.get('notes') ?? undefined,
        });
        if ('file' in result && Number.isFinite(declared) && result.file.size !== declared)
          throw new SyncHttpError(400, 'bad_request', 'Kiriman terpotong. (Truncated body.)');
        options.log(`update published ${JSON.stringify(result)}`);
        return sendJson(res, 200, result);
      } catch (err) {
        if (err instanceof UpdatePublishError) throw new SyncHttpError(err.status, err.status === 413 ? 'payload_too_large' : 'bad_request', err.message);
        throw err;
      }
    }
    throw new SyncHttpError(404, 'not_found', 'Alamat tidak dikenal.');
  }

  return {
    store,
    matches: (p) => p.startsWith(UPDATES_PATH) || p === ADMIN_UPDATES_PATH || p.startsWith(`${ADMIN_UPDATES_PATH}/`),
    async handle(req, res, url, authenticate) {
      if (url.pathname.startsWith(ADMIN_UPDATES_PATH)) return admin(req, res, url);
      // Device first: an unknown or revoked device learns nothing, not even whether updates exist.
      await authenticate(req);
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new SyncHttpError(404, 'not_found', 'Alamat tidak dikenal.');
      if (!store) throw noUpdates();
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice(UPDATES_PATH.length));
      } catch {
        throw new SyncHttpError(400, 'bad_request', 'Nama berkas tidak sah.');
      }
      if (/^latest(-[a-z0-9-]+)?\.yml$/.test(name)) {
        const text = store.channelText(name);
        if (text === null)
          throw new SyncHttpError(404, 'not_found', `Belum ada pembaruan yang diterbitkan untuk sistem ini (${name}). (No update published for this platform.)`);
        res.writeHead(200, { 'content-type': 'text/yaml; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : text);
        return;
      }
      const file = store.file(name);
      if (!file) throw new SyncHttpError(404, 'not_found', 'Berkas pembaruan tidak ada di server. (Update file not found.)');
      await serveFile(req, res, file);
    },
  };
}
