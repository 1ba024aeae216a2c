/**
 * Bad HTTP requests for the fuzz tests: a curated list of what broke or could break a listener
 * (malformed targets, bad percent-encoding, absolute-form URLs, oversized and broken headers,
 * tokens of odd byte lengths, bad bodies, WebSocket upgrades with all of these), then seeded
 * random mutations of valid requests up to the wanted count. Deterministic for a seed.
 */

import { pick as pickOne, seeded } from '../../scripts/demo/random';

export interface HostileRequest {
  name: string;
  bytes: Buffer;
  /**
   * `refused`: malformed at the HTTP or URL level, so any listener must answer 4xx. `any`: well
   * formed but odd (an SPA host may serve its page for it); it must only not break anything.
   */
  expect: 'refused' | 'any';
}

const CRLF = '\r\n';
const UPGRADE = `Upgrade: websocket${CRLF}Connection: Upgrade${CRLF}Sec-WebSocket-Version: 13${CRLF}Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==${CRLF}`;

/** Well-formed targets that only the sync server finds wrong (the browser host serves its page for them). */
const ODD_TARGETS = new Set(['/v1/pull?after=-1', '/v1/pull?after=99999999999999999999', '/v1/blobs/..%2F..', '/api?token=' + '%C3%A9'.repeat(40)]);
const ODD_CASES = new Set(['admin empty bearer', 'device long token', 'device multibyte token', 'no version', 'empty line flood']);

const TARGETS = [
  '//[',
  '/%E0%A4%A',
  '/%',
  '/%zz',
  '/%00',
  '/%C0%AF',
  '/%ED%A0%80',
  'http://evil.example/v1/health',
  'https://127.0.0.1/health',
  '127.0.0.1:80',
  '*',
  '//evil.example/v1/health',
  '/..%2F..%2F..%2Fetc%2Fpasswd',
  '/../../etc/passwd',
  '/v1/pull?after=%E0%A4%A',
  '/v1/pull?after=-1',
  '/v1/pull?after=99999999999999999999',
  '/v1/blobs/..%2F..',
  '/api?token=%E0%A4%A',
  '/api?token=' + '%C3%A9'.repeat(40),
  `/${'a'.repeat(5000)}`,
  '/\u00e9\u00e8',
  '/v1/notices?x=%',
];

