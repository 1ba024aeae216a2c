/**
 * Attachments travel by hash, apart from the changes that name them: uploaded in chunks before
 * the changes that refer to them are pushed (a chunk upload resumes where the server stopped
 * receiving), fetched after a pull and checked against their SHA-256 before they are kept.
 * A blob the server does not have yet stays queued for the next cycle.
 */
import crypto from 'node:crypto';
import { REPLICATED_TABLES, type ReplicatedTable } from '../../../shared/sync/replicated-tables';
import type { BlobStore } from '../data/blob-store';
import type { Change } from '../data/change';
import type { Db } from '../db/open-database';
import { SyncRequestError, type SyncClient } from './client';
import type { SyncState } from './local-tables';

export const BLOB_CHUNK = 512 * 1024;
const HASH_FIELD = /_hash$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** The blobs named by `_hash` fields of these changes. */
export function blobHashes(changes: readonly Change[]): Set<string> {
  const out = new Set<string>();
  for (const c of changes) for (const [k, v] of Object.entries(c.fields)) if (HASH_FIELD.test(k) && typeof v === 'string' && SHA256.test(v)) out.add(v);
  return out;
}

/** Uploads the blobs this device holds and the server lacks, resuming partial uploads. */
export async function uploadBlobs(client: SyncClient, blobs: BlobStore, hashes: Iterable<string>): Promise<void> {
  for (const hash of hashes) {
    if (!blobs.has(hash)) continue;
    let st = await client.blobStatus(hash);
    if (st.complete) continue;
    const data = blobs.get(hash);
    let offset = st.size === data.length ? st.received : 0;
    while (offset < data.length) {
      st = await client.putBlobChunk(hash, data.length, offset, new Uint8Array(data.subarray(offset, offset + BLOB_CHUNK)));
      if (st.received <= offset && !st.complete) throw new SyncRequestError('internal', 'Unggahan lampiran tidak maju; akan dicoba lagi.', null);
      offset = st.received;
    }
  }
}

/**
 * Fetches every blob a replicated row names that this device lacks, plus those queued before;
 * what cannot be fetched yet (not complete on the server, a wrong hash, offline) stays queued
 * in `blob_queue`.
 */
export async function fetchQueuedBlobs(db: Db, state: SyncState, client: SyncClient, blobs: BlobStore): Promise<void> {
  const queue = new Set(state.json<string[]>('blob_queue') ?? []);
  for (const table of Object.keys(REPLICATED_TABLES)) {
    const cols = Object.keys(REPLICATED_TABLES[table as ReplicatedTable].fields).filter((f) => HASH_FIELD.test(f));
    for (const col of cols)
      for (const h of db.prepare(`SELECT DISTINCT ${col} AS h FROM ${table} WHERE ${col} IS NOT NULL`).pluck().all() as string[])
        if (SHA256.test(h) && !blobs.has(h)) queue.add(h);
  }
  const left: string[] = [];
  for (const hash of queue) {
    try {
      const st = await client.blobStatus(hash);
      if (!st.complete || st.size === null) {
        left.push(hash);
        continue;
      }
      const parts: Buffer[] = [];
      for (let offset = 0; offset < st.size; offset += BLOB_CHUNK) parts.push(await client.getBlobChunk(hash, offset, BLOB_CHUNK));
      const data = Buffer.concat(parts);
      if (crypto.createHash('sha256').update(data).digest('hex') !== hash) {
        left.push(hash);
        continue;
      }
      blobs.put(data);
    } catch {
      left.push(hash);
    }
  }
  state.set('blob_queue', left.length ? JSON.stringify(left) : null);
}
