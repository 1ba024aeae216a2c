/**
 * The PR network on a real core and SQLite file (issue 13 items 3 and 4): contacts per OPD with
 * their personal data handled like journalists' (access logged, export, erasure), a workshop in
 * two waves with invitees from the network and the media directory, RSVPs, attendance on the
 * day, minutes and action items followed to done; 2,000 invitees in one call; bad input refused
 * with a clear message and nothing half-written, the core serving on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
let opdA = '';
let opdB = '';
beforeEach(async () => {
  fx = openTestCore();
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  opdA = (await fx.core.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' })).id;
  opdB = (await fx.core.invoke('opd.save', { name: 'Dinas Pendidikan', abbreviation: 'Disdik' })).id;
});
afterEach(() => fx.cleanup());

const db = () => fx.core.context.db;
const count = (sql: string, ...args: unknown[]) => db().prepare(sql).pluck().get(...args) as number;

function contact(over: Record<string, unknown> = {}) {
  return {
    opdId: opdA,
    name: 'Rina Kartika',
    position: 'Kasubbag Umum dan Kepegawaian',
    infoTeam: true,
    decreeNo: '800/112/2026',
    decreeDate: '2026-01-15',
    consent: 'given' as const,
    personal: { phone: '0812-3456-7890', whatsapp: '0812 3456 7890', email: 'Rina@Dinkes.go.id' },
    ...over,
  };
}

async function workshop() {
  return fx.core.invoke('network.meetings.save', {
    kind: 'workshop',
    title: 'Pelatihan Penulisan Rilis untuk Tim Informasi OPD',
    place: 'Aula Setda',
    waves: [
      { label: 'Gelombang 1', date: '2027-02-10', startTime: '08:00', endTime: '12:00' },
      { label: 'Gelombang 2', date: '2027-02-17', startTime: '08:00', endTime: '12:00', place: 'Ruang Rapat Humas' },
    ],
  });
}

describe('network contacts', () => {
  it('stores phones as +62, e-mail in lower case; personal data read only through a logged call; export and erasure', async () => {
    const c = await fx.core.invoke('network.contacts.save', contact());
    expect(c).toMatchObject({ opdName: 'Dinas Kesehatan', infoTeam: true, decreeNo: '800/112/2026', consent: 'given', erased: false });
    expect(c).not.toHaveProperty('phone');
    const p = await fx.core.invoke('network.contacts.personal', { id: c.id });
    expect(p).toEqual({ phone: '+6281234567890', whatsapp: '+6281234567890', email: 'rina@dinkes.go.id' });
    const actions = () => db().prepare("SELECT action FROM audit_log WHERE target_type = 'network_contact' AND target_id = ? ORDER BY seq").pluck().all(c.id);
    expect(actions()).toEqual(['network.personal.edit', 'network.personal.view']);

    const list = await fx.core.invoke('network.contacts.list', { opdId: opdA });
    expect(list.map((x) => x.name)).toEqual(['Rina Kartika']);
    expect(await fx.core.invoke('network.contacts.list', { opdId: opdB })).toEqual([]);

    const exported = await fx.core.invoke('network.contacts.exportPerson', { id: c.id });
    const record = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ name: 'Rina Kartika', phone: '+6281234567890', email: 'rina@dinkes.go.id' });

    const erased = await fx.core.invoke('network.contacts.erase', { id: c.id, reason: 'Permintaan tertulis yang bersangkutan' });
    expect(erased).toMatchObject({ erased: true, name: 'Dihapus atas permintaan', position: '' });
    const row = db().prepare('SELECT name, phone, whatsapp, email, decree_no FROM network_contacts WHERE id = ?').get(c.id);
    expect(row).toEqual({ name: 'Dihapus atas permintaan', phone: null, whatsapp: null, email: null, decree_no: null });
    expect(actions()).toContain('network.personal.erase');
    // The sync log keeps no earlier value of an erased field on this machine.
    const log = db().prepare("SELECT count(*) FROM change_log WHERE changes LIKE '%81234567890%'").pluck().get();
    expect(log).toBe(0);
    await expect(fx.core.invoke('network.contacts.save', { ...contact(), id: c.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('bad input: an invalid phone, a landline as WhatsApp, an invalid e-mail, a team member without decree, an unknown OPD; nothing written', async () => {
    const before = count('SELECT count(*) FROM network_contacts');
    await expect(fx.core.invoke('network.contacts.save', contact({ personal: { phone: '0812-34', whatsapp: '', email: '' } }))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/bukan nomor Indonesia yang sah.*\(Not a valid Indonesian number\.\)/),
    });
    await expect(fx.core.invoke('network.contacts.save', contact({ personal: { phone: '', whatsapp: '(0271) 555-0101', email: '' } }))).rejects.toMatchObject({
      message: expect.stringContaining('bukan nomor seluler'),
    });
    await expect(fx.core.invoke('network.contacts.save', contact({ personal: { phone: '', whatsapp: '', email: 'rina@dinkes' } }))).rejects.toMatchObject({
      message: expect.stringContaining('Alamat email'),
    });
    await expect(fx.core.invoke('network.contacts.save', contact({ decreeNo: '' }))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(fx.core.invoke('network.contacts.save', contact({ opdId: crypto.randomUUID() }))).rejects.toMatchObject({ code: 'not_found' });
    expect(count('SELECT count(*) FROM network_contacts')).toBe(before);
    expect((await fx.core.invoke('network.contacts.save', contact())).name).toBe('Rina Kartika');
  });
});

describe('network meetings', () => {
  it('a workshop in two waves: invitees from the network and the media directory, RSVP, attendance per wave, minutes, action items to done', async () => {
    const rina = await fx.core.invoke('network.contacts.save', contact());
    const budi = await fx.core.invoke('network.contacts.save', contact({ opdId: opdB, name: 'Budi Santoso', personal: undefined }));
    const outlet = await fx.core.invoke('media.outlets.save', { name: 'Harian Sukamaju', kind: 'print' });
    const journalist = await fx.core.invoke('media.journalists.save', { outletId: outlet.id, name: 'Sari Wartawati', role: 'Reporter', dataSource: 'Kartu pers' });

    const m = await workshop();
    expect(m.waveList.map((w) => w.label)).toEqual(['Gelombang 1', 'Gelombang 2']);
    const [w1, w2] = m.waveList;
    let d = await fx.core.invoke('network.meetings.invite', { meetingId: m.id, waveId: w1!.id, contactIds: [rina.id], journalistIds: [journalist.id] });
    d = await fx.core.invoke('network.meetings.invite', { meetingId: m.id, waveId: w2!.id, contactIds: [budi.id, rina.id] });
    expect(d.invited).toBe(3); // Rina, already invited, stays in wave 1
    const by = (name: string) => d.invitees.find((i) => i.name === name)!;
    expect(by('Sari Wartawati')).toMatchObject({ kind: 'journalist', organisation: 'Harian Sukamaju', position: 'Reporter', rsvp: 'pending' });
    expect(by('Budi Santoso')).toMatchObject({ organisation: 'Dinas Pendidikan', waveId: w2!.id });

    d = await fx.core.invoke('network.invitees.rsvp', { id: by('Rina Kartika').id, rsvp: 'yes' });
    d = await fx.core.invoke('network.invitees.attend', { meetingId: m.id, inviteeId: by('Rina Kartika').id, present: true });
    d = await fx.core.invoke('network.invitees.attend', { meetingId: m.id, inviteeId: by('Budi Santoso').id, present: true });
    expect(d.present).toBe(2);
    expect(d.tallies).toEqual([
      { waveId: w1!.id, invited: 2, yes: 1, present: 1 },
      { waveId: w2!.id, invited: 1, yes: 0, present: 1 },
    ]);

    // Who attended which wave: Budi moved to wave 1 keeps his attendance; an invitation withdrawn leaves the list.
    d = await fx.core.invoke('network.invitees.move', { id: by('Budi Santoso').id, waveId: w1!.id });
    expect(d.tallies.find((x) => x.waveId === w1!.id)).toEqual({ waveId: w1!.id, invited: 3, yes: 1, present: 2 });
    d = await fx.core.invoke('network.invitees.move', { id: by('Budi Santoso').id, waveId: w2!.id });
    await expect(fx.core.invoke('network.invitees.move', { id: by('Budi Santoso').id, waveId: crypto.randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
    const extra = await fx.core.invoke('network.contacts.save', contact({ name: 'Tamu Sementara', personal: undefined }));
    d = await fx.core.invoke('network.meetings.invite', { meetingId: m.id, contactIds: [extra.id] });
    expect(d.invited).toBe(4);
    d = await fx.core.invoke('network.invitees.remove', { id: d.invitees.find((i) => i.name === 'Tamu Sementara')!.id });
    expect(d.invited).toBe(3);

    d = await fx.core.invoke('network.meetings.minutes', { id: m.id, minutes: '1. Setiap OPD mengirim satu rilis per bulan.' });
    expect(d.minutes).toContain('satu rilis per bulan');
    d = await fx.core.invoke('network.actions.save', { meetingId: m.id, opdId: opdA, text: 'Kirim daftar kegiatan Januari', dueDate: '2027-02-28' });
    expect(d.openActions).toBe(1);
    const action = d.actions[0]!;
    expect(action).toMatchObject({ opdName: 'Dinas Kesehatan', status: 'open', meetingTitle: m.title });
    expect((await fx.core.invoke('network.actions.list', { status: 'open' })).map((a) => a.id)).toEqual([action.id]);
    const done = await fx.core.invoke('network.actions.done', { id: action.id, done: true, note: 'Terkirim lewat surel' });
    expect(done).toMatchObject({ status: 'done', doneNote: 'Terkirim lewat surel' });
    expect(await fx.core.invoke('network.actions.list', { status: 'open' })).toEqual([]);
    expect((await fx.core.invoke('network.meetings.list', {}))[0]).toMatchObject({ id: m.id, firstDate: '2027-02-10', waves: 2, invited: 3, present: 2, openActions: 0 });

    // An erased journalist stays on the list as "erased", with no copy of the name.
    await fx.core.invoke('media.journalists.erase', { id: journalist.id, reason: 'Permintaan yang bersangkutan' });
    const after = await fx.core.invoke('network.meetings.get', { id: m.id });
    expect(after.invitees.map((i) => i.name)).toContain('Dihapus atas permintaan');
    expect(after.invitees.map((i) => i.name)).not.toContain('Sari Wartawati');
  });

  it('bad input: a wave without a date, attendance for someone not invited, a wave that still has invitees, an unknown person', async () => {
    const before = count('SELECT count(*) FROM network_meetings');
    await expect(
      fx.core.invoke('network.meetings.save', { kind: 'workshop', title: 'Pelatihan', waves: [{ label: 'Gelombang 1', date: '2027-02-10' }, { label: 'Gelombang 2' } as never] }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('tanpa tanggal') });
    await expect(fx.core.invoke('network.meetings.save', { kind: 'coordination', title: 'Rakor', waves: [] })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(count('SELECT count(*) FROM network_meetings')).toBe(before);

    const rina = await fx.core.invoke('network.contacts.save', contact());
    const m = await workshop();
    const other = await fx.core.invoke('network.meetings.save', { kind: 'coordination', title: 'Rapat Koordinasi Bulanan', waves: [{ date: '2027-03-01' }] });
    const inOther = (await fx.core.invoke('network.meetings.invite', { meetingId: other.id, contactIds: [rina.id] })).invitees[0]!;
    await expect(fx.core.invoke('network.invitees.attend', { meetingId: m.id, inviteeId: inOther.id, present: true })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('tidak ada di daftar undangan'),
    });
    await expect(fx.core.invoke('network.invitees.attend', { meetingId: m.id, inviteeId: crypto.randomUUID(), present: true })).rejects.toMatchObject({ code: 'not_found' });
    expect(count('SELECT count(*) FROM network_invitees WHERE present = 1')).toBe(0);

    const d = await fx.core.invoke('network.meetings.invite', { meetingId: m.id, waveId: m.waveList[1]!.id, contactIds: [rina.id] });
    await expect(
      fx.core.invoke('network.meetings.save', { id: m.id, kind: 'workshop', title: m.title, waves: [{ id: m.waveList[0]!.id, label: 'Gelombang 1', date: '2027-02-10' }] }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('masih punya 1 undangan') });
    expect((await fx.core.invoke('network.meetings.get', { id: m.id })).waveList).toHaveLength(2);
    await expect(fx.core.invoke('network.meetings.invite', { meetingId: m.id, contactIds: [crypto.randomUUID(), rina.id] })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('1 kontak tidak ditemukan'),
    });
    expect((await fx.core.invoke('network.meetings.get', { id: m.id })).invited).toBe(d.invited);
  });

  it('2,000 invitees in one call work; more than the limit is refused with the limit named; the attendance list prints them all', async () => {
    const ids = fx.core.context.mutator.transaction(() =>
      Array.from({ length: 2000 }, (_, n) =>
        fx.core.context.mutator.insert('network_contacts', { opd_id: n % 2 ? opdA : opdB, name: `Peserta ${String(n + 1).padStart(4, '0')}`, position: 'Pranata Humas', consent: 'given' }),
      ),
    );
    const m = await fx.core.invoke('network.meetings.save', { kind: 'media_gathering', title: 'Temu Media Tahunan', waves: [{ date: '2027-04-20', startTime: '09:00' }] });
    const started = Date.now();
    const d = await fx.core.invoke('network.meetings.invite', { meetingId: m.id, contactIds: ids });
    expect(d.invited).toBe(2000);
    expect(Date.now() - started).toBeLessThan(60_000);
    await expect(fx.core.invoke('network.meetings.invite', { meetingId: m.id, contactIds: Array.from({ length: 5001 }, () => crypto.randomUUID()) })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('5000'),
    });
    const sheet = await fx.core.invoke('network.meetings.attendanceSheet', { meetingId: m.id, format: 'pdf' });
    expect(sheet.fileName).toMatch(/^daftar-hadir-temu-media-tahunan-2027-04-20\.pdf$/);
    expect(Buffer.from(sheet.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fx.core.invoke('app.info', {})).version).toBeTruthy();
  }, 180_000);
});
