/**
 * Kontributor OPD (issue 13): a contributor's device, enrolled with a code made for OPD A, holds
 * only OPD A's requests and their history, never another OPD's, nor drafts, internal agenda
 * notes, comments or journalists' personal data. Property test across random data, with a real
 * server on 127.0.0.1 and real cores on SQLite files: after every sync, the contributor's
 * database file and its WAL are searched byte by byte for what it must not hold; a request the
 * desk moves to another OPD leaves the device; the device's own writes of another OPD's request
 * are refused by its core and, pushed anyway, by the server.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/create-core';
import { formatHlc } from '../../shared/sync/hlc';
import type { PushResult } from '../../shared/sync/protocol';
import { removeDir } from '../support/temp-dir';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

const RUNS = Number(process.env.WARTA_OPD_RUNS ?? 6);
const OPD_A = 'opd-a-dinas-kesehatan';
const OPD_B = 'opd-b-dinas-pendidikan';
const OPD_C = 'opd-c-kecamatan-utara';
const OPDS = [OPD_A, OPD_B, OPD_C];

let t: TestServer;
let ws: string;
let desk: TestDevice;
let contributor: TestDevice;
let contributorToken = '';

async function enrolContributor(device: TestDevice, opdId: string): Promise<void> {
  const code = await t.server.admin.issueCode(ws, 'opd_contributor', undefined, null, opdId);
  await device.core.invoke('sync.configure', { serverUrl: t.server.url, workspace: ws, code, deviceName: 'Laptop OPD' });
}

/** The device's database and WAL as bytes (latin1 keeps them searchable as text). */
function diskBytes(device: TestDevice): string {
  return ['', '-wal']
    .map((s) => path.join(device.dir, DATABASE_FILE + s))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');
}

/** Every attachment file the device holds. */
function blobBytes(device: TestDevice): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.startsWith(DATABASE_FILE)) out.push(fs.readFileSync(p).toString('latin1'));
    }
  };
  walk(device.dir);
  return out.join('\n');
}

beforeAll(async () => {
  t = await startTestServer();
  ws = (await t.server.admin.createWorkspace('Humas Kabupaten')).id;
  desk = openDevice();
  await enrol(desk, t.server, ws, 'administrator');
  contributor = openDevice();
  await enrolContributor(contributor, OPD_A);
  // The device's token, to push by hand what its own core refuses.
  contributorToken = contributor.engine['options'].tokenVault.load() as string;
}, 60_000);

afterAll(async () => {
  desk?.cleanup();
  contributor?.cleanup();
  await t?.close();
  if (t) removeDir(t.dir);
});

const requestArb = fc.record({
  opd: fc.constantFrom(...OPDS),
  kind: fc.constantFrom('publicity', 'press_conference', 'material'),
  status: fc.constantFrom('submitted', 'needs_info', 'accepted', 'declined'),
  history: fc.nat(3),
  /** The desk moves the request to another OPD later (a wrong OPD corrected). */
  moveTo: fc.option(fc.constantFrom(...OPDS), { nil: null }),
});

