/**
 * The window's Content-Security-Policy, sent as a header on every app:// response (a header
 * cannot be removed by page content, unlike a meta tag). Our own scripts only; no eval, no
 * remote anything. The renderer talks to the core over IPC, so no network origin is needed.
 * Inline styles stay allowed because the editor and React set style attributes.
 */
export function appContentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Headers every app:// response carries. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': appContentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}
