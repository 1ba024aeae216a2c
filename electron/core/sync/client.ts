/** HTTP calls to the sync server (the protocol in shared/sync/protocol.ts). */
import {
  isSyncErrorBody,
  type BlobStatus,
  type EnrolResult,
  type PullResult,
  type PushResult,
  type SyncErrorCode,
  type WireChange,
} from '../../../shared/sync/protocol';
import { PUBLIC_FEED_PATH } from '../../../shared/sync/public-feed';
import { DEVICE_REPORT_PATH, type DeviceReport } from '../../../shared/sync/device-report';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer>; signal?: AbortSignal }) => Promise<Response>;

export class SyncRequestError extends Error {
  constructor(
    readonly code: SyncErrorCode | 'offline' | 'bad_response',
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'SyncRequestError';
  }
  /** Worth retrying later by itself (network, server trouble) rather than needing a person. */
  get retryable(): boolean {
    return this.code === 'offline' || this.code === 'internal' || this.code === 'bad_response' || (this.status !== null && this.status >= 500);
  }
}

export interface SyncClient {
  enrol(body: { workspace: string; code: string; deviceId: string; deviceName: string }): Promise<EnrolResult>;
  push(changes: WireChange[]): Promise<PushResult>;
  pull(after: number, maxBytes: number): Promise<PullResult>;
  blobStatus(hash: string): Promise<BlobStatus>;
  putBlobChunk(hash: string, size: number, offset: number, data: Uint8Array<ArrayBuffer>): Promise<BlobStatus>;
  getBlobChunk(hash: string, offset: number, length: number): Promise<Buffer>;
  /** The press-room feed as the server sent it, unchecked (public-feed.ts checks it); at most `maxBytes`. */
  publicFeed(maxBytes: number): Promise<unknown>;
  /** The administrator's device sync report (the server refuses other roles). */
  deviceReport(): Promise<DeviceReport>;
}

export function createSyncClient(baseUrl: string, token: () => string | null, fetchImpl: FetchLike = fetch as FetchLike, timeoutMs = 60_000): SyncClient {
  const base = baseUrl.replace(/\/+$/, '');
  async function call(method: string, path: string, body?: string | Uint8Array<ArrayBuffer>, contentType = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = {};
    const t = token();
    if (t) headers.authorization = `Bearer ${t}`;
    if (body !== undefined) headers['content-type'] = contentType;
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      // Once more at once: a kept-alive connection the server closed (restart) fails the first try.
      // Every call is safe to repeat (push is idempotent by HLC, chunk uploads check their offset).
      try {
        res = await fetchImpl(`${base}${path}`, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (err) {
        throw new SyncRequestError('offline', `Server sinkronisasi tidak dapat dihubungi (${(err as Error).message}). Akan dicoba lagi.`, null);
      }
    }
    if (!res.ok) {
      let payload: unknown = null;
      try {
        payload = await res.json();
      } catch {
        // not JSON: a proxy's error page
      }
      if (isSyncErrorBody(payload)) throw new SyncRequestError(payload.error.code, payload.error.message, res.status);
      throw new SyncRequestError(res.status >= 500 ? 'internal' : 'bad_response', `Server menjawab HTTP ${res.status}.`, res.status);
    }
    return res;
  }
  async function json<T>(res: Response): Promise<T> {
    try {
      return (await res.json()) as T;
    } catch {
      throw new SyncRequestError('bad_response', 'Jawaban server terpotong atau rusak; akan dicoba lagi.', res.status);
    }
  }
  return {
    enrol: async (body) => json<EnrolResult>(await call('POST', '/v1/enrol', JSON.stringify(body))),
    push: async (changes) => json<PushResult>(await call('POST', '/v1/push', JSON.stringify({ changes }))),
    pull: async (after, maxBytes) => json<PullResult>(await call('GET', `/v1/pull?after=${after}&maxBytes=${maxBytes}`)),
    deviceReport: async () => json<DeviceReport>(await call('GET', DEVICE_REPORT_PATH)),
    blobStatus: async (hash) => json<BlobStatus>(await call('GET', `/v1/blobs/${hash}`)),
    putBlobChunk: async (hash, size, offset, data) =>
      json<BlobStatus>(await call('PUT', `/v1/blobs/${hash}?size=${size}&offset=${offset}`, data, 'application/octet-stream')),
    publicFeed: async (maxBytes) => {
      const res = await call('GET', PUBLIC_FEED_PATH);
      const declared = Number(res.headers.get('content-length') ?? NaN);
      const tooBig = () => new SyncRequestError('bad_response', `Umpan ruang pers dari server lebih dari ${maxBytes} bita dan ditolak; umpan terakhir tetap dipakai.`, res.status);
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw tooBig();
      }
      // Counted while read: a missing or wrong content-length does not lift the bound.
      const parts: Uint8Array[] = [];
      let size = 0;
      const reader = res.body?.getReader();
      if (!reader) throw new SyncRequestError('bad_response', 'Umpan ruang pers dari server kosong dan ditolak; umpan terakhir tetap dipakai.', res.status);
      try {
        for (;;) {
          const next = await reader.read();
          if (next.done) break;
          size += next.value.length;
          if (size > maxBytes) {
            await reader.cancel();
            throw tooBig();
          }
          parts.push(next.value);
        }
      } catch (err) {
        if (err instanceof SyncRequestError) throw err;
        throw new SyncRequestError('offline', 'Sambungan putus saat menerima umpan ruang pers; akan dicoba lagi.', res.status);
      }
      try {
        return JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
      } catch {
        throw new SyncRequestError('bad_response', 'Umpan ruang pers dari server rusak atau terpotong dan ditolak; umpan terakhir tetap dipakai.', res.status);
      }
    },
    getBlobChunk: async (hash, offset, length) => Buffer.from(await (await call('GET', `/v1/blobs/${hash}/data?offset=${offset}&length=${length}`)).arrayBuffer()),
  };
}