describe('a contributor device holds only its OPD’s part of the office', () => {
  it(`never receives another OPD's requests, drafts, internal notes, comments or personal data (${RUNS} runs)`, { timeout: 60_000 + RUNS * 20_000 }, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(requestArb, { minLength: 1, maxLength: 12 }), async (requests) => {
        run += 1;
        const m = desk.core.context.mutator;
        const mark = (what: string, i: number) => `${what}${run}x${i}q${crypto.randomBytes(4).toString('hex')}`;
        const mine = new Set<string>();
        const forbidden: string[] = [];
        const now = new Date().toISOString();
        requests.forEach((r, i) => {
          const title = mark(`PERMOHONAN${r.opd === OPD_A ? 'A' : 'LAIN'}`, i);
          const id = m.insert('requests', { opd_id: r.opd, kind: r.kind, channel: 'phone', title, description: `${title} uraian`, status: r.status, submitted_at: now, submitted_by: 'Humas' });
          // Its scanned letter: the file's bytes carry the title too, so a fetched blob would be found on disk.
          const file = desk.core.context.blobs.put(Buffer.from(`%PDF-1.4\n${title} surat\n%%EOF`));
          m.insert('request_attachments', { request_id: id, opd_id: r.opd, file_hash: file.hash, file_name: `${title}.pdf`, file_mime: 'application/pdf', file_size: file.size, added_by: 'Humas', added_at: now });
          for (let h = 0; h < r.history; h++) m.insert('request_history', { request_id: id, opd_id: r.opd, action: 'needs_info', status: 'needs_info', actor: 'Humas', at: now, note: `${title} catatan ${h}` });
          const finalOpd = r.moveTo ?? r.opd;
          if (r.moveTo) m.update('requests', id, { opd_id: r.moveTo });
          if (finalOpd === OPD_A) mine.add(id);
          // What ends in another OPD (or moved away from A) must not be on A's disk, except what A held before the move.
          if (r.opd !== OPD_A && finalOpd !== OPD_A) forbidden.push(title);
        });
        const draft = mark('DRAFRAHASIA', 0);
        m.insert('releases', { status: 'draft', title: draft, opd_id: OPD_A });
        const note = mark('CATATANPROTOKOL', 0);
        m.insert('agenda_events', { kind: 'internal_meeting', title: mark('RAPATINTERNAL', 0), protocol_notes: note, organiser_opd_id: OPD_A, status: 'confirmed', start_ms: Date.now(), zone: 'WIB' });
        const phone = `+62812${String(run).padStart(7, '0')}`;
        m.insert('media_journalist', { name: mark('WARTAWAN', 0), phone });
        forbidden.push(draft, note, phone);

        await desk.engine.syncNow();
        await contributor.engine.syncNow();
        expect(contributor.engine.status().state, String(contributor.engine.status().message)).toBe('up_to_date');

        const db = contributor.core.context.db;
        const held = db.prepare('SELECT id, opd_id FROM requests').all() as { id: string; opd_id: string }[];
        expect(held.every((r) => r.opd_id === OPD_A), `another OPD's request on A's device: ${JSON.stringify(held.filter((r) => r.opd_id !== OPD_A))}`).toBe(true);
        for (const id of mine) expect(held.some((r) => r.id === id), `A's own request ${id} missing`).toBe(true);
        expect(db.prepare('SELECT count(*) FROM request_history WHERE opd_id IS NOT ?').pluck().get(OPD_A)).toBe(0);
        expect(db.prepare('SELECT count(*) FROM request_attachments WHERE opd_id IS NOT ?').pluck().get(OPD_A)).toBe(0);
        expect(db.prepare('SELECT count(*) FROM requests WHERE assignee_id IS NOT NULL').pluck().get()).toBe(0);
        for (const table of ['releases', 'release_comments', 'agenda_events', 'media_journalist', 'distribution_recipients'])
          expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), `${table} on a contributor device`).toBe(0);
        // Blobs live beside the database: they are searched too.
        const bytes = diskBytes(contributor) + blobBytes(contributor);
        for (const word of forbidden) expect(bytes.includes(word), `"${word}" on the contributor's disk`).toBe(false);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it("another OPD's request named by id: the core refuses the write, the server refuses the push and says why", async () => {
    const other = desk.core.context.mutator.insert('requests', { opd_id: OPD_B, kind: 'publicity', channel: 'letter', title: 'Milik OPD B', status: 'submitted', submitted_at: new Date().toISOString() });
    await desk.engine.syncNow();
    // The core: the mutation path judges with the device's OPD.
    expect(() => contributor.core.context.mutator.write('requests', other, { status: 'withdrawn' })).toThrow(/OPD lain/);
    expect(() => contributor.core.context.mutator.insert('requests', { opd_id: OPD_B, kind: 'publicity', channel: 'app', title: 'Menyamar', status: 'submitted' })).toThrow(/OPD lain/);
    expect(() => contributor.core.context.mutator.insert('requests', { opd_id: OPD_A, kind: 'publicity', channel: 'app', title: 'Menjawab sendiri', status: 'accepted' })).toThrow(/Humas/);
    // The server, for a device that skips its core.
    const hlc = formatHlc({ ms: Date.now(), counter: 0, node: contributor.core.info.deviceId });
    const r = await fetch(`${t.server.url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${contributorToken}` },
      body: JSON.stringify({ changes: [{ hlc, table: 'requests', rowId: other, fields: { status: 'withdrawn' } }] }),
    });
    const result = (await r.json()) as PushResult;
    expect(result.refused.map((x) => [x.code, x.field])).toEqual([['wrong_state', 'opd_id']]);
    expect(result.refused[0]?.message.id).toMatch(/OPD lain/);
    expect(result.refused[0]?.message.en).toMatch(/another OPD/);
    expect((await t.store.currentRows(ws, [{ table: 'requests', rowId: other }])).values().next().value?.values.status).toBe('submitted');
  });

  it('submitted on the contributor device, answered at the desk: the reason of a refusal reaches the OPD', async () => {
    const start = Date.now() + 48 * 3_600_000;
    const sent = await contributor.core.invoke('requests.submit', {
      id: crypto.randomUUID(),
      kind: 'publicity',
      // What the form sends is ignored on a bound device: its own OPD, through the app.
      opdId: OPD_B,
      channel: 'letter',
      title: 'Posyandu keliling',
      startMs: start,
      endMs: start + 3_600_000,
    });
    expect(sent).toMatchObject({ opdId: OPD_A, channel: 'app', status: 'submitted', number: '' });
    expect((await contributor.core.call('requests.answer', { id: sent.id, action: 'accept' })).ok).toBe(false);
    const letter = Buffer.from('%PDF-1.4\nsurat permohonan peliputan Dinkes\n%%EOF').toString('base64');
    const attached = await contributor.core.invoke('requests.attach', { requestId: sent.id, fileName: 'surat.pdf', mime: 'application/pdf', base64: letter });
    await contributor.engine.syncNow();
    await desk.engine.syncNow();
    const atDesk = await desk.core.invoke('requests.get', { id: sent.id });
    expect(atDesk).toMatchObject({ opdId: OPD_A, title: 'Posyandu keliling', status: 'submitted' });
    // The scanned letter travelled with it, by hash.
    expect((await desk.core.invoke('requests.attachment', { id: attached.attachments[0]?.id as string })).base64).toBe(letter);
    await desk.core.invoke('requests.answer', { id: sent.id, action: 'decline', note: 'Tim liputan penuh pada hari itu.' });
    await desk.engine.syncNow();
    await contributor.engine.syncNow();
    const seen = await contributor.core.invoke('requests.get', { id: sent.id });
    expect(seen).toMatchObject({ status: 'declined', answer: 'Tim liputan penuh pada hari itu.' });
    expect(seen.number).toMatch(/\/PRM\//);
    expect(seen.history.map((h) => h.action)).toEqual(expect.arrayContaining(['submitted', 'numbered', 'declined']));
    // Withdrawing it now is too late; another OPD's request is not even on this device.
    expect((await contributor.core.call('requests.withdraw', { id: sent.id })).ok).toBe(false);
    const foreign = (desk.core.context.db.prepare('SELECT id FROM requests WHERE opd_id = ? LIMIT 1').pluck().get(OPD_B) as string) ?? crypto.randomUUID();
    const tried = await contributor.core.call('requests.withdraw', { id: foreign });
    expect(tried.ok ? null : tried.error.code).toBe('not_found');
  });

  it('a code for a contributor must name its OPD; other roles name none', async () => {
    await expect(t.server.admin.issueCode(ws, 'opd_contributor')).rejects.toThrow(/satu OPD/);
    await expect(t.server.admin.issueCode(ws, 'writer', undefined, null, OPD_A)).rejects.toThrow(/Hanya kode Kontributor OPD/);
    const r = await fetch(`${t.server.url}/v1/admin/codes`, { method: 'POST', body: JSON.stringify({ workspace: ws, role: 'opd_contributor', opdId: 'bukan id; DROP' }) });
    expect(r.status).toBeGreaterThanOrEqual(400);
  });
});
