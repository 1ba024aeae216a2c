/**
 * Issue 19, "What was seen", reproduced against a real server on 127.0.0.1 and real cores:
 * 3. a writer's device pushing a release as published (and a transition row) is refused, and no
 *    press-room device's feed shows it;
 * 4. conflict and review records are shown only to callers who may read their table and field;
 * 5. a data-staff device receives journalists without their phone numbers and emails;
 * 6. after an erasure, a device enrolled later never receives the old values;
 * 11. a press-room device receives only the accounts that may unlock it, never every hash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNED_OUT } from '../../electron/core/caller';
import { DATABASE_FILE } from '../../electron/core/create-core';
import type { Role } from '../../shared/contract/permissions';
import type { PullResult, PushResult, WireChange } from '../../shared/sync/protocol';
import { actAs } from '../core/releases/helpers';
import { removeDir } from '../support/temp-dir';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

let t: TestServer;
let ws: string;
const devices: TestDevice[] = [];

interface RawDevice {
  token: string;
  node: string;
  counter: number;
}

async function enrolRaw(role: Role): Promise<RawDevice> {
  const code = await t.server.admin.issueCode(ws, role);
  const node = crypto.randomBytes(8).toString('hex');
  const r = await fetch(`${t.server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace: ws, code, deviceId: node, deviceName: role }) });
  expect(r.status).toBe(200);
  return { token: ((await r.json()) as { token: string }).token, node, counter: 0 };
}

const stamp = (d: RawDevice) => `${String(Date.now()).padStart(15, '0')}-${String(d.counter++).padStart(6, '0')}-${d.node}`;

async function push(d: RawDevice, changes: Omit<WireChange, 'hlc'>[]): Promise<PushResult> {
  const body = { changes: changes.map((c) => ({ hlc: stamp(d), ...c })) };
  const r = await fetch(`${t.server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${d.token}` }, body: JSON.stringify(body) });
  expect(r.status).toBe(200);
  return (await r.json()) as PushResult;
}

async function pullAll(d: RawDevice): Promise<PullResult['changes']> {
  const out: PullResult['changes'] = [];
  let after = 0;
  for (let i = 0; i < 100; i++) {
    const r = await fetch(`${t.server.url}/v1/pull?after=${after}`, { headers: { authorization: `Bearer ${d.token}` } });
    const page = (await r.json()) as PullResult;
    out.push(...page.changes);
    after = page.cursor;
    if (!page.more) break;
  }
  return out;
}

/** Every byte of a device's database and WAL, as text (what reached its disk). */
function diskText(dev: TestDevice): string {
  return ['', '-wal']
    .map((s) => path.join(dev.dir, DATABASE_FILE + s))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');
}

/** Nobody signed in on a machine that has accounts. */
function signOut(d: TestDevice): void {
  d.core.context.currentCaller = () => SIGNED_OUT;
}

/** A device with an administrator signed in (accounts pushed by other tests reach every device). */
function device(): TestDevice {
  const d = openDevice();
  devices.push(d);
  actAs(d.core, ['administrator'], 'Admin');
  return d;
}

beforeAll(async () => {
  t = await startTestServer();
  ws = (await t.server.admin.createWorkspace('Humas Sukamaju')).id;
});

afterAll(async () => {
  for (const d of devices) d.cleanup();
  await t.close();
  removeDir(t.dir);
});

