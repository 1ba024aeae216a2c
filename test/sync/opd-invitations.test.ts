/**
 * An invitation for a leader across devices (issue 13), with a real server on 127.0.0.1 and real
 * cores on SQLite files: an OPD's contributor device sends the invitation with its letter, the
 * protocol desk proposes, the leader's office decides *diwakilkan*; the agenda item names the
 * deputy, and the inviter's device shows the decision but never protocol's proposal. A protocol
 * device pushing a decision itself (skipping its core) is refused by the server, which says why.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/sync/hlc';
import type { PushResult } from '../../shared/sync/protocol';
import { removeDir } from '../support/temp-dir';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

const OPD_A = crypto.randomUUID();
let t: TestServer;
let ws: string;
let office: TestDevice;
let protocol: TestDevice;
let contributor: TestDevice;

beforeAll(async () => {
  t = await startTestServer();
  ws = (await t.server.admin.createWorkspace('Humas Kota')).id;
  office = openDevice();
  await enrol(office, t.server, ws, 'editor');
  protocol = openDevice();
  await enrol(protocol, t.server, ws, 'protocol');
  contributor = openDevice();
  const code = await t.server.admin.issueCode(ws, 'opd_contributor', undefined, null, OPD_A);
  await contributor.core.invoke('sync.configure', { serverUrl: t.server.url, workspace: ws, code, deviceName: 'Laptop Disdik' });
}, 60_000);

afterAll(async () => {
  for (const d of [office, protocol, contributor]) d?.cleanup();
  await t?.close();
  if (t) removeDir(t.dir);
});

const syncAll = async (...devices: TestDevice[]) => {
  for (const d of devices) await d.engine.syncNow();
};

describe('an invitation for a leader between an OPD and the office', () => {
  it('sent by the OPD, proposed by protocol, decided diwakilkan by the leader’s office: the agenda names the deputy, the inviter sees the decision only', { timeout: 60_000 }, async () => {
    const start = Date.now() + 96 * 3_600_000;
    const sent = await contributor.core.invoke('requests.submit', {
      id: crypto.randomUUID(),
      kind: 'invitation',
      title: 'Peresmian Gedung Sekolah Terpadu',
      place: 'SMPN 3 Sukamaju',
      startMs: start,
      endMs: start + 2 * 3_600_000,
      invitationNumber: '421/77/Disdik',
      invitationDate: '2026-11-28',
    });
    await contributor.core.invoke('requests.attach', { requestId: sent.id, fileName: 'undangan.pdf', mime: 'application/pdf', base64: Buffer.from('%PDF-1.4\nundangan peresmian\n%%EOF').toString('base64') });
    await syncAll(contributor, protocol);
    await protocol.core.invoke('requests.propose', { id: sent.id, choice: 'represented', representative: 'Sekda, Ir. Hartono', note: 'RAHASIAUSULAN Wali Kota cuti.' });
    // Protocol cannot decide: refused by its core.
    const tried = await protocol.core.call('requests.decide', { id: sent.id, choice: 'attend', representative: '', note: '' });
    expect(tried.ok ? null : tried.error.code).toBe('forbidden');
    await syncAll(protocol, office);
    const atOffice = await office.core.invoke('requests.get', { id: sent.id });
    expect(atOffice.proposal).toMatchObject({ choice: 'represented', representative: 'Sekda, Ir. Hartono' });
    const decided = await office.core.invoke('requests.decide', { id: sent.id, choice: 'represented', representative: 'Sekda, Ir. Hartono', note: '' });
    expect(await office.core.invoke('agenda.events.get', { id: decided.agendaEventId as string })).toMatchObject({ status: 'represented', representedBy: 'Sekda, Ir. Hartono', invitationFileName: 'undangan.pdf' });
    await syncAll(office, contributor);
    const seen = await contributor.core.invoke('requests.get', { id: sent.id });
    expect(seen).toMatchObject({ status: 'accepted', answer: 'Pimpinan diwakilkan kepada Sekda, Ir. Hartono.' });
    expect(seen.disposition).toMatchObject({ choice: 'represented', representative: 'Sekda, Ir. Hartono' });
    // Protocol's proposal stays in the office.
    expect(seen.proposal).toBeNull();
    const raw = contributor.core.context.db.prepare('SELECT proposed_note, proposed_disposition FROM requests WHERE id = ?').get(sent.id);
    expect(raw).toEqual({ proposed_note: null, proposed_disposition: null });
  });

  it('a protocol device pushing a decision itself is refused by the server, with the reason', async () => {
    const id = office.core.context.mutator.insert('requests', { opd_id: OPD_A, kind: 'invitation', channel: 'letter', title: 'Undangan HUT Koperasi', status: 'submitted', start_ms: Date.now() + 86_400_000 });
    await syncAll(office, protocol);
    const token = protocol.engine['options'].tokenVault.load() as string;
    const hlc = formatHlc({ ms: Date.now(), counter: 0, node: protocol.core.info.deviceId });
    const r = await fetch(`${t.server.url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ changes: [{ hlc, table: 'requests', rowId: id, fields: { disposition: 'attend', decided_by: 'Protokol' } }] }),
    });
    const result = (await r.json()) as PushResult;
    expect(result.refused.map((x) => [x.code, x.field])).toEqual([['field_forbidden', 'disposition']]);
    expect((await t.store.currentRows(ws, [{ table: 'requests', rowId: id }])).values().next().value?.values.disposition ?? null).toBeNull();
  });
});
