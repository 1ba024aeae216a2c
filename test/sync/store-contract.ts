/**
 * The one test suite both storage adapters pass (SQLite and PostgreSQL).
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromJson } from '../../shared/releases/body-merge';
import { createPublicFeeds } from '../../server/public-feed';
import { rowKey, type CommitPlan, type Decider, type StoredChange, type SyncStore } from '../../server/store';

const hlc = (ms: number, c: number, node = 'aaaaaaaaaaaaaaaa') => `${String(ms).padStart(15, '0')}-${String(c).padStart(6, '0')}-${node}`;
const change = (ms: number, c: number, body = 'x'): StoredChange => ({
  hlc: hlc(ms, c),
  table: 'opd',
  rowId: `row-${ms}-${c}`,
  body: JSON.stringify({ hlc: hlc(ms, c), table: 'opd', rowId: `row-${ms}-${c}`, fields: { name: body } }),
});

export function storeContract(name: string, open: () => Promise<SyncStore>): void {
  describe(`sync store contract: ${name}`, () => {
    const ws = () => crypto.randomBytes(6).toString('hex');

    it('appends with consecutive sequences per workspace and dedupes by HLC', async () => {
      const store = await open();
      try {
        const a = ws();
        const b = ws();
        await store.createWorkspace(a, 'A');
        await store.createWorkspace(b, 'B');
        expect(await store.append(a, [change(1, 0), change(1, 1)])).toEqual({ accepted: 2, duplicates: 0, head: 2 });
        expect(await store.append(a, [change(1, 1), change(2, 0), change(2, 0)])).toEqual({ accepted: 1, duplicates: 2, head: 3 });
        expect(await store.append(b, [change(1, 0)])).toEqual({ accepted: 1, duplicates: 0, head: 1 });
        const page = await store.pull(a, 0, 1 << 20, 100);
        expect(page.rows.map((r) => r.seq)).toEqual([1, 2, 3]);
        expect(page.head).toBe(3);
        expect(page.more).toBe(false);
        expect(JSON.parse((page.rows[2] as { body: string }).body).hlc).toBe(hlc(2, 0));
        expect(await store.head(b)).toBe(1);
        expect([...(await store.hasChanges(a, [hlc(1, 0), hlc(9, 9)]))]).toEqual([hlc(1, 0)]);
      } finally {
        await store.close();
      }
    });

    it('pages by bytes (at least one change per page) and by count', async () => {
      const store = await open();
      try {
        const a = ws();
        await store.createWorkspace(a, 'A');
        await store.append(a, Array.from({ length: 10 }, (_, i) => change(10, i, 'y'.repeat(1000))));
        const p1 = await store.pull(a, 0, 2500, 100);
        expect(p1.rows.length).toBe(2);
        expect(p1.more).toBe(true);
        const p2 = await store.pull(a, 0, 10, 100);
        expect(p2.rows.length).toBe(1);
        const p3 = await store.pull(a, 8, 1 << 20, 100);
        expect(p3.rows.map((r) => r.seq)).toEqual([9, 10]);
        const p4 = await store.pull(a, 0, 1 << 20, 3);
        expect(p4.rows.length).toBe(3);
        expect(p4.more).toBe(true);
      } finally {
        await store.close();
      }
    });

    it('enrolment codes are single-use and expire; tokens find devices; revoke marks them', async () => {
      const store = await open();
      try {
        const a = ws();
        await store.createWorkspace(a, 'Humas');
        await store.addEnrolmentCode(a, 'code1', 'writer', Date.now() + 60_000);
        await store.addEnrolmentCode(a, 'old', 'writer', Date.now() - 1);
        const d = await store.redeemEnrolmentCode(a, 'code1', { deviceId: '0123456789abcdef', name: 'Laptop', tokenHash: `t-${a}`, proofTokenHash: null }, Date.now());
        expect(d).toMatchObject({ kind: 'new', device: { deviceId: '0123456789abcdef', role: 'writer', workspaceName: 'Humas', revoked: false } });
        expect(await store.redeemEnrolmentCode(a, 'code1', { deviceId: '1123456789abcdef', name: 'X', tokenHash: `u-${a}`, proofTokenHash: null }, Date.now())).toEqual({ refused: 'code' });
        expect(await store.redeemEnrolmentCode(a, 'old', { deviceId: '1123456789abcdef', name: 'X', tokenHash: `v-${a}`, proofTokenHash: null }, Date.now())).toEqual({ refused: 'code' });
        expect((await store.deviceByToken(`t-${a}`))?.deviceId).toBe('0123456789abcdef');
        expect(await store.revokeDevice(a, '0123456789abcdef')).toBe(true);
        expect((await store.deviceByToken(`t-${a}`))?.revoked).toBe(true);
        expect((await store.devices(a)).length).toBe(1);
      } finally {
        await store.close();
      }
    });

    it("notes each device's sync (last seen, last push, pulled to) for the administrator's report", async () => {
      const store = await open();
      try {
        const a = ws();
        await store.createWorkspace(a, 'Humas');
        await store.addEnrolmentCode(a, 'c1', 'writer', Date.now() + 60_000);
        await store.redeemEnrolmentCode(a, 'c1', { deviceId: '0123456789abcdef', name: 'Laptop', tokenHash: `n-${a}`, proofTokenHash: null }, 1_000);
        expect(await store.deviceActivity(a)).toEqual([
          { deviceId: '0123456789abcdef', name: 'Laptop', role: 'writer', opdId: null, revoked: false, enrolledAt: 1_000, lastSeenAt: null, lastPushAt: null, lastPushAccepted: 0, lastPushRefused: 0, refusedTotal: 0, pulledTo: null },
        ]);
        await store.noteDevice(a, '0123456789abcdef', { at: 5_000, push: { accepted: 3, refused: 2 } });
        await store.noteDevice(a, '0123456789abcdef', { at: 6_000, pulledTo: 40 });
        // An older pull position or time arriving late never moves the report back.
        await store.noteDevice(a, '0123456789abcdef', { at: 5_500, pulledTo: 12 });
        await store.noteDevice(a, '0123456789abcdef', { at: 7_000, push: { accepted: 1, refused: 1 } });
        expect(await store.deviceActivity(a)).toMatchObject([{ lastSeenAt: 7_000, lastPushAt: 7_000, lastPushAccepted: 1, lastPushRefused: 1, refusedTotal: 3, pulledTo: 40 }]);
        // Another workspace's notes and devices stay apart; an unknown device is a no-op.
        await store.noteDevice(ws(), '0123456789abcdef', { at: 9_000 });
        expect((await store.deviceActivity(a))[0]!.lastSeenAt).toBe(7_000);
        expect(await store.deviceActivity(ws())).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('a code never takes over a known device id: re-enrolment needs its token, or a code issued for it; revocation holds', async () => {
      const store = await open();
      try {
        const a = ws();
        const id = 'aaaabbbbccccdddd';
        await store.createWorkspace(a, 'Humas');
        for (const c of ['c1', 'c2', 'c3', 'c4', 'c5']) await store.addEnrolmentCode(a, c, c === 'c3' ? 'administrator' : 'writer', Date.now() + 60_000);
        await store.addEnrolmentCode(a, 'for-it', 'writer', Date.now() + 60_000, id);
        await store.addEnrolmentCode(a, 'for-other', 'writer', Date.now() + 60_000, 'ffffeeeeddddcccc');
        const req = (token: string, proof: string | null = null) => ({ deviceId: id, name: 'Laptop', tokenHash: `${token}-${a}`, proofTokenHash: proof === null ? null : `${proof}-${a}` });
        expect(await store.redeemEnrolmentCode(a, 'c1', req('t1'), Date.now())).toMatchObject({ kind: 'new' });
        // Another holder of a code, with this device's id and no token: refused, the code stays unused.
        expect(await store.redeemEnrolmentCode(a, 'c2', req('evil'), Date.now())).toEqual({ refused: 'device_taken' });
        expect(await store.redeemEnrolmentCode(a, 'c2', req('evil', 'wrong'), Date.now())).toEqual({ refused: 'device_taken' });
        expect((await store.deviceByToken(`t1-${a}`))?.deviceId).toBe(id);
        expect(await store.deviceByToken(`evil-${a}`)).toBeNull();
        // The device itself, proving its current token: a new role, a new token.
        expect(await store.redeemEnrolmentCode(a, 'c3', req('t2', 't1'), Date.now())).toMatchObject({ kind: 'proof', device: { role: 'administrator' } });
        expect(await store.deviceByToken(`t1-${a}`)).toBeNull();
        // Revoked: its own token is no proof any more; a code issued for it is.
        await store.revokeDevice(a, id);
        expect(await store.redeemEnrolmentCode(a, 'c4', req('t3', 't2'), Date.now())).toEqual({ refused: 'revoked' });
        expect(await store.redeemEnrolmentCode(a, 'for-other', req('t3'), Date.now())).toEqual({ refused: 'code_for_other_device' });
        expect(await store.redeemEnrolmentCode(a, 'for-it', req('t3'), Date.now())).toMatchObject({ kind: 'approved', device: { revoked: false, role: 'writer' } });
        // The unused codes still work for a new device.
        expect(await store.redeemEnrolmentCode(a, 'c2', { ...req('t9'), deviceId: '9999888877776666' }, Date.now())).toMatchObject({ kind: 'new' });
        expect((await store.devices(a)).map((d) => d.deviceId).sort()).toEqual(['9999888877776666', id]);
      } finally {
        await store.close();
      }
    });

    it('keeps the enrolment audit, newest first, per workspace', async () => {
      const store = await open();
      try {
        const a = ws();
        const b = ws();
        await store.recordEnrolmentEvent({ at: 1000, address: '10.0.0.9', workspaceId: a, deviceId: null, outcome: 'failed', reason: 'code' });
        await store.recordEnrolmentEvent({ at: 2000, address: '10.0.0.9', workspaceId: a, deviceId: 'aaaabbbbccccdddd', outcome: 'locked_out', reason: 'address' });
        await store.recordEnrolmentEvent({ at: 3000, address: '10.0.0.8', workspaceId: b, deviceId: null, outcome: 'enrolled', reason: null });
        expect(await store.enrolmentEvents(a, 10)).toEqual([
          { at: 2000, address: '10.0.0.9', workspaceId: a, deviceId: 'aaaabbbbccccdddd', outcome: 'locked_out', reason: 'address' },
          { at: 1000, address: '10.0.0.9', workspaceId: a, deviceId: null, outcome: 'failed', reason: 'code' },
        ]);
        expect((await store.enrolmentEvents(null, 1))[0]?.workspaceId).toBe(b);
      } finally {
        await store.close();
      }
    });

    it('stores blobs by chunks, resumes at the received offset, verifies the hash, reads ranges', async () => {
      const store = await open();
      try {
        const a = ws();
        await store.createWorkspace(a, 'A');
        const data = crypto.randomBytes(3000);
        const hash = crypto.createHash('sha256').update(data).digest('hex');
        const verify = async (chunks: AsyncIterable<Buffer>) => {
          const h = crypto.createHash('sha256');
          for await (const c of chunks) h.update(c);
          return h.digest('hex') === hash;
        };
        expect(await store.blobStatus(a, hash)).toEqual({ size: null, received: 0, complete: false });
        expect((await store.putBlobChunk(a, hash, 3000, 0, data.subarray(0, 1000))).received).toBe(1000);
        // A chunk at the wrong offset changes nothing (the client resumes from `received`).
        expect((await store.putBlobChunk(a, hash, 3000, 2000, data.subarray(2000))).received).toBe(1000);
        expect((await store.putBlobChunk(a, hash, 3000, 1000, data.subarray(1000))).received).toBe(3000);
        expect(await store.completeBlob(a, hash, verify)).toEqual({ size: 3000, received: 3000, complete: true });
        expect(Buffer.compare((await store.readBlob(a, hash, 500, 1000)) as Buffer, data.subarray(500, 1500))).toBe(0);
        // Wrong content under a hash is dropped.
        const bad = crypto.createHash('sha256').update('other').digest('hex');
        await store.putBlobChunk(a, bad, 5, 0, Buffer.from('hello'));
        expect(await store.completeBlob(a, bad, async (chunks) => {
          const h = crypto.createHash('sha256');
          for await (const c of chunks) h.update(c);
          return h.digest('hex') === bad;
        })).toBe('mismatch');
        expect((await store.blobStatus(a, bad)).size).toBeNull();
        expect(await store.readBlob(a, bad, 0, 5)).toBeNull();
      } finally {
        await store.close();
      }
    });

    it('concurrent appends get distinct, gap-free sequences', async () => {
      const store = await open();
      try {
        const a = ws();
        await store.createWorkspace(a, 'A');
        await Promise.all(Array.from({ length: 8 }, (_, k) => store.append(a, Array.from({ length: 25 }, (_, i) => change(100 + k, i)))));
        const page = await store.pull(a, 0, 1 << 22, 1000);
        expect(page.rows.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      } finally {
        await store.close();
      }
    });

    it('reads changes by seq and serves the public feed: published releases with their body, by the clock', async () => {
      const store = await open();
      try {
        const a = ws();
        await store.createWorkspace(a, 'A');
        let c = 0;
        const put = (table: string, rowId: string, fields: Record<string, unknown>): StoredChange => {
          const h = hlc(5000, c++);
          return { hlc: h, table, rowId, body: JSON.stringify({ hlc: h, table, rowId, fields }) };
        };
        const doc = docFromJson({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'isi terbit' }] }] });
        const update = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
        doc.destroy();
        const embargoAt = new Date(10_000).toISOString();
        await store.append(a, [
          put('releases', 'pub', { status: 'published', title: 'Terbit', approved_by: 'Editor' }),
          put('release_body_updates', 'u1', { release_id: 'pub', update_b64: update }),
          put('releases', 'draft', { status: 'draft', title: 'Draf' }),
          put('releases', 'emb', { status: 'published', title: 'Embargo', urgency: 'embargo', embargo_at: embargoAt }),
          put('agenda_events', 'ev', { title: 'Jumpa pers', kind: 'press_conference', start_ms: 9000, end_ms: 9500, press_open: true, notes: 'internal' }),
        ]);
        expect([...(await store.changesAt(a, [2, 99]))].map(([seq, body]) => [seq, (JSON.parse(body) as { rowId: string }).rowId])).toEqual([[2, 'u1']]);
        let now = 9000;
        const feeds = createPublicFeeds(store, () => now);
        const first = await feeds.build(a, { releases: true, agenda: true });
        expect(first.releases?.map((r) => r.id)).toEqual(['pub']);
        expect(JSON.stringify(first.releases?.[0]?.body)).toContain('isi terbit');
        expect(first.releases?.[0]?.fields).not.toHaveProperty('approved_by');
        expect(first.agenda?.items.map((i) => i.title)).toEqual(['Jumpa pers']);
        expect(JSON.stringify(first)).not.toContain('internal');
        now = 10_001;
        await store.append(a, [put('releases', 'pub', { status: 'withdrawn' })]);
        expect((await feeds.build(a, { releases: true, agenda: false })).releases?.map((r) => r.id)).toEqual(['emb']);
      } finally {
        await store.close();
      }
    });

    it('keeps current rows merged per field by HLC, whatever the order changes arrive in', async () => {
      const store = await open();
      try {
        const a = ws();
        await store.createWorkspace(a, 'A');
        const put = (ms: number, fields: Record<string, unknown>): StoredChange => ({ hlc: hlc(ms, 0), table: 'opd', rowId: 'r', body: JSON.stringify({ hlc: hlc(ms, 0), table: 'opd', rowId: 'r', fields }) });
        await store.append(a, [put(30, { name: 'Dinas C' }), put(10, { name: 'Dinas A', phone: '0271-1' })]);
        await store.append(a, [put(20, { name: 'Dinas B', email: 'b@contoh.example' })]);
        const rows = await store.currentRows(a, [{ table: 'opd', rowId: 'r' }, { table: 'opd', rowId: 'none' }]);
        expect(rows.get(rowKey('opd', 'r'))).toEqual({
          values: { name: 'Dinas C', phone: '0271-1', email: 'b@contoh.example' },
          clocks: { name: hlc(30, 0), phone: hlc(10, 0), email: hlc(20, 0) },
        });
        expect(rows.get(rowKey('opd', 'none'))).toBeNull();
      } finally {
        await store.close();
      }
    });

    it('a commit gives its decider the rows it asks for (in rounds) and the HLCs held, and writes only what it decides', async () => {
      const store = await open();
      try {
        const a = ws();
        await store.createWorkspace(a, 'A');
        await store.append(a, [change(1, 0, 'lama')]);
        const asked: string[][] = [];
        const decider: Decider<string> = {
          hlcs: () => [hlc(1, 0), hlc(2, 0)],
          rowsNeeded(loaded) {
            asked.push([...loaded.keys()]);
            return loaded.size === 0 ? [{ table: 'opd', rowId: 'row-1-0' }] : loaded.size === 1 ? [{ table: 'releases', rowId: 'parent' }] : [];
          },
          decide(known, rows) {
            expect([...known]).toEqual([hlc(1, 0)]);
            expect(rows.get(rowKey('opd', 'row-1-0'))?.values).toEqual({ name: 'lama' });
            expect(rows.get(rowKey('releases', 'parent'))).toBeNull();
            const c = change(2, 0, 'baru');
            const plan: CommitPlan = { log: [c], rows: new Map([[rowKey('opd', c.rowId), { table: 'opd', rowId: c.rowId, state: { values: { name: 'baru' }, clocks: { name: c.hlc } } }]]), redact: [] };
            return { plan, result: 'ok' };
          },
        };
        expect(await store.commit(a, decider)).toEqual({ head: 2, result: 'ok' });
        expect(asked).toEqual([[], [rowKey('opd', 'row-1-0')], [rowKey('opd', 'row-1-0'), rowKey('releases', 'parent')]]);
        const nothing: Decider<number> = { hlcs: () => [], rowsNeeded: () => [], decide: () => ({ plan: { log: [], rows: new Map(), redact: [] }, result: 0 }) };
        expect(await store.commit(a, nothing)).toEqual({ head: 2, result: 0 });
      } finally {
        await store.close();
      }
    });

    it('concurrent commits decide on the rows the previous one wrote (a decision is never made on stale rows)', async () => {
      const store = await open();
      try {
        const a = ws();
        await store.createWorkspace(a, 'A');
        const bump = (k: number): Decider<number> => ({
          hlcs: () => [],
          rowsNeeded: (loaded) => (loaded.size === 0 ? [{ table: 'opd', rowId: 'counter' }] : []),
          decide(_known, rows) {
            const n = Number(rows.get(rowKey('opd', 'counter'))?.values.sort_order ?? 0) + 1;
            const h = hlc(200 + n, k);
            const c: StoredChange = { hlc: h, table: 'opd', rowId: 'counter', body: JSON.stringify({ hlc: h, table: 'opd', rowId: 'counter', fields: { sort_order: n } }) };
            return { plan: { log: [c], rows: new Map([[rowKey('opd', 'counter'), { table: 'opd', rowId: 'counter', state: { values: { sort_order: n }, clocks: { sort_order: h } } }]]), redact: [] }, result: n };
          },
        });
        const got = await Promise.all(Array.from({ length: 8 }, (_, k) => store.commit(a, bump(k))));
        expect(got.map((g) => g.result).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        expect((await store.currentRows(a, [{ table: 'opd', rowId: 'counter' }])).get(rowKey('opd', 'counter'))?.values.sort_order).toBe(8);
      } finally {
        await store.close();
      }
    });

    it('an erasure redacts the erased fields from every stored change of the row but itself', async () => {
      const store = await open();
      try {
        const a = ws();
        await store.createWorkspace(a, 'A');
        const put = (ms: number, rowId: string, fields: Record<string, unknown>): StoredChange => ({
          hlc: hlc(ms, 0),
          table: 'media_journalist',
          rowId,
          body: JSON.stringify({ hlc: hlc(ms, 0), table: 'media_journalist', rowId, fields }),
        });
        await store.append(a, [put(1, 'j', { name: 'Rina Wulandari', phone: '+6281200000001', outlet_id: 'o' }), put(2, 'j', { email: 'rina@contoh.example' }), put(3, 'k', { name: 'Budi', phone: '+6281200000002' })]);
        await store.append(a, [put(4, 'j', { name: 'Dihapus atas permintaan', phone: null, email: null, erased_at: '2026-12-03T00:00:00.000Z' })]);
        const bodies = (await store.changesOfRow(a, 'media_journalist', 'j')).map((c) => c.body).join('\n');
        expect(bodies).not.toContain('Rina Wulandari');
        expect(bodies).not.toContain('+6281200000001');
        expect(bodies).not.toContain('rina@contoh.example');
        expect(bodies).toContain('"outlet_id":"o"');
        expect(bodies).toContain('Dihapus atas permintaan');
        // Other rows keep their values; the current row holds the erasure's.
        expect((await store.changesOfRow(a, 'media_journalist', 'k'))[0]?.body).toContain('+6281200000002');
        expect((await store.currentRows(a, [{ table: 'media_journalist', rowId: 'j' }])).get(rowKey('media_journalist', 'j'))?.values).toMatchObject({ name: 'Dihapus atas permintaan', phone: null, email: null, outlet_id: 'o' });
        const pulled = await store.pull(a, 0, 1 << 20, 100);
        expect(JSON.stringify(pulled.rows)).not.toContain('+6281200000001');
      } finally {
        await store.close();
      }
    });
  });
}
