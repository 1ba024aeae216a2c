/**
 * The renderer is served from a privileged custom scheme instead of file:// so that it has a
 * real, unique origin: CSP 'self', the IPC sender check and navigation rules can all name it,
 * and no other local file is reachable from the page.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'warta';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs of our own origin (`app://warta/...`). Credentials, ports and other
 * hosts are refused: `app://warta@evil/` has host "evil", `app://evil/` is someone else.
 */
export function isAppUrl(url: unknown): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
