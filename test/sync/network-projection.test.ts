/**
 * The PR network as the server projects it (issue 13 item 3), with a real server on 127.0.0.1 and
 * real cores on SQLite files: a contributor device enrolled for OPD A holds OPD A's contacts
 * (and the action items assigned to A), never another OPD's contacts, nor any meeting, wave or
 * invitation; its database file and WAL are searched byte by byte. A protocol device (staff
 * without media.personal) receives every contact without phone or e-mail. A contact moved to
 * another OPD leaves A's device. A contributor's own write is refused by its core. An erasure on
 * request leaves no old value on the contributor's disk nor in the server's file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/create-core';
import { formatHlc } from '../../shared/sync/hlc';
import type { PushResult } from '../../shared/sync/protocol';
import { SERVER_DB_FILE } from '../../server/store-sqlite';
import { removeDir } from '../support/temp-dir';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

const RUNS = Number(process.env.WARTA_NETWORK_RUNS ?? 4);
const OPD_A = 'opd-a-dinas-kesehatan';
const OPDS = [OPD_A, 'opd-b-dinas-pendidikan', 'opd-c-kecamatan-utara'];

let t: TestServer;
let ws: string;
let desk: TestDevice;
let contributor: TestDevice;
let protocol: TestDevice;

function diskBytes(device: TestDevice): string {
  return ['', '-wal']
    .map((s) => path.join(device.dir, DATABASE_FILE + s))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');
}

beforeAll(async () => {
  t = await startTestServer();
  ws = (await t.server.admin.createWorkspace('Humas Kabupaten')).id;
  desk = openDevice();
  await enrol(desk, t.server, ws, 'administrator');
  protocol = openDevice();
  await enrol(protocol, t.server, ws, 'protocol');
  contributor = openDevice();
  const code = await t.server.admin.issueCode(ws, 'opd_contributor', undefined, null, OPD_A);
  await contributor.core.invoke('sync.configure', { serverUrl: t.server.url, workspace: ws, code, deviceName: 'Laptop OPD' });
}, 60_000);

afterAll(async () => {
  for (const d of [desk, contributor, protocol]) d?.cleanup();
  await t?.close();
  if (t) removeDir(t.dir);
});

const contactArb = fc.record({ opd: fc.constantFrom(...OPDS), moveTo: fc.option(fc.constantFrom(...OPDS), { nil: null }), invited: fc.boolean(), action: fc.boolean() });

it(`a contributor of OPD A never receives OPD B's contacts, nor meetings or invitations (${RUNS} runs)`, { timeout: 60_000 + RUNS * 20_000 }, async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(contactArb, { minLength: 1, maxLength: 10 }), async (contacts) => {
      run += 1;
      const m = desk.core.context.mutator;
      const mark = (what: string, i: number) => `${what}${run}x${i}q${crypto.randomBytes(4).toString('hex')}`;
      const forbidden: string[] = [];
      const mine = new Set<string>();
      const meetingTitle = mark('RAPATJEJARING', 0);
      const meeting = m.insert('network_meetings', { kind: 'coordination', title: meetingTitle, minutes: mark('NOTULEN', 0) });
      const wave = m.insert('network_waves', { meeting_id: meeting, date: '2027-01-10', place: mark('TEMPATRAPAT', 0) });
      forbidden.push(meetingTitle);
      contacts.forEach((c, i) => {
        const name = mark(`KONTAK${c.opd === OPD_A ? 'A' : 'LAIN'}`, i);
        const phone = `+62812${String(run * 100 + i).padStart(7, '0')}`;
        const id = m.insert('network_contacts', { opd_id: c.opd, name, position: `${name} jabatan`, phone, email: `${name.toLowerCase()}@opd.go.id`, consent: 'given' });
        if (c.moveTo) m.update('network_contacts', id, { opd_id: c.moveTo });
        const finalOpd = c.moveTo ?? c.opd;
        if (finalOpd === OPD_A) mine.add(id);
        if (c.opd !== OPD_A && finalOpd !== OPD_A) forbidden.push(name, phone);
        if (c.invited) m.insert('network_invitees', { meeting_id: meeting, wave_id: wave, contact_id: id, rsvp: 'yes', present: true });
        const text = mark(`TINDAKLANJUT${c.opd === OPD_A ? 'A' : 'LAIN'}`, i);
        if (c.action) m.insert('network_actions', { meeting_id: meeting, opd_id: c.opd, text, status: 'open' });
        if (c.action && c.opd !== OPD_A) forbidden.push(text);
      });

      await desk.engine.syncNow();
      await contributor.engine.syncNow();
      await protocol.engine.syncNow();
      expect(contributor.engine.status().state, String(contributor.engine.status().message)).toBe('up_to_date');
      expect(desk.engine.status().openRefusals, "the office refused some of the desk's changes").toBe(0);

      const db = contributor.core.context.db;
      const held = db.prepare('SELECT id, opd_id, phone FROM network_contacts').all() as { id: string; opd_id: string; phone: string | null }[];
      expect(held.filter((r) => r.opd_id !== OPD_A), "another OPD's contact on A's device").toEqual([]);
      for (const id of mine) expect(held.some((r) => r.id === id), `A's own contact ${id} missing`).toBe(true);
      expect(db.prepare('SELECT count(*) FROM network_actions WHERE opd_id IS NOT ?').pluck().get(OPD_A)).toBe(0);
      for (const table of ['network_meetings', 'network_waves', 'network_invitees']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), `${table} on a contributor device`).toBe(0);
      const bytes = diskBytes(contributor);
      for (const word of forbidden) expect(bytes.includes(word), `"${word}" on the contributor's disk`).toBe(false);

      // Staff without media.personal: every contact, no phone or e-mail.
      const p = protocol.core.context.db;
      expect(p.prepare('SELECT count(*) FROM network_contacts').pluck().get()).toBe(desk.core.context.db.prepare('SELECT count(*) FROM network_contacts').pluck().get());
      expect(p.prepare('SELECT count(*) FROM network_contacts WHERE phone IS NOT NULL OR email IS NOT NULL').pluck().get()).toBe(0);
      expect(p.prepare('SELECT count(*) FROM network_invitees').pluck().get()).toBeGreaterThanOrEqual(contacts.filter((c) => c.invited).length);
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
});

it("a contributor's device may not write the network: its core refuses", () => {
  expect(() => contributor.core.context.mutator.insert('network_contacts', { opd_id: OPD_A, name: 'Menyamar' })).toThrow(/network\.manage/);
  expect(() => contributor.core.context.mutator.insert('network_actions', { meeting_id: 'm', opd_id: OPD_A, text: 'x', status: 'done' })).toThrow(/dibuat oleh Humas/);
});

it("a contributor reports its own OPD's action item done; another OPD's or any other field is refused by its core and by the server", { timeout: 60_000 }, async () => {
  const meeting = desk.core.context.mutator.insert('network_meetings', { kind: 'coordination', title: 'Rakor Kehumasan Desember' });
  const own = desk.core.context.mutator.insert('network_actions', { meeting_id: meeting, opd_id: OPD_A, text: 'Kirim jadwal imunisasi', status: 'open' });
  const other = desk.core.context.mutator.insert('network_actions', { meeting_id: meeting, opd_id: OPDS[1] as string, text: 'Kirim data PPDB', status: 'open' });
  await desk.engine.syncNow();
  await contributor.engine.syncNow();

  const reported = await contributor.core.invoke('network.actions.report', { id: own, done: true, note: 'Sudah dikirim lewat surel' });
  expect(reported).toMatchObject({ status: 'done', doneNote: 'Sudah dikirim lewat surel' });
  // Another OPD's item is not on this device's disk: the core cannot even find it.
  const missing = await contributor.core.call('network.actions.report', { id: other, done: true, note: '' });
  expect(missing.ok ? null : missing.error.code).toBe('not_found');
  expect(() => contributor.core.context.mutator.update('network_actions', own, { text: 'Diubah OPD' })).toThrow(/oleh Humas/);

  // A push that skips the core is judged the same by the server.
  const token = contributor.engine['options'].tokenVault.load() as string;
  const push = async (rowId: string, fields: Record<string, unknown>) => {
    const hlc = formatHlc({ ms: Date.now(), counter: 0, node: contributor.core.info.deviceId });
    const res = await fetch(`${t.server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ changes: [{ hlc, table: 'network_actions', rowId, fields }] }) });
    return ((await res.json()) as PushResult).refused.map((x) => [x.code, x.field]);
  };
  expect(await push(other, { status: 'done', done_by: 'Menyamar' })).toEqual([['wrong_state', 'opd_id']]);
  expect(await push(own, { text: 'Diubah OPD' })).toEqual([['field_forbidden', 'text']]);

  for (let round = 0; round < 2; round++) for (const d of [contributor, desk]) await d.engine.syncNow();
  const seen = desk.core.context.db.prepare('SELECT id, status, done_note, text FROM network_actions WHERE id IN (?, ?) ORDER BY text').all(own, other);
  expect(seen).toEqual([
    { id: other, status: 'open', done_note: null, text: 'Kirim data PPDB' },
    { id: own, status: 'done', done_note: 'Sudah dikirim lewat surel', text: 'Kirim jadwal imunisasi' },
  ]);
});

it("an erasure on request leaves no old value on the contributor's device nor in the server's file", { timeout: 60_000 }, async () => {
  // A contact of the contributor's OPD (A), made through the mutation path, erased through the core's method.
  const name = `RAHASIAKONTAK${crypto.randomBytes(4).toString('hex')}`;
  const phone = '+6281377665544';
  const id = desk.core.context.mutator.insert('network_contacts', { opd_id: OPD_A, name, position: 'Pranata Humas', phone, email: `${name.toLowerCase()}@opd.go.id`, consent: 'given' });
  await desk.engine.syncNow();
  await contributor.engine.syncNow();
  expect(contributor.core.context.db.prepare('SELECT phone FROM network_contacts WHERE id = ?').pluck().get(id)).toBe(phone);

  await desk.core.invoke('network.contacts.erase', { id, reason: 'Permintaan tertulis yang bersangkutan' });
  for (let round = 0; round < 2; round++) for (const d of [desk, contributor, protocol]) expect((await d.engine.syncNow()).state).toBe('up_to_date');
  expect(contributor.core.context.db.prepare('SELECT name, phone FROM network_contacts WHERE id = ?').get(id)).toEqual({ name: 'Dihapus atas permintaan', phone: null });
  for (const d of [desk, contributor, protocol]) for (const s of [name, phone]) expect(diskBytes(d).includes(s), `${s} left on a device`).toBe(false);
  const server = ['', '-wal']
    .map((x) => path.join(t.dir, SERVER_DB_FILE + x))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');
  for (const s of [name, phone]) expect(server.includes(s), `${s} left in the server file`).toBe(false);
});
