/** Reading request bodies of the sync server: bounded, complete, and JSON of the expected shape. */
import type http from 'node:http';
import { SyncHttpError } from './errors';

export async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new SyncHttpError(413, 'payload_too_large', `Kiriman terlalu besar (${declared} bita, batas ${limit}). Kirim dalam halaman lebih kecil. (Body too large.)`);
  }
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new SyncHttpError(413, 'payload_too_large', `Kiriman terlalu besar (batas ${limit} bita). (Body too large.)`);
      parts.push(chunk);
    }
  } catch (err) {
    if (err instanceof SyncHttpError) throw err;
    throw new SyncHttpError(400, 'bad_request', 'Kiriman terpotong: sambungan putus sebelum seluruh isi diterima. (Truncated body.)');
  }
  if (Number.isFinite(declared) && size !== declared) throw new SyncHttpError(400, 'bad_request', 'Kiriman terpotong. (Truncated body.)');
  return Buffer.concat(parts);
}

export function parseJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    throw new SyncHttpError(400, 'bad_request', 'Isi kiriman bukan JSON yang utuh (rusak atau terpotong). (Malformed or truncated JSON.)');
  }
}

/** A JSON object body; `null`, arrays, strings and numbers are refused with 400 rather than read as one. */
export function parseJsonObject(buf: Buffer): Record<string, unknown> {
  const value = parseJson(buf);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SyncHttpError(400, 'bad_request', 'Isi kiriman harus berupa objek JSON ({…}). (The body must be a JSON object.)');
  return value as Record<string, unknown>;
}
