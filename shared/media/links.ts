import { parseDateCell } from './dates';

/** The host of an http(s) link without "www.", lower-cased; null when it is not one. */
export function hostOf(url: string): string | null {
  const m = /^https?:\/\/([^/?#:@\s]+)(?::\d+)?(?:[/?#]|$)/i.exec(url.trim());
  if (!m || !m[1] || !m[1].includes('.')) return null;
  return m[1].toLowerCase().replace(/^www\./, '');
}

/**
 * News sites put the date in their paths: /2026/11/22/…, /read/2026/11/22/…, /20261122…,
 * /berita/2026-11-22-…. Returns YYYY-MM-DD or null.
 */
export function guessDateFromUrl(url: string): string | null {
  const path = url.replace(/^https?:\/\/[^/]+/i, '');
  const patterns = [/\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/, /(?:^|[/-])(\d{4})-(\d{2})-(\d{2})(?:[-/]|$)/, /\/(20\d{2})(\d{2})(\d{2})\d*/];
  for (const re of patterns) {
    const m = re.exec(path);
    if (m) {
      const d = parseDateCell(`${m[1]}-${m[2]}-${m[3]}`);
      if (d) return d;
    }
  }
  return null;
}
