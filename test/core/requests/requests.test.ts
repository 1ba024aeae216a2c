/**
 * Requests at the PR desk (issue 13), on a real core and SQLite file: entered on an OPD's behalf
 * with the channel, numbered per year, answered; an accepted request becomes its agenda item and
 * release draft in one step, linked both ways, and the release's clock runs from the activity's
 * end; a press conference that would double-book the press room is refused naming the booking,
 * with nothing half-written; bad input refused with a clear message, the core keeps serving.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
let opd = '';
const HOUR = 3_600_000;
const tomorrow = () => Date.now() + 24 * HOUR;

beforeEach(async () => {
  fx = openTestCore();
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  opd = (await fx.core.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' })).id;
});
afterEach(() => fx.cleanup());

const count = (table: string) => fx.core.context.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function publicity(over: Record<string, unknown> = {}) {
  const start = tomorrow();
  return {
    id: crypto.randomUUID(),
    opdId: opd,
    kind: 'publicity' as const,
    channel: 'whatsapp' as const,
    title: 'Pencanangan Bulan Imunisasi Anak',
    description: 'Pencanangan oleh Wali Kota di Puskesmas Sukamaju.',
    place: 'Puskesmas Sukamaju',
    startMs: start,
    endMs: start + 2 * HOUR,
    attendees: 'Wali Kota, Kepala Dinas Kesehatan',
    contactName: 'dr. Ratna',
    contactPhone: '0812 3456 7890',
    ...over,
  };
}

describe('requests at the desk', () => {
  it('entered on behalf with its channel, numbered, accepted into an agenda item and a release draft linked both ways', async () => {
    const r = await fx.core.invoke('requests.submit', publicity());
    expect(r).toMatchObject({ status: 'submitted', channel: 'whatsapp', opdName: 'Dinas Kesehatan' });
    expect(r.number).toMatch(new RegExp(`^0001/PRM/${new Date().getFullYear()}$`));
    expect(r.history.map((h) => h.action)).toEqual(['submitted', 'numbered']);
    const second = await fx.core.invoke('requests.submit', publicity({ title: 'Kedua' }));
    expect(second.number.startsWith('0002/')).toBe(true);

    const accepted = await fx.core.invoke('requests.answer', { id: r.id, action: 'accept', note: 'Diliput tim Humas.' });
    expect(accepted).toMatchObject({ status: 'accepted', answer: 'Diliput tim Humas.' });
    const event = await fx.core.invoke('agenda.events.get', { id: accepted.agendaEventId as string });
    expect(event).toMatchObject({ title: r.title, startMs: r.startMs, endMs: r.endMs, organiserOpdId: opd, usesPressRoom: false });
    const db = fx.core.context.db;
    expect(db.prepare('SELECT request_id FROM agenda_events WHERE id = ?').pluck().get(event.id)).toBe(r.id);
    const release = db.prepare('SELECT status, opd_id, event_id, event_end_at, request_id FROM releases WHERE id = ?').get(accepted.releaseId) as Record<string, unknown>;
    expect(release).toEqual({ status: 'draft', opd_id: opd, event_id: event.id, event_end_at: new Date(r.endMs as number).toISOString(), request_id: r.id });
    // The event shows its release; the clock has not started before the activity ends.
    const clocks = await fx.core.invoke('agenda.events.releases', { eventId: event.id });
    expect(clocks).toEqual([expect.objectContaining({ id: accepted.releaseId, minutes: null })]);

    const again = await fx.core.call('requests.answer', { id: r.id, action: 'decline', note: 'Terlambat' });
    expect(again.ok ? null : again.error.code).toBe('conflict');
  });

  it('a press conference that would double-book the press room is refused naming the booking, nothing half-written', async () => {
    const start = tomorrow();
    await fx.core.invoke('agenda.events.save', { kind: 'press_conference', title: 'Jumpa Pers Dinas Pendidikan', startMs: start, endMs: start + HOUR, usesPressRoom: true });
    const req = await fx.core.invoke('requests.submit', publicity({ kind: 'press_conference', title: 'Jumpa pers imunisasi', startMs: start + 30 * 60_000, endMs: start + 90 * 60_000 }));
    const [events, releases] = [count('agenda_events'), count('releases')];
    const refused = await fx.core.call('requests.answer', { id: req.id, action: 'accept' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('conflict');
      expect(refused.error.message).toContain('Jumpa Pers Dinas Pendidikan');
    }
    expect([count('agenda_events'), count('releases')]).toEqual([events, releases]);
    expect((await fx.core.invoke('requests.get', { id: req.id })).status).toBe('submitted');
    // Another slot: accepted, the room booked.
    const later = await fx.core.invoke('requests.submit', publicity({ kind: 'press_conference', title: 'Jumpa pers sore', startMs: start + 5 * HOUR, endMs: start + 6 * HOUR }));
    const ok = await fx.core.invoke('requests.answer', { id: later.id, action: 'accept', makeRelease: false });
    expect((await fx.core.invoke('agenda.events.get', { id: ok.agendaEventId as string })).usesPressRoom).toBe(true);
    expect(ok.releaseId).toBeNull();
  });

  it('material for publication becomes a release draft attributed to the OPD with its text', async () => {
    const req = await fx.core.invoke('requests.submit', {
      id: crypto.randomUUID(),
      opdId: opd,
      kind: 'material',
      channel: 'email',
      title: 'Dinkes Gelar Cek Kesehatan Gratis',
      material: 'Dinas Kesehatan menggelar cek kesehatan gratis.\n\nKegiatan berlangsung sepekan di 12 puskesmas.',
    });
    const done = await fx.core.invoke('requests.answer', { id: req.id, action: 'accept' });
    expect(done.agendaEventId).toBeNull();
    const detail = await fx.core.invoke('releases.get', { id: done.releaseId as string });
    expect(detail).toMatchObject({ title: req.title });
    expect(JSON.stringify(detail)).toContain('berlangsung sepekan di 12 puskesmas');
    expect(fx.core.context.db.prepare('SELECT opd_id FROM releases WHERE id = ?').pluck().get(done.releaseId)).toBe(opd);
  });

  it('declines with a reason, asks for more with a question; both are in the history', async () => {
    const a = await fx.core.invoke('requests.submit', publicity());
    const noReason = await fx.core.call('requests.answer', { id: a.id, action: 'decline' });
    expect(noReason.ok ? null : noReason.error.message).toMatch(/alasan/);
    const asked = await fx.core.invoke('requests.answer', { id: a.id, action: 'needs_info', note: 'Lampirkan susunan acara.' });
    expect(asked.status).toBe('needs_info');
    const early = await fx.core.call('requests.answer', { id: a.id, action: 'accept' });
    expect(early.ok ? null : early.error.code).toBe('conflict');
    const declined = await fx.core.invoke('requests.answer', { id: a.id, action: 'decline', note: 'Jadwal bentrok dengan agenda Wali Kota.' });
    expect(declined).toMatchObject({ status: 'declined', answer: 'Jadwal bentrok dengan agenda Wali Kota.' });
    expect(declined.history.map((h) => [h.action, h.note])).toContainEqual(['declined', 'Jadwal bentrok dengan agenda Wali Kota.']);
  });

  it('bad input: past date, end before start, no OPD, channel not recorded, too long; the same form twice makes one request', async () => {
    const bad = async (over: Record<string, unknown>) => {
      const r = await fx.core.call('requests.submit', publicity(over));
      expect(r.ok, JSON.stringify(over)).toBe(false);
      return r.ok ? '' : `${r.error.code}: ${r.error.message}`;
    };
    expect(await bad({ startMs: Date.now() - 48 * HOUR, endMs: Date.now() - 47 * HOUR })).toMatch(/sudah lewat/);
    expect(await bad({ endMs: tomorrow() - HOUR })).toMatch(/sesudah waktu mulai/);
    expect(await bad({ opdId: null })).toMatch(/Pilih OPD/);
    expect(await bad({ opdId: crypto.randomUUID() })).toMatch(/not_found/);
    expect(await bad({ channel: 'app' })).toMatch(/saluran/);
    expect(await bad({ title: 'x'.repeat(301) })).toMatch(/300/);
    expect(await bad({ kind: 'material', material: '' })).toMatch(/naskah/i);
    expect(await bad({ kind: 'press_conference', endMs: null })).toMatch(/waktu selesai/);
    expect(count('requests')).toBe(0);

    const form = publicity();
    const [a, b] = await Promise.all([fx.core.invoke('requests.submit', form), fx.core.invoke('requests.submit', form)]);
    expect(a.id).toBe(b.id);
    expect(count('requests')).toBe(1);
    expect(count('request_history')).toBe(2);
    expect((await fx.core.invoke('app.info')).version).toBeTruthy();
  });

  it('attachments: a real photo or scan is kept; a file that is not what its name says, or over 10 MB, is refused', async () => {
    const r = await fx.core.invoke('requests.submit', publicity());
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const done = await fx.core.invoke('requests.attach', { requestId: r.id, fileName: 'foto-lokasi.png', mime: 'image/png', base64: png });
    expect(done.attachments).toEqual([expect.objectContaining({ fileName: 'foto-lokasi.png', mime: 'image/png', size: 70 })]);
    const back = await fx.core.invoke('requests.attachment', { id: done.attachments[0]?.id as string });
    expect(back.base64).toBe(png);
    const fake = await fx.core.call('requests.attach', { requestId: r.id, fileName: 'surat.pdf', mime: 'application/pdf', base64: Buffer.from('MZ bukan pdf').toString('base64') });
    expect(fake.ok ? null : fake.error.code).toBe('unsupported_file');
    const big = await fx.core.call('requests.attach', { requestId: r.id, fileName: 'besar.pdf', mime: 'application/pdf', base64: Buffer.alloc(11 * 1024 * 1024, 0x25).toString('base64') });
    expect(big.ok ? null : big.error.message).toMatch(/10 MB/);
    const exe = await fx.core.call('requests.attach', { requestId: r.id, fileName: 'x.exe', mime: 'application/x-msdownload', base64: 'TVo=' });
    expect(exe.ok ? null : exe.error.code).toBe('invalid_input');
    expect(count('request_attachments')).toBe(1);
  });

  it('a contributor code is made for one OPD: asked without one (or with one for another role) it is refused before any server is asked', async () => {
    const none = await fx.core.call('sync.host.issueCode', { role: 'opd_contributor' });
    expect(none.ok ? null : none.error.code).toBe('invalid_input');
    const extra = await fx.core.call('sync.host.issueCode', { role: 'writer', opdId: opd });
    expect(extra.ok ? null : extra.error.code).toBe('invalid_input');
    const notHosting = await fx.core.call('sync.host.issueCode', { role: 'opd_contributor', opdId: opd });
    expect(notHosting.ok ? null : notHosting.error.code).toBe('conflict');
  });

  it('assigned to a staff account with a due time (numbered on the way); an unknown account is refused', async () => {
    const r = await fx.core.invoke('requests.submit', publicity());
    const staff = fx.core.context.mutator.insert('staff_accounts', { name: 'Dewi Lestari', login: 'dewi', roles: ['administrator'], active: true });
    // With an account on the machine, calls are made by someone signed in.
    fx.core.context.session.startFor(staff);
    const due = Date.now() + 6 * HOUR;
    const done = await fx.core.invoke('requests.assign', { id: r.id, assigneeId: staff, dueMs: due });
    expect(done.dueMs).toBe(due);
    expect(fx.core.context.db.prepare('SELECT assignee_id FROM requests WHERE id = ?').pluck().get(r.id)).toBe(staff);
    expect(done.history.map((h) => h.action)).toContain('assigned');
    const nobody = await fx.core.call('requests.assign', { id: r.id, assigneeId: crypto.randomUUID(), dueMs: null });
    expect(nobody.ok ? null : nobody.error.code).toBe('not_found');
  });

  it('the board counts by status, filters by OPD and text, and reminds of what is due today', async () => {
    const other = (await fx.core.invoke('opd.save', { name: 'Kecamatan Utara' })).id;
    await fx.core.invoke('requests.submit', publicity({ startMs: Date.now() + 10 * 60_000, endMs: Date.now() + 20 * 60_000 }));
    const b = await fx.core.invoke('requests.submit', publicity({ opdId: other, title: 'Lomba kebersihan kampung' }));
    await fx.core.invoke('requests.answer', { id: b.id, action: 'decline', note: 'Bukan kewenangan Humas.' });
    const all = await fx.core.invoke('requests.list', {});
    expect(all.total).toBe(2);
    expect(all.counts).toMatchObject({ submitted: 1, declined: 1 });
    expect((await fx.core.invoke('requests.list', { opdId: other })).items.map((i) => i.title)).toEqual(['Lomba kebersihan kampung']);
    expect((await fx.core.invoke('requests.list', { query: 'kebersihan' })).total).toBe(1);
    expect((await fx.core.invoke('requests.list', { query: '100%_' })).total).toBe(0);
    expect((await fx.core.invoke('requests.list', { status: 'declined' })).items[0]?.answer).toBe('Bukan kewenangan Humas.');
    expect(all.boundOpd).toBeNull();
  });
});