export function curatedRequests(paths: { ws: string }): HostileRequest[] {
  const out: HostileRequest[] = [];
  const add = (name: string, text: string | Buffer, expect: HostileRequest['expect'] = 'refused') =>
    out.push({ name, bytes: Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1'), expect });
  for (const t of TARGETS) {
    add(`GET ${t.slice(0, 40)}`, `GET ${t} HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`, ODD_TARGETS.has(t) ? 'any' : 'refused');
    add(`upgrade ${t.slice(0, 40)}`, `GET ${t} HTTP/1.1${CRLF}Host: x${CRLF}${UPGRADE}Sec-WebSocket-Protocol: warta.x${CRLF}${CRLF}`);
  }
  const bigHeader = `X-Big: ${'a'.repeat(40_000)}`;
  const multibyte = Buffer.from('Bearer ééé😀\u0000x', 'utf8').toString('latin1');
  const cases: [string, string][] = [
    ['oversized header', `GET /v1/health HTTP/1.1${CRLF}Host: x${CRLF}${bigHeader}${CRLF}${CRLF}`],
    ['oversized header upgrade', `GET ${paths.ws} HTTP/1.1${CRLF}Host: x${CRLF}${UPGRADE}${bigHeader}${CRLF}${CRLF}`],
    ['many headers', `GET /v1/health HTTP/1.1${CRLF}Host: x${CRLF}${Array.from({ length: 3000 }, (_, i) => `X-${i}: y`).join(CRLF)}${CRLF}${CRLF}`],
    ['header without colon', `GET /v1/health HTTP/1.1${CRLF}Host: x${CRLF}Broken header${CRLF}${CRLF}`],
    ['bad version', `GET /v1/health HTTP/9.9${CRLF}Host: x${CRLF}${CRLF}`],
    ['no version', `GET /v1/health${CRLF}${CRLF}`],
    ['lowercase method', `get /v1/health HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`],
    ['unknown method', `BREW /v1/health HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`],
    ['CONNECT', `CONNECT 127.0.0.1:22 HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`],
    ['two content-lengths', `POST /v1/enrol HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 4${CRLF}Content-Length: 5${CRLF}${CRLF}null`],
    ['negative content-length', `POST /v1/enrol HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: -4${CRLF}${CRLF}null`],
    ['huge content-length', `POST /v1/enrol HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 99999999999${CRLF}${CRLF}null`],
    ['chunked and length', `POST /v1/enrol HTTP/1.1${CRLF}Host: x${CRLF}Transfer-Encoding: chunked${CRLF}Content-Length: 4${CRLF}${CRLF}4${CRLF}null${CRLF}0${CRLF}${CRLF}`],
    ['bad chunk size', `POST /v1/enrol HTTP/1.1${CRLF}Host: x${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}zz${CRLF}null${CRLF}0${CRLF}${CRLF}`],
    ['enrol null body', `POST /v1/enrol HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 4${CRLF}${CRLF}null`],
    ['enrol array body', `POST /v1/enrol HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 2${CRLF}${CRLF}[]`],
    ['enrol broken json', `POST /v1/enrol HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 3${CRLF}${CRLF}{"a`],
    ['admin null body', `POST /v1/admin/workspaces HTTP/1.1${CRLF}Host: x${CRLF}Authorization: Bearer ADMIN${CRLF}Content-Length: 4${CRLF}${CRLF}null`],
    ['admin string body', `POST /v1/admin/codes HTTP/1.1${CRLF}Host: x${CRLF}Authorization: Bearer ADMIN${CRLF}Content-Length: 3${CRLF}${CRLF}"x"`],
    ['admin multibyte token', `POST /v1/admin/workspaces HTTP/1.1${CRLF}Host: x${CRLF}Authorization: ${multibyte}${CRLF}Content-Length: 2${CRLF}${CRLF}{}`],
    ['admin empty bearer', `GET /v1/admin/devices HTTP/1.1${CRLF}Host: x${CRLF}Authorization: Bearer${CRLF}${CRLF}`],
    ['device multibyte token', `GET /v1/pull HTTP/1.1${CRLF}Host: x${CRLF}Authorization: ${multibyte}${CRLF}${CRLF}`],
    ['device long token', `GET /v1/pull HTTP/1.1${CRLF}Host: x${CRLF}Authorization: Bearer ${'z'.repeat(12_000)}${CRLF}${CRLF}`],
    ['upgrade multibyte protocol', `GET /v1/notices HTTP/1.1${CRLF}Host: x${CRLF}${UPGRADE}Sec-WebSocket-Protocol: warta.${multibyte}${CRLF}${CRLF}`],
    ['upgrade no key', `GET ${paths.ws} HTTP/1.1${CRLF}Host: x${CRLF}Upgrade: websocket${CRLF}Connection: Upgrade${CRLF}${CRLF}`],
    ['upgrade bad version', `GET ${paths.ws} HTTP/1.1${CRLF}Host: x${CRLF}Upgrade: websocket${CRLF}Connection: Upgrade${CRLF}Sec-WebSocket-Version: 99${CRLF}Sec-WebSocket-Key: x${CRLF}${CRLF}`],
    ['upgrade then garbage', `GET ${paths.ws}?token=${'%C3%A9'.repeat(3)} HTTP/1.1${CRLF}Host: x${CRLF}${UPGRADE}Origin: http://evil${CRLF}${CRLF}\u0000\u00ff\u0081garbage`],
    ['upgrade h2c', `GET /v1/health HTTP/1.1${CRLF}Host: x${CRLF}Upgrade: h2c${CRLF}Connection: Upgrade${CRLF}${CRLF}`],
    ['nul in request line', `GET /v1/he\u0000alth HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`],
    ['bare LF', `GET /v1/health HTTP/1.1\nHost: x\n\n`],
    ['only garbage', '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003'],
    ['empty line flood', `${CRLF.repeat(2000)}GET /v1/health HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`],
    ['pipelined bad after good', `GET /v1/health HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}GET //[ HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`],
  ];
  for (const [name, text] of cases) add(name, text, ODD_CASES.has(name) ? 'any' : 'refused');
  return out;
}

/** Valid requests with random bytes flipped, inserted or cut; seeded. */
export function mutatedRequests(seed: number, count: number, templates: string[]): HostileRequest[] {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]) => pickOne(rnd, list);
  const SPECIAL = ['%', '%E0', '[', ']', '//', '\u0000', '\r', '\n', ' ', '\u00ff', '?', '#', '%2F', '\\', ':', '@'];
  const out: HostileRequest[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = Buffer.from(pick(templates), 'latin1');
    const edits = 1 + Math.floor(rnd() * 4);
    let buf: Buffer = bytes;
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rnd() * buf.length);
      const kind = rnd();
      if (kind < 0.35) {
        buf = Buffer.from(buf);
        buf[at] = Math.floor(rnd() * 256);
      } else if (kind < 0.75) buf = Buffer.concat([buf.subarray(0, at), Buffer.from(pick(SPECIAL), 'latin1'), buf.subarray(at)]);
      else if (kind < 0.9) buf = Buffer.concat([buf.subarray(0, at), buf.subarray(Math.min(buf.length, at + 1 + Math.floor(rnd() * 8)))]);
      else buf = buf.subarray(0, at);
    }
    out.push({ name: `mutation ${i}`, bytes: buf, expect: 'any' });
  }
  return out;
}