describe('the server enforces the rulebook (seen 3)', () => {
  it("a writer's device cannot publish a release or forge its history; a press-room feed never shows it", async () => {
    const writer = await enrolRaw('writer');
    const id = crypto.randomUUID();
    const created = await push(writer, [
      { table: 'releases', rowId: id, fields: { status: 'draft', title: 'Rilis belum ditinjau', release_date: '2026-12-03' } },
      { table: 'release_transitions', rowId: crypto.randomUUID(), fields: { release_id: id, from_status: null, to_status: 'draft', actor: 'Penulis', at: new Date().toISOString() } },
    ]);
    expect(created).toMatchObject({ accepted: 2, refused: [] });

    const published = await push(writer, [{ table: 'releases', rowId: id, fields: { status: 'published' } }]);
    expect(published.accepted).toBe(0);
    expect(published.refused).toEqual([
      expect.objectContaining({ table: 'releases', rowId: id, field: 'status', code: 'wrong_state', office: { exists: true, fields: { status: { value: 'draft', hlc: expect.any(String) } } } }),
    ]);
    expect(published.refused[0]?.message.id).toMatch(/draf tidak bisa langsung menjadi terbit/);
    const stamped = await push(writer, [{ table: 'releases', rowId: id, fields: { published_at: new Date().toISOString() } }]);
    expect(stamped.refused[0]).toMatchObject({ field: 'published_at', code: 'field_forbidden' });

    // Step by step the writer may submit, but never approve, publish or number.
    expect((await push(writer, [{ table: 'releases', rowId: id, fields: { status: 'in_review' } }])).refused).toEqual([]);
    const approve = await push(writer, [{ table: 'releases', rowId: id, fields: { status: 'approved' } }]);
    expect(approve.refused[0]).toMatchObject({ field: 'status', code: 'field_forbidden' });
    expect(approve.refused[0]?.message.en).toMatch(/releases\.review/);
    const number = await push(writer, [{ table: 'releases', rowId: id, fields: { number: '001/Humas/2026' } }]);
    expect(number.refused[0]).toMatchObject({ field: 'number', code: 'field_forbidden' });
    // A transition row must be a step the device may make, from where the release stands.
    const forged = await push(writer, [
      { table: 'release_transitions', rowId: crypto.randomUUID(), fields: { release_id: id, from_status: 'approved', to_status: 'published', actor: 'Editor', at: new Date().toISOString() } },
      { table: 'release_transitions', rowId: crypto.randomUUID(), fields: { release_id: id, from_status: 'in_review', to_status: 'approved', actor: 'Editor', at: new Date().toISOString() } },
    ]);
    expect(forged.refused.map((r) => r.code)).toEqual(['field_forbidden', 'field_forbidden']);
    // History rows are never rewritten.
    const history = created.head; // the transition row above
    const [transition] = (await pullAll(writer)).filter((c) => c.change.table === 'release_transitions');
    const rewrite = await push(writer, [{ table: 'release_transitions', rowId: transition?.change.rowId as string, fields: { to_status: 'approved' } }]);
    expect(rewrite.refused[0]).toMatchObject({ code: 'history' });
    expect(history).toBeGreaterThan(0);

    const press = await enrolRaw('journalist');
    const feed = (await (await fetch(`${t.server.url}/v1/public-feed`, { headers: { authorization: `Bearer ${press.token}` } })).json()) as { releases: unknown[] };
    expect(feed.releases).toEqual([]);
    const [row] = (await t.store.currentRows(ws, [{ table: 'releases', rowId: id }])).values();
    expect(row?.values.status).toBe('in_review');
  });

  it('an editor device may approve and publish the same release, with its transition rows', async () => {
    const editor = await enrolRaw('editor');
    const id = crypto.randomUUID();
    const at = new Date().toISOString();
    const tr = (from: string | null, to: string) => ({ table: 'release_transitions', rowId: crypto.randomUUID(), fields: { release_id: id, from_status: from, to_status: to, actor: 'Editor', at } });
    // As a device's log delivers it: intermediate statuses overwritten, every transition row kept.
    const r = await push(editor, [
      { table: 'releases', rowId: id, fields: { title: 'Rilis terbit', release_date: '2026-12-03' } },
      tr(null, 'draft'),
      tr('draft', 'in_review'),
      { table: 'releases', rowId: id, fields: { number: '002/Humas/2026', number_year: 2026, number_seq: 2, approved_at: at, approved_by: 'Editor' } },
      tr('in_review', 'approved'),
      { table: 'releases', rowId: id, fields: { status: 'published', published_at: at, published_by: 'Editor' } },
      tr('approved', 'published'),
    ]);
    expect(r.refused).toEqual([]);
    expect(r.accepted).toBe(7);
  });
});

