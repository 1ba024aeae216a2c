/**
 * The public desk through a real server on 127.0.0.1 (issue 14): the desk disposes one complaint
 * to two OPDs; each OPD's contributor device receives only its own part (never the item, the
 * reporter's name or contact, another OPD's part, nor an item not disposed to it), answers it
 * with text and a photo or asks for more time; the desk sees both answers and the photo. A
 * contributor that names another OPD's part is refused by its core and, pushed anyway, by the
 * server. An overdue item escalates once and the escalation reaches the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/sync/hlc';
import type { PushResult } from '../../shared/sync/protocol';
import { findDeskReminders } from '../../electron/core/features/publicdesk/reminders';
import { removeDir } from '../support/temp-dir';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

let t: TestServer;
let ws: string;
let desk: TestDevice;
let devA: TestDevice;
let devB: TestDevice;
let opdA = '';
let opdB = '';
let opdC = '';

async function enrolContributor(device: TestDevice, opdId: string): Promise<void> {
  const code = await t.server.admin.issueCode(ws, 'opd_contributor', undefined, null, opdId);
  await device.core.invoke('sync.configure', { serverUrl: t.server.url, workspace: ws, code, deviceName: 'Laptop OPD' });
}

function diskBytes(device: TestDevice): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(fs.readFileSync(p).toString('latin1'));
    }
  };
  walk(device.dir);
  return out.join('\n');
}

const syncAll = async () => {
  for (const d of [desk, devA, devB, desk]) await d.engine.syncNow();
};

beforeAll(async () => {
  t = await startTestServer();
  ws = (await t.server.admin.createWorkspace('Humas Kabupaten')).id;
  desk = openDevice();
  await enrol(desk, t.server, ws, 'administrator');
  opdA = (await desk.core.invoke('opd.save', { name: 'Dinas Pekerjaan Umum', abbreviation: 'DPU' })).id;
  opdB = (await desk.core.invoke('opd.save', { name: 'Dinas Perhubungan', abbreviation: 'Dishub' })).id;
  opdC = (await desk.core.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' })).id;
  devA = openDevice();
  await enrolContributor(devA, opdA);
  devB = openDevice();
  await enrolContributor(devB, opdB);
}, 90_000);

afterAll(async () => {
  for (const d of [desk, devA, devB]) d?.cleanup();
  await t?.close();
  if (t) removeDir(t.dir);
});

const receive = (over: Record<string, unknown>) =>
  desk.core.invoke('publicdesk.receive', {
    id: crypto.randomUUID(),
    kind: 'complaint',
    channel: 'x',
    postUrl: 'https://x.com/warga/status/42',
    personName: 'Rahmat Hidayat',
    personPhone: '0813 9876 5432',
    consent: true,
    body: 'Lampu lalu lintas mati dan jalan berlubang di simpang Pasar Baru.',
    category: 'Infrastruktur',
    location: 'Kel. Pasar Baru',
    ...over,
  });

describe('the public desk across devices', () => {
  it('each contributor holds only its own part, answers it; the desk sees both answers', { timeout: 120_000 }, async () => {
    const item = await receive({});
    await desk.core.invoke('publicdesk.verify', { id: item.id });
    await desk.core.invoke('publicdesk.dispose', { id: item.id, opdIds: [opdA, opdB], summary: 'Simpang Pasar Baru: jalan berlubang (DPU) dan lampu lalu lintas mati (Dishub).' });
    // Another complaint for another OPD, and one not disposed at all: neither may reach A or B.
    const other = await receive({ body: 'RAHASIACKESEHATAN antrean puskesmas', personName: 'WargaLainZ', personPhone: '0811 1111 2222' });
    await desk.core.invoke('publicdesk.verify', { id: other.id });
    await desk.core.invoke('publicdesk.dispose', { id: other.id, opdIds: [opdC], summary: 'RINGKASANUNTUKDINKES antrean' });
    await receive({ body: 'BELUMDISPOSISI trotoar', personName: 'WargaKetiga' });
    await syncAll();
    expect(devA.engine.status().state, String(devA.engine.status().message)).toBe('up_to_date');

    for (const [dev, opd] of [[devA, opdA], [devB, opdB]] as const) {
      const board = await dev.core.invoke('publicdesk.parts', { status: 'all' });
      expect(board.boundOpd?.id).toBe(opd);
      expect(board.parts.map((p) => [p.opdId, p.number])).toEqual([[opd, item.number]]);
      const db = dev.core.context.db;
      expect(db.prepare('SELECT count(*) FROM publicdesk_items').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM publicdesk_parts WHERE opd_id IS NOT ?').pluck().get(opd)).toBe(0);
      expect(db.prepare('SELECT count(*) FROM publicdesk_history WHERE opd_id IS NOT ?').pluck().get(opd)).toBe(0);
      const bytes = diskBytes(dev);
      for (const word of ['Rahmat', '0813 9876 5432', 'RAHASIACKESEHATAN', 'RINGKASANUNTUKDINKES', 'WargaLainZ', 'BELUMDISPOSISI', 'WargaKetiga'])
        expect(bytes.includes(word), `"${word}" on the disk of ${opd}`).toBe(false);
      // The desk's steps are not a contributor's.
      expect((await dev.core.call('publicdesk.list', {})).ok).toBe(false);
    }

    // A contributor's computer is reminded of its own OPD's parts: three working days away, nothing;
    // the deadline set long past on this disk alone (time cannot be driven on a synced device), late, once.
    expect(findDeskReminders(devA.core.context)).toEqual([]);
    const dbA = devA.core.context.db;
    const due = dbA.prepare('SELECT due_date FROM publicdesk_parts WHERE opd_id = ?').pluck().get(opdA) as string;
    dbA.prepare('UPDATE publicdesk_parts SET due_date = ? WHERE opd_id = ?').run('2020-01-06', opdA);
    const late = findDeskReminders(devA.core.context);
    expect(late.map((n) => [n.kind, n.title])).toEqual([['deskDeadline', `Tenggat disposisi ${item.number} terlewati`]]);
    expect(findDeskReminders(devA.core.context)).toEqual([]);
    dbA.prepare('UPDATE publicdesk_parts SET due_date = ? WHERE opd_id = ?').run(due, opdA);

    const [partA] = (await devA.core.invoke('publicdesk.parts', {})).parts;
    const [partB] = (await devB.core.invoke('publicdesk.parts', {})).parts;
    if (!partA || !partB) throw new Error('parts missing');
    // A answers with a photo; B asks for more time first.
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('foto perbaikan jalan DPU')]);
    await devA.core.invoke('publicdesk.attach', { partId: partA.id, fileName: 'perbaikan.jpg', mime: 'image/jpeg', base64: photo.toString('base64') });
    await devA.core.invoke('publicdesk.part.answer', { partId: partA.id, answer: 'Lubang ditambal Kamis pagi oleh UPT Jalan.' });
    await devB.core.invoke('publicdesk.part.ask', { partId: partB.id, days: 2, reason: 'Suku cadang lampu dipesan dari provinsi.' });
    // A device cannot answer what is not its own: its core refuses, the server refuses a push that skips the core.
    expect((await devA.core.call('publicdesk.part.answer', { partId: partB.id, answer: 'Menyamar' })).ok).toBe(false);
    expect(() => devA.core.context.mutator.write('publicdesk_parts', partB.id, { status: 'answered', answer: 'Menyamar' })).toThrow(/Humas|OPD lain/);
    const tokenA = devA.engine['options'].tokenVault.load() as string;
    const hlc = formatHlc({ ms: Date.now(), counter: 0, node: devA.core.info.deviceId });
    const pushed = await fetch(`${t.server.url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenA}` },
      body: JSON.stringify({ changes: [{ hlc, table: 'publicdesk_parts', rowId: partB.id, fields: { status: 'answered', answer: 'Menyamar' } }] }),
    });
    const result = (await pushed.json()) as PushResult;
    expect(result.refused.map((x) => [x.code, x.field])).toEqual([['wrong_state', 'opd_id']]);
    expect(result.refused[0]?.message.id).toMatch(/OPD lain/);
    await syncAll();

    let seen = await desk.core.invoke('publicdesk.get', { id: item.id });
    const byOpd = new Map(seen.parts.map((p) => [p.opdId, p]));
    expect(byOpd.get(opdA)).toMatchObject({ status: 'answered', answer: 'Lubang ditambal Kamis pagi oleh UPT Jalan.' });
    expect(byOpd.get(opdB)).toMatchObject({ status: 'extension_asked', extensionDays: 2, extensionReason: 'Suku cadang lampu dipesan dari provinsi.' });
    const file = byOpd.get(opdA)?.files[0];
    expect(file?.fileName).toBe('perbaikan.jpg');
    expect((await desk.core.invoke('publicdesk.file', { id: file?.id as string })).base64).toBe(photo.toString('base64'));

    const before = byOpd.get(opdB)?.dueDate as string;
    const granted = await desk.core.invoke('publicdesk.part.decide', { partId: partB.id, grant: true, note: 'Disetujui' });
    expect(granted.status).toBe('open');
    expect(granted.dueDate && granted.dueDate > before).toBe(true);
    await syncAll();
    await devB.core.invoke('publicdesk.part.answer', { partId: partB.id, answer: 'Lampu diganti dan menyala kembali.' });
    await syncAll();
    seen = await desk.core.invoke('publicdesk.get', { id: item.id });
    expect(seen.parts.map((p) => [p.opdName, p.status, p.answer]).sort()).toEqual([
      ['Dinas Pekerjaan Umum', 'answered', 'Lubang ditambal Kamis pagi oleh UPT Jalan.'],
      ['Dinas Perhubungan', 'answered', 'Lampu diganti dan menyala kembali.'],
    ]);
    expect(seen.history.map((h) => h.action)).toEqual(expect.arrayContaining(['disposed', 'part_answered', 'extension_asked', 'extension_granted']));
    expect(seen.history.filter((h) => h.action === 'part_answered').map((h) => h.actor).every((a) => a !== '')).toBe(true);
    // B's device learned of the extension, never of A's answer.
    const bBoard = await devB.core.invoke('publicdesk.parts', { status: 'all' });
    expect(bBoard.parts.map((p) => p.id)).toEqual([partB.id]);
    expect(diskBytes(devB).includes('UPT Jalan')).toBe(false);
  });

  it('an overdue item escalates once, and the escalation reaches the server', { timeout: 60_000 }, async () => {
    const late = await receive({ body: 'Aduan lama', receivedMs: Date.now() - 30 * 86_400_000 });
    expect(late.daysLeft).toBeLessThan(0);
    const first = await desk.core.invoke('publicdesk.escalate', {});
    expect(first.items).toBeGreaterThanOrEqual(1);
    expect((await desk.core.invoke('publicdesk.escalate', {})).items).toBe(0);
    await desk.engine.syncNow();
    const rows = await t.store.currentRows(ws, [{ table: 'publicdesk_items', rowId: late.id }]);
    expect(rows.values().next().value?.values.escalated_at).toEqual(expect.any(String));
  });
});
