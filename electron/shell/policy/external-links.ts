/**
 * Which links may leave the app for the operating system (browser, mail program), after the
 * person confirms. Everything else — javascript:, file:, data:, custom protocol handlers of
 * other programs (ms-settings:, smb: …) — could run code or open local files, so it is refused.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isAllowedExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2048) return false;
  // Control characters and whitespace inside a URL are a classic way to confuse the OS handler.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  // Credentials in a web link (`http://127.0.0.1@evil.example/`) only serve to disguise the
  // real host in the confirmation dialog.
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.hostname.length > 0;
}

/** What the confirmation dialog shows: the exact target, so the person sees where it goes. */
export function describeExternalUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'mailto:') return parsed.pathname;
  return parsed.href;
}
