/**
 * Limits of the two HTTP listeners Warta runs (the sync server and the browser-mode host), and
 * the raw answers they give when a connection breaks a rule before a request handler runs.
 * guard.ts
 * applies them to a listener; the rules and words live here once.
 */

export interface HttpLimits {
  /** Time to receive a request's headers, from the first byte (slow headers: 408). */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included (trickled body: 408). */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** How often the timeouts above are checked (Node's default is 30 s, too coarse for them). */
  checkIntervalMs: number;
  /** Total size of a request's headers (431 above it). */
  maxHeaderBytes: number;
  /** Open connections, WebSockets included; the next one gets 503 and is closed. */
  maxConnections: number;
}

/**
 * The sync server: an office has tens of devices, a province server up to about a thousand,
 * each holding one notice WebSocket; the cap leaves room for their HTTP calls beside those.
 */
export const SYNC_SERVER_LIMITS: HttpLimits = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  maxHeaderBytes: 16 * 1024,
  maxConnections: 4_000,
};

/** The browser-mode host serves one person's browser on 127.0.0.1. */
export const BROWSER_HOST_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  maxHeaderBytes: 16 * 1024,
  maxConnections: 256,
};

/** The options of Node's `http.createServer` for these limits. */
export function serverOptions(limits: HttpLimits) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
    maxHeaderSize: limits.maxHeaderBytes,
  };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  503: 'Service Unavailable',
};

export interface RawRefusal {
  status: number;
  code: string;
  message: string;
}

/** What a parser error of Node's HTTP server (the `clientError` event's `err.code`) means for the sender. */
export function clientErrorRefusal(errorCode: string | undefined): RawRefusal {
  if (errorCode === 'HPE_HEADER_OVERFLOW')
    return { status: 431, code: 'headers_too_large', message: 'Kepala permintaan (header) terlalu besar. (Request headers too large.)' };
  if (errorCode === 'ERR_HTTP_REQUEST_TIMEOUT' || errorCode === 'ERR_HTTP_HEADERS_TIMEOUT')
    return { status: 408, code: 'timeout', message: 'Permintaan terlalu lambat dikirim dan dihentikan. (Request timed out.)' };
  if (errorCode === 'HPE_URI_TOO_LONG' || errorCode === 'HPE_INVALID_URL')
    return { status: 400, code: 'bad_request', message: 'Alamat permintaan tidak sah. (Malformed request target.)' };
  return { status: 400, code: 'bad_request', message: 'Permintaan HTTP tidak sah. (Malformed HTTP request.)' };
}

export const TOO_MANY_CONNECTIONS: RawRefusal = {
  status: 503,
  code: 'busy',
  message: 'Terlalu banyak sambungan terbuka ke server ini; coba lagi sebentar lagi. (Too many open connections.)',
};

/** A complete HTTP/1.1 answer that closes the connection, with a JSON error body. */
export function rawResponse(refusal: RawRefusal, extraHeaders: Record<string, string> = {}): string {
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  const headers = Object.entries({
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(new TextEncoder().encode(body).length),
    connection: 'close',
    ...extraHeaders,
  })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return `HTTP/1.1 ${refusal.status} ${REASONS[refusal.status] ?? 'Error'}\r\n${headers}\r\n${body}`;
}