describe('conflict and review records follow the read rules (seen 4)', () => {
  it('a signed-out caller and a data-staff person see no journalist phone in conflicts; reviews need the table', async () => {
    const a = device();
    const b = device();
    await enrol(a, t.server, ws);
    await enrol(b, t.server, ws);
    const outlet = await a.core.invoke('media.outlets.save', { name: 'Harian Sukamaju', kind: 'print' } as never);
    const j = await a.core.invoke('media.journalists.save', { outletId: outlet.id, name: 'Rina Wulandari', dataSource: 'Formulir akreditasi liputan', consent: 'given', personal: { phone: '081234500001', whatsapp: '', email: 'rina@contoh.example', ukwNumber: '', pressCardNo: '' } } as never);
    await a.engine.syncNow();
    await b.engine.syncNow();
    // Both change the phone before either syncs: b keeps the losing value as a conflict.
    await b.core.invoke('media.journalists.save', { id: j.id, outletId: outlet.id, name: 'Rina Wulandari', dataSource: 'Formulir akreditasi liputan', consent: 'given', personal: { phone: '081299900002', whatsapp: '', email: 'rina@contoh.example', ukwNumber: '', pressCardNo: '' } } as never);
    await a.core.invoke('media.journalists.save', { id: j.id, outletId: outlet.id, name: 'Rina Wulandari', dataSource: 'Formulir akreditasi liputan', consent: 'given', personal: { phone: '081277700003', whatsapp: '', email: 'rina@contoh.example', ukwNumber: '', pressCardNo: '' } } as never);
    await a.engine.syncNow();
    await b.engine.syncNow();
    const all = await b.core.invoke('sync.conflicts');
    expect(all.some((c) => c.table === 'media_journalist' && c.field === 'phone')).toBe(true);

    signOut(b);
    expect(await b.core.invoke('sync.conflicts')).toEqual([]);
    const conflict = all.find((c) => c.field === 'phone');
    await expect(b.core.invoke('sync.resolveConflict', { id: conflict?.id as number, keep: 'other' })).rejects.toMatchObject({ code: 'not_found' });
    actAs(b.core, ['data_staff']);
    expect(JSON.stringify(await b.core.invoke('sync.conflicts'))).not.toMatch(/0812/);
    actAs(b.core, ['media_cooperation']);
    expect((await b.core.invoke('sync.conflicts')).some((c) => c.field === 'phone')).toBe(true);

    b.core.context.db.prepare("INSERT INTO sync_reviews (table_name, row_id, kind, detected_at) VALUES ('media_journalist', ?, 'restored_after_delete', ?)").run(j.id, new Date().toISOString());
    const review = (await b.core.invoke('sync.reviews'))[0];
    expect(review?.table).toBe('media_journalist');
    signOut(b);
    expect(await b.core.invoke('sync.reviews')).toEqual([]);
    await expect(b.core.invoke('sync.closeReview', { id: review?.id as number })).rejects.toMatchObject({ code: 'not_found' });
    actAs(b.core, ['data_staff']);
    await expect(b.core.invoke('sync.closeReview', { id: review?.id as number })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('pulls are projections (seen 5, 11)', () => {
  it("a data-staff device receives journalists without phone numbers and emails, on its disk too", async () => {
    const admin = device();
    await enrol(admin, t.server, ws);
    const outlet = await admin.core.invoke('media.outlets.save', { name: 'Radio Suara Kota', kind: 'radio' } as never);
    await admin.core.invoke('media.journalists.save', { outletId: outlet.id, name: 'Budi Hartono', dataSource: 'Formulir akreditasi liputan', consent: 'given', personal: { phone: '081355500077', whatsapp: '081355500078', email: 'budi.hartono@contoh.example', ukwNumber: 'UKW-9911', pressCardNo: 'PC-7788' } } as never);
    expect((await admin.engine.syncNow()).state).toBe('up_to_date');

    const staff = device();
    await enrol(staff, t.server, ws, 'data_staff');
    expect((await staff.engine.syncNow()).state).toBe('up_to_date');
    const row = staff.core.context.db.prepare("SELECT name, phone, whatsapp, email, ukw_number, press_card_no FROM media_journalist WHERE name = 'Budi Hartono'").get();
    expect(row).toEqual({ name: 'Budi Hartono', phone: null, whatsapp: null, email: null, ukw_number: null, press_card_no: null });
    staff.core.context.db.pragma('wal_checkpoint(TRUNCATE)');
    const disk = diskText(staff);
    for (const secret of ['081355500077', '6281355500077', 'budi.hartono@contoh.example', 'UKW-9911', 'PC-7788']) expect(disk, secret).not.toContain(secret);
    // Recipients carry addresses: the table never reaches this role.
    const raw = await enrolRaw('data_staff');
    expect((await pullAll(raw)).some((c) => c.change.table.startsWith('distribution'))).toBe(false);
  });

  it('a press-room device receives the accounts that may unlock it (sign-in fields only), never every hash', async () => {
    const admin = await enrolRaw('administrator');
    const boss = crypto.randomUUID();
    const writer = crypto.randomUUID();
    const account = (roles: Role[], login: string) => ({ name: login, login, roles, active: true, phone: '0811000111', email: `${login}@contoh.example`, position: 'Staf', password_hash: `scrypt$17$8$1$salt-${login}$hash-${login}` });
    expect((await push(admin, [
      { table: 'staff_accounts', rowId: boss, fields: account(['administrator'], 'kepala') },
      { table: 'staff_accounts', rowId: writer, fields: account(['writer'], 'penulis') },
    ])).refused).toEqual([]);

    const press = await enrolRaw('journalist');
    const got = (await pullAll(press)).filter((c) => c.change.table === 'staff_accounts');
    expect(new Set(got.map((c) => c.change.rowId))).toEqual(new Set([boss]));
    const fields = Object.assign({}, ...got.map((c) => c.change.fields)) as Record<string, unknown>;
    expect(fields.password_hash).toBe('scrypt$17$8$1$salt-kepala$hash-kepala');
    expect(fields).not.toHaveProperty('phone');
    expect(fields).not.toHaveProperty('email');

    const staff = await enrolRaw('writer');
    const staffGot = (await pullAll(staff)).filter((c) => c.change.table === 'staff_accounts');
    expect(new Set(staffGot.map((c) => c.change.rowId))).toEqual(new Set([boss, writer]));

    // The administrator is deactivated: the press-room device is told to forget the account.
    await push(admin, [{ table: 'staff_accounts', rowId: boss, fields: { active: false } }]);
    const head = await t.store.head(ws);
    const r = await fetch(`${t.server.url}/v1/pull?after=${head - 1}`, { headers: { authorization: `Bearer ${press.token}` } });
    const page = (await r.json()) as PullResult;
    expect(page.changes).toEqual([]);
    expect(page.forget).toEqual([{ table: 'staff_accounts', rowId: boss }]);
  });
});

describe('erasure reaches the server (seen 6)', () => {
  it('after an erase, a device enrolled later never receives the old phone and email', async () => {
    const admin = device();
    await enrol(admin, t.server, ws);
    const outlet = await admin.core.invoke('media.outlets.save', { name: 'Kabar Sukamaju', kind: 'online' } as never);
    const j = await admin.core.invoke('media.journalists.save', { outletId: outlet.id, name: 'Sari Lestari', dataSource: 'Formulir akreditasi liputan', consent: 'given', personal: { phone: '081388800011', whatsapp: '', email: 'sari.lestari@contoh.example', ukwNumber: '', pressCardNo: '' } } as never);
    expect((await admin.engine.syncNow()).state).toBe('up_to_date');
    await admin.core.invoke('media.journalists.erase', { id: j.id, reason: 'Permintaan tertulis' } as never);
    expect((await admin.engine.syncNow()).state).toBe('up_to_date');

    for (const c of await t.store.changesOfRow(ws, 'media_journalist', j.id)) {
      expect(c.body).not.toContain('081388800011');
      expect(c.body).not.toContain('sari.lestari@contoh.example');
      expect(c.body).not.toContain('Sari Lestari');
    }
    const later = await enrolRaw('administrator');
    const text = JSON.stringify(await pullAll(later));
    expect(text).not.toContain('081388800011');
    expect(text).not.toContain('sari.lestari@contoh.example');
    expect(text).not.toContain('Sari Lestari');
    expect(text).toContain('Dihapus atas permintaan');
  });
});
