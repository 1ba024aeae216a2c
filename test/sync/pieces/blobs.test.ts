/** blobs.ts: which blobs a change names, resumed uploads, fetched and verified downloads, the queue. */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_CHUNK, blobHashes, fetchQueuedBlobs, uploadBlobs } from '../../../electron/core/sync/blobs';
import type { FetchLike } from '../../../electron/core/sync/client';
import { clientOf, office, stateOf, type Office } from './helpers';

let o: Office | null = null;
afterEach(async () => {
  await o?.close();
  o = null;
});

describe('blobs', () => {
  it('a change names the blobs of its `_hash` fields, only well-formed ones', () => {
    const h = 'a'.repeat(64);
    const got = blobHashes([
      { hlc: 'x', table: 'agenda_events', rowId: 'r', fields: { invitation_file_hash: h, title: 'b'.repeat(64) } },
      { hlc: 'y', table: 'office_profile', rowId: 'p', fields: { emblem_hash: 'bukan-sidik' } },
      { hlc: 'z', table: 'office_profile', rowId: 'p', fields: { emblem_hash: null } },
    ]);
    expect([...got]).toEqual([h]);
  });

  it('an upload cut off half way resumes where the server stopped receiving', async () => {
    o = await office(1);
    const [a] = o.devices as [Office['devices'][number]];
    const data = crypto.randomBytes(BLOB_CHUNK * 2 + 1000);
    const { hash } = a.core.context.blobs.put(data);
    let sent = 0;
    const counting: FetchLike = (url, init) => {
      if (init.method === 'PUT' && init.body instanceof Uint8Array) sent += init.body.length;
      return fetch(url, init);
    };
    const client = clientOf(a, o.server.server.url, counting);
    // The first chunk arrived before the connection dropped.
    await client.putBlobChunk(hash, data.length, 0, new Uint8Array(data.subarray(0, BLOB_CHUNK)));
    sent = 0;
    await uploadBlobs(client, a.core.context.blobs, [hash]);
    expect(sent).toBe(data.length - BLOB_CHUNK);
    expect(await client.blobStatus(hash)).toMatchObject({ complete: true, size: data.length });
    // A blob this device does not hold is nobody's to upload: skipped, not an error.
    await uploadBlobs(client, a.core.context.blobs, ['f'.repeat(64)]);
  });

  it('a named blob the server lacks stays queued, and is fetched and verified once it is there', async () => {
    o = await office(2);
    const [a, b] = o.devices as [Office['devices'][number], Office['devices'][number]];
    const data = crypto.randomBytes(BLOB_CHUNK + 10);
    const { hash } = a.core.context.blobs.put(data);
    const state = stateOf(b);
    state.set('blob_queue', JSON.stringify([hash]));
    const clientB = clientOf(b, o.server.server.url);
    await fetchQueuedBlobs(b.core.context.db, state, clientB, b.core.context.blobs);
    expect(state.json<string[]>('blob_queue')).toEqual([hash]);
    expect(b.core.context.blobs.has(hash)).toBe(false);
    await uploadBlobs(clientOf(a, o.server.server.url), a.core.context.blobs, [hash]);
    await fetchQueuedBlobs(b.core.context.db, state, clientB, b.core.context.blobs);
    expect(state.get('blob_queue')).toBeNull();
    expect(b.core.context.blobs.get(hash).equals(data)).toBe(true);
  });

  it('a row naming a blob puts it in the queue by itself', async () => {
    o = await office(1);
    const [a] = o.devices as [Office['devices'][number]];
    const missing = crypto.createHash('sha256').update('surat undangan').digest('hex');
    a.core.context.mutator.insert('agenda_events', { title: 'Rapat', invitation_file_hash: missing } as never);
    const state = stateOf(a);
    await fetchQueuedBlobs(a.core.context.db, state, clientOf(a, o.server.server.url), a.core.context.blobs);
    expect(state.json<string[]>('blob_queue')).toEqual([missing]);
  });
});
