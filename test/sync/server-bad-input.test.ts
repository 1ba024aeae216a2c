/**
 * Bad input and access at the server, over real HTTP on 127.0.0.1: each refused with a clear
 * error and no partial write (the workspace log's head does not move).
 */
import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSyncServer } from '../../server/app';
import { MAX_CHANGES_PER_PUSH, MAX_PULL_BYTES, type RefusedChange } from '../../shared/sync/protocol';
import { removeDir } from '../support/temp-dir';
import { startTestServer, type TestServer } from './support';

let t: TestServer;
let wsA: string;
let wsB: string;

interface Dev {
  token: string;
  node: string;
}

async function enrolRaw(workspace: string, role: Parameters<TestServer['server']['admin']['issueCode']>[1]): Promise<Dev> {
  const code = await t.server.admin.issueCode(workspace, role);
  const node = crypto.randomBytes(8).toString('hex');
  const r = await fetch(`${t.server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace, code, deviceId: node, deviceName: `uji-${role}` }) });
  expect(r.status).toBe(200);
  return { token: ((await r.json()) as { token: string }).token, node };
}

const stamp = (node: string, msAhead = 0, counter = 0) => `${String(Date.now() + msAhead).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${node}`;
const opdChange = (d: Dev, counter = 0, fields: Record<string, unknown> = { name: 'Dinas Kominfo' }) => ({ hlc: stamp(d.node, 0, counter), table: 'opd', rowId: crypto.randomUUID(), fields });

async function push(d: Dev, body: unknown, raw = false) {
  const r = await fetch(`${t.server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${d.token}` }, body: raw ? (body as string) : JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as { error?: { code: string; message: string }; accepted?: number; duplicates?: number; refused?: RefusedChange[] } };
}

let admin: Dev;
let journalist: Dev;
let other: Dev;

beforeAll(async () => {
  t = await startTestServer();
  wsA = (await t.server.admin.createWorkspace('Humas A')).id;
  wsB = (await t.server.admin.createWorkspace('Humas B')).id;
  admin = await enrolRaw(wsA, 'administrator');
  journalist = await enrolRaw(wsA, 'journalist');
  other = await enrolRaw(wsB, 'administrator');
});
afterAll(async () => {
  await t.close();
  removeDir(t.dir);
});

describe('the sync server refuses bad input without a partial write', () => {
  it('malformed and truncated JSON bodies', async () => {
    const head = await t.store.head(wsA);
    const bad = await push(admin, '{"changes": [', true);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('bad_request');
    expect(bad.body.error?.message).toMatch(/JSON/);
    const full = JSON.stringify({ changes: [opdChange(admin)] });
    const cut = await push(admin, full.slice(0, full.length - 5), true);
    expect(cut.status).toBe(400);
    const shape = await push(admin, { changes: [{ hlc: 'nope', table: 'opd', rowId: 'x', fields: {} }] });
    expect(shape.status).toBe(400);
    expect(await t.store.head(wsA)).toBe(head);
  });

  it('a body cut off by the connection (declared length not reached)', async () => {
    const body = JSON.stringify({ changes: [opdChange(admin)] });
    const reply = await new Promise<string>((resolve, reject) => {
      const sock = net.connect(t.server.port, '127.0.0.1', () => {
        sock.write(`POST /v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${admin.token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 100}\r\n\r\n${body}`);
        sock.end();
      });
      let out = '';
      sock.on('data', (d) => (out += String(d)));
      sock.on('close', () => resolve(out));
      sock.on('error', reject);
      setTimeout(() => sock.destroy(), 5000);
    });
    // The server answers 400 when it still can, and in every case writes nothing.
    if (reply) expect(reply).toMatch(/400/);
    expect((await t.store.pull(wsA, 0, 1 << 20, 1000)).rows.some((r) => r.body.includes(body.slice(10, 60)))).toBe(false);
  });

  it('oversized pushes and pages', async () => {
    const many = Array.from({ length: MAX_CHANGES_PER_PUSH + 1 }, (_, i) => opdChange(admin, i));
    const r = await push(admin, { changes: many });
    expect(r.status).toBe(413);
    expect(r.body.error?.code).toBe('payload_too_large');
    const huge = await push(admin, { changes: [opdChange(admin, 0, { name: 'x'.repeat(5 * 1024 * 1024) })] });
    expect(huge.status).toBe(413);
    const page = await fetch(`${t.server.url}/v1/pull?after=0&maxBytes=${MAX_PULL_BYTES + 1}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(page.status).toBe(413);
  });

  it('a replayed push is acknowledged once and not stored twice', async () => {
    const body = { changes: [opdChange(admin, 1), opdChange(admin, 2)] };
    const first = await push(admin, body);
    expect(first.body).toMatchObject({ accepted: 2, duplicates: 0 });
    const head = await t.store.head(wsA);
    const again = await push(admin, body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await t.store.head(wsA)).toBe(head);
  });

  it('unknown table, unknown field, someone else\'s stamp: whole push refused', async () => {
    const head = await t.store.head(wsA);
    const cases: [unknown, number, string][] = [
      [{ ...opdChange(admin, 3), table: 'secret_table' }, 422, 'unknown_table'],
      [opdChange(admin, 4, { nama_baru: 'x' }), 422, 'unknown_field'],
      [{ ...opdChange(admin, 6), hlc: stamp(other.node) }, 403, 'wrong_device'],
    ];
    for (const [bad, status, code] of cases) {
      const r = await push(admin, { changes: [opdChange(admin, 7), bad] });
      expect(r.status, code).toBe(status);
      expect(r.body.error?.code).toBe(code);
    }
    expect(await t.store.head(wsA)).toBe(head);
  });

  it('an invalid value is refused change by change, with its field named; the rest of the push is stored', async () => {
    const head = await t.store.head(wsA);
    const good = opdChange(admin, 10);
    const bad = opdChange(admin, 11, { name: 42 });
    const r = await push(admin, { changes: [good, bad] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 1, refused: [{ hlc: bad.hlc, table: 'opd', field: 'name', code: 'invalid_value' }] });
    expect(r.body.refused?.[0]?.message.id).toMatch(/opd\.name tidak sah/);
    expect(r.body.refused?.[0]?.message.en).toMatch(/Invalid value for opd\.name/);
    expect(await t.store.head(wsA)).toBe(head + 1);
    expect([...(await t.store.hasChanges(wsA, [good.hlc, bad.hlc]))]).toEqual([good.hlc]);
  });

  it('a stamp far in the future is refused with a message naming the device clock', async () => {
    const head = await t.store.head(wsA);
    const r = await push(admin, { changes: [opdChange(admin, 8), { ...opdChange(admin, 9), hlc: stamp(admin.node, 3 * 3600_000) }] });
    expect(r.status).toBe(422);
    expect(r.body.error?.code).toBe('clock_ahead');
    expect(r.body.error?.message).toMatch(/Jam perangkat uji-administrator/);
    expect(r.body.error?.message).toMatch(/180 menit di depan/);
    expect(await t.store.head(wsA)).toBe(head);
  });

  it('a press-room device pushes guest-book entries but no release edits', async () => {
    const ok = await push(journalist, { changes: [{ hlc: stamp(journalist.node), table: 'guestbook_entries', rowId: crypto.randomUUID(), fields: { name: 'Wartawan' } }] });
    expect(ok.status).toBe(200);
    const head = await t.store.head(wsA);
    const r = await push(journalist, { changes: [{ hlc: stamp(journalist.node, 0, 1), table: 'releases', rowId: crypto.randomUUID(), fields: { title: 'Palsu' } }] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 0, refused: [{ table: 'releases', code: 'table_forbidden', office: { exists: false, fields: {} } }] });
    expect(r.body.refused?.[0]?.message.id).toMatch(/releases\.write/);
    expect(await t.store.head(wsA)).toBe(head);
  });

  it('tokens are bound to their workspace; codes of one workspace do not enrol into another', async () => {
    await push(other, { changes: [opdChange(other, 1)] });
    const page = (await (await fetch(`${t.server.url}/v1/pull?after=0`, { headers: { authorization: `Bearer ${other.token}` } })).json()) as { changes: { change: { hlc: string } }[] };
    expect(page.changes.every((c) => c.change.hlc.endsWith(other.node))).toBe(true);
    const code = await t.server.admin.issueCode(wsA, 'writer');
    const r = await fetch(`${t.server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace: wsB, code, deviceId: 'abcdefabcdefabcd', deviceName: 'x' }) });
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('enrol_failed');
    const unknown = await fetch(`${t.server.url}/v1/pull?after=0`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(unknown.status).toBe(401);
  });

  it('a revoked device is cut off at its next request, and its notice socket closes', async () => {
    const dev = await enrolRaw(wsA, 'writer');
    const sock = new WebSocket(`${t.server.url.replace('http', 'ws')}/v1/notices`, [`warta.${dev.token}`]);
    await new Promise((resolve, reject) => {
      sock.once('open', resolve);
      sock.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => sock.once('close', (code) => resolve(code)));
    expect(await t.server.admin.revoke(wsA, dev.node)).toBe(true);
    expect(await closed).toBe(4001);
    const r = await fetch(`${t.server.url}/v1/pull?after=0`, { headers: { authorization: `Bearer ${dev.token}` } });
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { code: string; message: string } }).error.message).toMatch(/dicabut/);
  });

  it('refuses plain HTTP on a non-loopback address unless told otherwise', async () => {
    await expect(startSyncServer({ store: t.store, host: '0.0.0.0', port: 0 })).rejects.toThrow(/HTTPS/);
  });

  it('blobs: resumable chunks, hash verified', async () => {
    const data = crypto.randomBytes(200_000);
    const hash = crypto.createHash('sha256').update(data).digest('hex');
    const put = (offset: number, part: Buffer, h = hash) =>
      fetch(`${t.server.url}/v1/blobs/${h}?size=${data.length}&offset=${offset}`, { method: 'PUT', headers: { authorization: `Bearer ${admin.token}` }, body: new Uint8Array(part) });
    expect(((await (await put(0, data.subarray(0, 100_000))).json()) as { received: number }).received).toBe(100_000);
    const st = (await (await fetch(`${t.server.url}/v1/blobs/${hash}`, { headers: { authorization: `Bearer ${admin.token}` } })).json()) as { received: number };
    expect(st.received).toBe(100_000);
    expect(((await (await put(st.received, data.subarray(st.received))).json()) as { complete: boolean }).complete).toBe(true);
    const back = Buffer.from(await (await fetch(`${t.server.url}/v1/blobs/${hash}/data?offset=0&length=200000`, { headers: { authorization: `Bearer ${admin.token}` } })).arrayBuffer());
    expect(back.equals(data)).toBe(true);
    const wrong = crypto.createHash('sha256').update('lain').digest('hex');
    const bad = await put(0, data, wrong);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('hash_mismatch');
  });
});
