/**
 * The request target of an HTTP request, checked before anything routes on it. Both the sync
 * server and the browser-mode host take their path and query from here, so a malformed target
 * (`//[`, `/%E0%A4%A`, `http://elsewhere/…`) is one clear 4xx instead of an exception thrown
 * by `new URL()` or `decodeURIComponent` inside a listener, which would stop the process.
 *
 * Only the origin form (`/path?query`) is accepted: neither program is a proxy, so the absolute
 * form (`http://host/path`), the authority form (`host:port`) and `*` are refused, and so is a
 * target starting with `//`, which URL parsers read as a host name.
 */

export const MAX_TARGET_LENGTH = 4096;

export interface RequestTarget {
  /** The path as sent (still percent-encoded): what routes compare against. */
  path: string;
  /** The path with percent-escapes decoded (checked: valid UTF-8, no control characters). */
  decodedPath: string;
  query: URLSearchParams;
}

export interface TargetRefusal {
  status: 400 | 414;
  message: string;
}

export type TargetResult = { ok: true; target: RequestTarget } | { ok: false; refusal: TargetRefusal };

const refuse = (status: 400 | 414, message: string): TargetResult => ({ ok: false, refusal: { status, message } });

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export function parseRequestTarget(raw: string | undefined, maxLength = MAX_TARGET_LENGTH): TargetResult {
  const target = raw ?? '/';
  if (target.length > maxLength)
    return refuse(414, `Alamat permintaan terlalu panjang (lebih dari ${maxLength} karakter). (Request target too long.)`);
  if (!target.startsWith('/') || target.startsWith('//'))
    return refuse(400, 'Alamat permintaan harus berupa jalur yang diawali satu garis miring, mis. /v1/health. (Request target must be a path.)');
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const rawQuery = q < 0 ? '' : target.slice(q + 1);
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(path);
    // The query is decoded lazily by URLSearchParams, which tolerates bad escapes; refuse them
    // here too so every part of a target follows one rule.
    decodeURIComponent(rawQuery.replace(/\+/g, ' '));
  } catch {
    return refuse(400, 'Alamat permintaan memuat kode persen yang rusak (mis. %E0%A4%A). (Malformed percent-encoding.)');
  }
  if (CONTROL.test(decodedPath)) return refuse(400, 'Alamat permintaan memuat karakter kendali. (Control character in path.)');
  return { ok: true, target: { path, decodedPath, query: new URLSearchParams(rawQuery) } };
}
