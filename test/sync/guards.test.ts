/**
 * The client's guards, each through a real server on 127.0.0.1 and cores on real SQLite files:
 * rich text merged by character, conflicts kept and resolved, edits after a remote delete,
 * mass deletes that stop and ask, an older schema that defers what it does not know, stamps
 * from a clock far ahead, attachments fetched by hash, a revoked device.
 */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_FRAGMENT } from '../../shared/releases/editor-schema';
import { fieldSpec, isReplicatedTable } from '../../shared/sync/replicated-tables';
import { canonicalDump } from '../support/canonical-dump';
import { SAMPLE_PROFILE } from '../support/core-fixture';
import { tempDir } from '../support/temp-dir';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

let server: TestServer | null = null;
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) d.cleanup();
  await server?.close();
  server = null;
});

async function setup(n = 2, options: Parameters<typeof openDevice>[1] = {}) {
  server = await startTestServer();
  const ws = await server.server.admin.createWorkspace('Humas Sukamaju');
  const out: TestDevice[] = [];
  for (let i = 0; i < n; i++) {
    const d = openDevice(undefined, options);
    devices.push(d);
    out.push(d);
    await enrol(d, server.server, ws.id);
  }
  return { ws: ws.id, devs: out };
}

async function syncAll(devs: TestDevice[], rounds = 2) {
  for (let r = 0; r < rounds; r++)
    for (const d of devs) {
      const st = await d.engine.syncNow();
      expect(st.state, st.message ?? '').toBe('up_to_date');
    }
}

function textOf(json: unknown): string {
  const parts: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const node = n as { text?: string; content?: unknown[] };
    if (typeof node.text === 'string') parts.push(node.text);
    node.content?.forEach(walk);
  };
  walk(json);
  return parts.join('');
}

/** Inserts `text` at `index` of the first paragraph of the body held in `stateB64`: one Yjs update. */
function insertInFirstParagraph(stateB64: string, index: number | 'end', text: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(stateB64, 'base64'));
  const before = Y.encodeStateVector(doc);
  const p = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
  const t = p.get(0) as Y.XmlText;
  t.insert(index === 'end' ? t.length : index, text);
  return Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
}

