import fs from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './policy/app-origin';
import { contentTypeFor, isRouteLike, resolveAppPath } from './policy/app-path';
import { securityHeaders } from './policy/csp';
import type { Logger } from '../core/log/logger';

/**
 * Must run before `app` is ready. `standard` gives app:// a real origin (so CSP 'self' and
 * relative URLs work), `secure` makes it a secure context like https. No `bypassCSP`: our
 * own CSP header applies to it like to any web page.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer from `rendererDir` as `app://warta/…`, with the CSP on every response.
 * `printDocument` (print.ts) answers app://warta/__print/<token>.pdf: a PDF made by the core, shown
 * in the print preview window.
 */
export function serveRenderer(session: Session, rendererDir: string, logger: Logger, printDocument?: (url: string) => Uint8Array | null): void {
  const respond = (status: number, body: Uint8Array | string, contentType: string) =>
    new Response(typeof body === 'string' ? body : new Uint8Array(body), {
      status,
      headers: { ...securityHeaders(), 'content-type': contentType },
    });

  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, '', 'text/plain');
    const pdf = printDocument?.(request.url);
    if (pdf) {
      // Without the page CSP: its object-src 'none' would stop Chromium's PDF viewer. Our own bytes.
      return new Response(new Uint8Array(pdf), { status: 200, headers: { 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } });
    }
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) {
      logger.warn('shell.protocol.refused', { url: request.url.slice(0, 200) });
      return respond(403, 'Ditolak.', 'text/plain; charset=utf-8');
    }
    try {
      return respond(200, await fs.readFile(file), contentTypeFor(file));
    } catch {
      if (isRouteLike(file)) {
        // A client-side route: the app shell answers, like the browser host does.
        const index = resolveAppPath(rendererDir, `${APP_ORIGIN}/`);
        if (index) {
          try {
            return respond(200, await fs.readFile(index), contentTypeFor(index));
          } catch {
            // fall through to the message below
          }
        }
        return respond(500, 'Tampilan Warta belum dibangun: jalankan "npm run build".', 'text/plain; charset=utf-8');
      }
      return respond(404, 'Tidak ditemukan.', 'text/plain; charset=utf-8');
    }
  });
}
