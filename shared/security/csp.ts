/**
 * The one Content-Security-Policy of the renderer, for both ways it is served: the desktop
 * window (app://, talks over IPC) and browser mode (http://127.0.0.1, talks over a WebSocket,
 * so that socket's origin is added to connect-src). Sent as a header, which page content
 * cannot remove. Our own scripts only; no eval, no remote anything. Inline styles stay
 * allowed because the editor and React set style attributes.
 */
export function contentSecurityPolicy(options: { connectSrc?: string[] } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ['connect-src', "'self'", ...(options.connectSrc ?? [])].join(' '),
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Headers every response of the renderer carries, with the CSP above. */
export function securityHeaders(options: { connectSrc?: string[] } = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}