describe('sync guards', () => {
  it('two devices editing the same release offline: both edits survive, merged by character', async () => {
    const { devs } = await setup();
    const [a, b] = devs as [TestDevice, TestDevice];
    await a.core.invoke('office.save', SAMPLE_PROFILE);
    const r = await a.core.invoke('releases.create', { title: 'Peresmian jembatan' });
    const first = await a.core.invoke('releases.get', { id: r.id });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(first.bodyState, 'base64'));
    const sv = Y.encodeStateVector(doc);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Jembatan Kalisari diresmikan.')]);
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [p]);
    await a.core.invoke('releases.appendBody', { id: r.id, update: Buffer.from(Y.encodeStateAsUpdate(doc, sv)).toString('base64') });
    await syncAll([a, b]);
    // Offline, both type into the same sentence.
    const sa = (await a.core.invoke('releases.get', { id: r.id })).bodyState;
    const sb = (await b.core.invoke('releases.get', { id: r.id })).bodyState;
    await a.core.invoke('releases.appendBody', { id: r.id, update: insertInFirstParagraph(sa, 'Jembatan '.length, 'gantung ') });
    await b.core.invoke('releases.appendBody', { id: r.id, update: insertInFirstParagraph(sb, 'Jembatan Kalisari diresmikan'.length, ' hari ini') });
    await syncAll([a, b]);
    for (const d of [a, b]) expect(textOf((await d.core.invoke('releases.get', { id: r.id })).bodyJson)).toMatch(/^Jembatan gantung Kalisari diresmikan hari ini\./);
    expect(canonicalDump(a.core.context.db)).toEqual(canonicalDump(b.core.context.db));
  });

  it('keeps the losing value of a concurrent field edit in the conflicts view; choosing it writes a new change everywhere', async () => {
    const { devs } = await setup();
    const [a, b] = devs as [TestDevice, TestDevice];
    const { id } = await a.core.invoke('opd.save', { name: 'Dinas Kominfo', abbreviation: 'Diskominfo' });
    await syncAll([a, b]);
    await a.core.invoke('opd.save', { id, name: 'Dinas Komunikasi dan Informatika', abbreviation: 'Diskominfo' });
    await new Promise((r) => setTimeout(r, 5));
    await b.core.invoke('opd.save', { id, name: 'Dinas Kominfo dan Statistik', abbreviation: 'Diskominfo' });
    await syncAll([a, b]);
    const all = [...(await a.core.invoke('sync.conflicts')), ...(await b.core.invoke('sync.conflicts'))];
    const c = all.find((x) => x.field === 'name');
    expect(c).toBeDefined();
    expect(c?.currentValue).toBe('Dinas Kominfo dan Statistik');
    expect(c?.otherValue).toBe('Dinas Komunikasi dan Informatika');
    const owner = (await a.core.invoke('sync.conflicts')).some((x) => x.id === c?.id && x.field === 'name') ? a : b;
    await owner.core.invoke('sync.resolveConflict', { id: (c as { id: number }).id, keep: 'other' });
    expect(await owner.core.invoke('sync.conflicts')).toEqual([]);
    await syncAll([a, b]);
    for (const d of [a, b]) expect(((await d.core.invoke('opd.list', {})) as { id: string; name: string }[]).find((o) => o.id === id)?.name).toBe('Dinas Komunikasi dan Informatika');
  });

  it('an edit to an item deleted elsewhere restores it for review on every device', async () => {
    const { devs } = await setup();
    const [a, b] = devs as [TestDevice, TestDevice];
    const { id } = await a.core.invoke('opd.save', { name: 'Bappeda', abbreviation: 'Bappeda' });
    await syncAll([a, b]);
    // B deletes (later by the clock) while A, offline, edits.
    await a.core.invoke('opd.save', { id, name: 'Badan Perencanaan Pembangunan Daerah', abbreviation: 'Bappeda' });
    await new Promise((r) => setTimeout(r, 5));
    await b.core.invoke('opd.delete', { id });
    await syncAll([b, a, b]);
    for (const d of [a, b]) {
      const row = d.core.context.db.prepare('SELECT name, deleted_at FROM opd WHERE id = ?').get(id) as { name: string; deleted_at: string | null };
      expect(row).toEqual({ name: 'Badan Perencanaan Pembangunan Daerah', deleted_at: null });
    }
    expect((await a.core.invoke('sync.reviews')).map((r) => [r.rowId, r.kind])).toContainEqual([id, 'restored_after_delete']);
    expect((await b.core.invoke('sync.reviews')).map((r) => r.rowId)).toContain(id);
    expect(canonicalDump(a.core.context.db)).toEqual(canonicalDump(b.core.context.db));
    // A delete nobody disputes stays a delete.
    await b.core.invoke('opd.delete', { id });
    await syncAll([a, b]);
    expect((a.core.context.db.prepare('SELECT deleted_at FROM opd WHERE id = ?').get(id) as { deleted_at: string | null }).deleted_at).not.toBeNull();
  });

  it('a pull that would delete a large share of the data stops and asks; "restore" keeps the rows', async () => {
    const { devs } = await setup(2, { sync: { deleteGuard: { share: 0.3, minimum: 5 } } });
    const [a, b] = devs as [TestDevice, TestDevice];
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await a.core.invoke('opd.save', { name: `Dinas ${i}`, abbreviation: `D${i}` })).id);
    await syncAll([a, b]);
    for (const id of ids.slice(0, 10)) await a.core.invoke('opd.delete', { id });
    // A's own push stops first: it would send deletes of 10 of 12 rows.
    let st = await a.engine.syncNow();
    expect(st.state).toBe('needs_confirmation');
    expect(st.pendingDeletes).toMatchObject({ direction: 'push', count: 10 });
    expect(st.message).toMatch(/menghapus|penghapusan/);
    st = await a.core.invoke('sync.confirmDeletes', { allow: true });
    expect(st.state, st.message ?? '').toBe('up_to_date');
    // B's pull stops before applying anything.
    st = await b.engine.syncNow();
    expect(st.state).toBe('needs_confirmation');
    expect(st.pendingDeletes).toMatchObject({ direction: 'pull', count: 10, total: 12 });
    expect((b.core.context.db.prepare('SELECT count(*) AS n FROM opd WHERE deleted_at IS NULL').get() as { n: number }).n).toBe(12);
    st = await b.core.invoke('sync.confirmDeletes', { allow: false });
    expect(st.state, st.message ?? '').toBe('up_to_date');
    expect((b.core.context.db.prepare('SELECT count(*) AS n FROM opd WHERE deleted_at IS NULL').get() as { n: number }).n).toBe(12);
    expect((await b.core.invoke('sync.reviews')).length).toBe(10);
    await syncAll([a, b]);
    expect(canonicalDump(a.core.context.db)).toEqual(canonicalDump(b.core.context.db));
  });

  it('a client on an older schema keeps the tables and fields it does not know, and applies them after upgrading', async () => {
    server = await startTestServer();
    const ws = (await server.server.admin.createWorkspace('Humas')).id;
    const a = openDevice();
    const oldDir = tempDir('sync-old');
    const older = (table: string, field: string) => isReplicatedTable(table) && fieldSpec(table, field) !== undefined && table !== 'media_outlet' && !(table === 'opd' && field === 'abbreviation');
    let b = openDevice(oldDir, { sync: { knows: older } });
    devices.push(a);
    await enrol(a, server.server, ws);
    await enrol(b, server.server, ws);
    const { id } = await a.core.invoke('opd.save', { name: 'Dinas Pariwisata', abbreviation: 'Dispar' });
    a.core.context.mutator.insert('media_outlet', { name: 'Harian Sukamaju' } as never);
    await syncAll([a, b], 1);
    const row = b.core.context.db.prepare('SELECT name, abbreviation FROM opd WHERE id = ?').get(id) as { name: string; abbreviation: string | null };
    expect(row).toEqual({ name: 'Dinas Pariwisata', abbreviation: null });
    expect((b.core.context.db.prepare('SELECT count(*) AS n FROM media_outlet').get() as { n: number }).n).toBe(0);
    expect((b.core.context.db.prepare('SELECT count(*) AS n FROM sync_deferred').get() as { n: number }).n).toBe(2);
    // "Upgrade": the same data folder opened by a client that knows the whole registry.
    await b.engine.idle();
    b.close();
    b = openDevice(oldDir);
    devices.push(b);
    expect((b.core.context.db.prepare('SELECT count(*) AS n FROM sync_deferred').get() as { n: number }).n).toBe(0);
    await syncAll([a, b]);
    expect(canonicalDump(a.core.context.db)).toEqual(canonicalDump(b.core.context.db));
  });

  it('stamps from a device whose clock is far ahead are refused with a message naming that device', async () => {
    // The server's own clock is wrong too, so it let the stamps through; the receiving device refuses them.
    server = await startTestServer({ now: () => Date.now() + 2 * 3600_000 });
    const ws = (await server.server.admin.createWorkspace('Humas')).id;
    const fast = openDevice(undefined, { clock: () => Date.now() + 2 * 3600_000 });
    const normal = openDevice();
    devices.push(fast, normal);
    await enrol(fast, server.server, ws);
    await enrol(normal, server.server, ws);
    await fast.core.invoke('opd.save', { name: 'Dinas Masa Depan', abbreviation: 'DMD' });
    await fast.engine.syncNow();
    const st = await normal.engine.syncNow();
    expect(st.state).toBe('error');
    expect(st.message).toContain(fast.core.info.deviceId);
    expect(st.message).toMatch(/menit di depan jam komputer ini/);
    expect((normal.core.context.db.prepare('SELECT count(*) AS n FROM opd').get() as { n: number }).n).toBe(0);
  });

  it('attachments travel by hash: uploaded in chunks with the change, fetched and verified on the other device', async () => {
    const { devs } = await setup();
    const [a, b] = devs as [TestDevice, TestDevice];
    const data = crypto.randomBytes(1_200_000);
    const { hash } = a.core.context.blobs.put(data);
    a.core.context.mutator.insert('agenda_events', { title: 'Rapat paripurna', invitation_file_hash: hash } as never);
    await syncAll([a, b]);
    expect(b.core.context.blobs.has(hash)).toBe(true);
    expect(b.core.context.blobs.get(hash).equals(data)).toBe(true);
  });

  it('a revoked device says so in plain words and stops', async () => {
    const { ws, devs } = await setup(1);
    const [a] = devs as [TestDevice];
    await a.core.invoke('opd.save', { name: 'Dinas Sosial', abbreviation: 'Dinsos' });
    await (server as TestServer).server.admin.revoke(ws, a.core.info.deviceId);
    const st = await a.engine.syncNow();
    expect(st.state).toBe('error');
    expect(st.message).toMatch(/dicabut/);
    expect(st.pendingChanges).toBeGreaterThan(0);
  });
});
