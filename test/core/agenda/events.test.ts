import { afterEach, describe, expect, it } from 'vitest';
import { readChangeLog } from '../../../electron/core/data/change-log';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';
import { fakeClock } from '../../support/fake-clock';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

const H = 3_600_000;
const D = 24 * H;
const MON = Date.UTC(2026, 10, 23, 1, 0); // Senin 23 November 2026 08.00 WIB

async function setup() {
  fx = openTestCore({ clock: fakeClock().now });
  const c = fx.core;
  await c.invoke('office.save', SAMPLE_PROFILE);
  const walikota = await c.invoke('agenda.officials.save', { name: 'Ir. Hendra Wijaya', position: 'Wali Kota', precedenceRank: 10, isLeader: true });
  const wakil = await c.invoke('agenda.officials.save', { name: 'Dra. Siti Rahmawati', position: 'Wakil Wali Kota', precedenceRank: 11, isLeader: true });
  const reporter = await c.invoke('agenda.staff.save', { name: 'Andi Pratama', duties: ['reporter'] });
  return { c, walikota, wakil, reporter };
}

describe('officials and staff', () => {
  it('orders officials by precedence, seeds the UU 9/2010 defaults only into an empty list, and keeps deleted rows as tombstones', async () => {
    fx = openTestCore();
    const c = fx.core;
    const seeded = await c.invoke('agenda.officials.seedDefaults', {});
    expect(seeded[0]?.position).toBe('Gubernur');
    expect(seeded.map((o) => o.precedenceRank)).toEqual([...seeded.map((o) => o.precedenceRank)].sort((a, b) => a - b));
    expect(await c.call('agenda.officials.seedDefaults', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const first = seeded[0]!;
    await c.invoke('agenda.officials.delete', { id: first.id });
    expect((await c.invoke('agenda.officials.list', {})).some((o) => o.id === first.id)).toBe(false);
    expect((await c.invoke('agenda.officials.list', { includeDeleted: true })).find((o) => o.id === first.id)?.deletedAt).not.toBeNull();
    expect(await c.call('agenda.officials.save', { name: '', position: 'Camat', precedenceRank: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await c.call('agenda.staff.save', { name: 'Budi', duties: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Pilih minimal satu tugas') } });
  });
});

describe('events', () => {
  it('answers a month grid with its rows a day and a count of the rest, and refuses a bad row count', async () => {
    const { c, walikota } = await setup();
    for (let i = 0; i < 6; i++) await c.invoke('agenda.events.save', { title: `Audiensi ${i + 1}`, startMs: MON + i * H, endMs: MON + i * H + 30 * 60_000, leaderIds: [walikota.id], placeName: 'Ruang Wali Kota' });
    await c.invoke('agenda.events.save', { title: 'Rapat staf', startMs: MON + D, endMs: MON + D + H, leaderIds: [walikota.id], placeName: 'Ruang Rapat' });
    const whole = await c.invoke('agenda.range', { from: MON - 8 * H, to: MON + 7 * D });
    expect(whole.items).toHaveLength(7);
    expect(whole.more).toEqual([]);
    const grid = await c.invoke('agenda.range', { from: MON - 8 * H, to: MON + 7 * D, perDay: 4 });
    expect(grid.items.map((i) => i.title)).toEqual(['Audiensi 1', 'Audiensi 2', 'Audiensi 3', 'Rapat staf']);
    expect(grid.more).toEqual([{ date: '2026-11-23', count: 3 }]);
    for (const perDay of [0, 51, 2.5]) {
      const bad = await c.call('agenda.range', { from: MON, to: MON + D, perDay });
      expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    }
  });

  it('saves a recurring event, moves one occurrence, cancels another, and logs every change', async () => {
    const { c, walikota } = await setup();
    const { event: series } = await c.invoke('agenda.events.save', { title: 'Apel Pagi', startMs: MON, endMs: MON + H, leaderIds: [walikota.id], rrule: 'FREQ=WEEKLY;BYDAY=MO', placeName: 'Halaman Balai Kota', dressCode: 'PDU', leaderRole: 'leading' });
    const moved = await c.invoke('agenda.events.move', { eventId: series.id, originalStartMs: MON + 7 * D, startMs: MON + 8 * D + 2 * H, endMs: MON + 8 * D + 3 * H });
    expect(moved.event).toMatchObject({ seriesId: series.id, originalStartMs: MON + 7 * D, rrule: null, title: 'Apel Pagi', dressCode: 'PDU' });
    await c.invoke('agenda.events.cancelOccurrence', { seriesId: series.id, originalStartMs: MON + 14 * D });
    const range = await c.invoke('agenda.range', { from: MON, to: MON + 28 * D });
    expect(range.items.map((i) => [(i.startMs - MON) / H, i.status, i.key])).toEqual([
      [0, 'confirmed', `${series.id}@${MON}`],
      [8 * 24 + 2, 'confirmed', `${series.id}@${MON + 7 * D}`],
      [14 * 24, 'cancelled', `${series.id}@${MON + 14 * D}`],
      [21 * 24, 'confirmed', `${series.id}@${MON + 21 * D}`],
    ]);
    // Moving the moved occurrence again updates its exception row; moving it back restores the time.
    await c.invoke('agenda.events.move', { eventId: series.id, originalStartMs: MON + 7 * D, startMs: MON + 7 * D, endMs: MON + 7 * D + H });
    const again = await c.invoke('agenda.range', { from: MON + 6 * D, to: MON + 9 * D });
    expect(again.items.map((i) => i.startMs)).toEqual([MON + 7 * D]);
    expect(fx.core.context.db.prepare('SELECT count(*) AS n FROM agenda_events WHERE series_id = ?').get(series.id)).toEqual({ n: 2 });
    expect(readChangeLog(fx.core.context.db).filter((ch) => ch.table === 'agenda_events').length).toBeGreaterThanOrEqual(4);
    // Deleting a series takes its exceptions; restoring brings them back.
    await c.invoke('agenda.events.delete', { id: series.id });
    expect((await c.invoke('agenda.range', { from: MON, to: MON + 28 * D })).items).toEqual([]);
    await c.invoke('agenda.events.restore', { id: series.id });
    expect((await c.invoke('agenda.range', { from: MON, to: MON + 28 * D })).items).toHaveLength(4);
  });

  it('warns of conflicts on save: leader, staff, press room, recurring occurrences and across zones', async () => {
    const { c, walikota, wakil, reporter } = await setup();
    await c.invoke('agenda.settings.save', { travelMinutes: 30, openEndMinutes: 120 });
    const { event: series } = await c.invoke('agenda.events.save', { title: 'Apel Pagi', startMs: MON, endMs: MON + H, leaderIds: [walikota.id], rrule: 'FREQ=WEEKLY;BYDAY=MO', placeName: 'Balai Kota', reporterId: reporter.id });
    // Three weeks later, 09.30 WITA = 08.30 WIB, somewhere else: the third Monday occurrence clashes.
    const wita = await c.invoke('agenda.events.save', { title: 'Kunjungan ke Makassar', startMs: MON + 21 * D + 30 * 60_000, endMs: MON + 21 * D + 2 * H, zone: 'WITA', leaderIds: [walikota.id], placeName: 'Makassar' });
    expect(wita.conflicts).toMatchObject([{ kind: 'leader', personId: walikota.id, otherEventId: series.id, otherStartMs: MON + 21 * D, travelOnly: false }]);
    // The wakil is free; the reporter is not.
    const rep = await c.invoke('agenda.events.check', { title: 'Liputan pasar', startMs: MON + 7 * D + 30 * 60_000, endMs: MON + 7 * D + 2 * H, leaderIds: [wakil.id], reporterId: reporter.id, placeName: 'Pasar' });
    expect(rep.map((x) => x.kind)).toEqual(['staff']);
    // Travel time: 09.15 elsewhere is too close to the end of the 08.00–09.00 apel.
    const travel = await c.invoke('agenda.events.check', { title: 'Rapat', startMs: MON + H + 15 * 60_000, endMs: MON + 2 * H, leaderIds: [walikota.id], placeName: 'Kantor Bappeda' });
    expect(travel).toMatchObject([{ kind: 'leader', travelOnly: true }]);
    await c.invoke('agenda.settings.save', { travelMinutes: 10, openEndMinutes: 120 });
    expect(await c.invoke('agenda.events.check', { title: 'Rapat', startMs: MON + H + 15 * 60_000, endMs: MON + 2 * H, leaderIds: [walikota.id], placeName: 'Kantor Bappeda' })).toEqual([]);
    // A new recurring series clashing on its second occurrence only.
    const recurring = await c.invoke('agenda.events.check', { title: 'Senam', startMs: MON - 7 * D + 30 * 60_000, endMs: MON - 7 * D + H, leaderIds: [walikota.id], rrule: 'FREQ=WEEKLY;COUNT=2', placeName: 'Balai Kota' });
    expect(recurring.map((x) => x.otherStartMs)).toEqual([MON]);
    // Press room: two bookings overlap.
    await c.invoke('agenda.events.save', { kind: 'press_conference', title: 'Jumpa pers Dinkes', startMs: MON + 3 * H, endMs: MON + 4 * H, usesPressRoom: true, placeName: 'Ruang Pers' });
    const pr = await c.call('agenda.events.save', { kind: 'press_conference', title: 'Jumpa pers Dishub', startMs: MON + 3.5 * H, endMs: MON + 4.5 * H, usesPressRoom: true, placeName: 'Ruang Pers' });
    expect(pr).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Ruang pers sudah dipesan untuk "Jumpa pers Dinkes"') } });
    expect(fx.core.context.db.prepare("SELECT count(*) AS n FROM agenda_events WHERE title LIKE 'Jumpa pers%'").get()).toEqual({ n: 1 });
    // Right after it, the room is free.
    const next = await c.invoke('agenda.events.save', { kind: 'press_conference', title: 'Jumpa pers Dishub', startMs: MON + 4 * H, endMs: MON + 5 * H, usesPressRoom: true, placeName: 'Ruang Pers' });
    expect(next.conflicts).toEqual([]);
    // Dragging it back onto the first booking is refused too, and leaves it where it was.
    expect(await c.call('agenda.events.move', { eventId: next.event.id, originalStartMs: null, startMs: MON + 3 * H, endMs: MON + 4 * H })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await c.invoke('agenda.events.get', { id: next.event.id })).startMs).toBe(MON + 4 * H);
    // Moving the occurrence away clears its conflict; the event itself is never its own conflict.
    const mv = await c.invoke('agenda.events.move', { eventId: series.id, originalStartMs: MON + 21 * D, startMs: MON + 22 * D, endMs: MON + 22 * D + H });
    expect(mv.conflicts).toEqual([]);
  });

  it('refuses bad input with Indonesian messages and keeps what was saved', async () => {
    const { c, walikota } = await setup();
    const { event } = await c.invoke('agenda.events.save', { title: 'Rapat Pimpinan', startMs: MON, endMs: MON + H, leaderIds: [walikota.id] });
    const cases: [unknown, RegExp][] = [
      [{ id: event.id, title: 'Rapat Pimpinan', startMs: MON, endMs: MON - H }, /Waktu selesai harus sesudah waktu mulai/],
      [{ title: 'X', startMs: MON, endMs: MON + 20 * D }, /paling lama 14 hari/],
      [{ title: 'X', startMs: MON, zone: 'Mars/Olympus' }, /Zona waktu tidak dikenal/],
      [{ title: '', startMs: MON }, /Nama acara wajib diisi/],
      [{ title: 'X', startMs: MON, status: 'represented' }, /Isi siapa yang mewakili/],
      [{ title: 'X', startMs: MON, rrule: 'BYDAY=MO' }, /FREQ/],
      [{ title: 'X', startMs: MON, rrule: 'FREQ=HOURLY' }, /per jam/],
    ];
    for (const [input, message] of cases) {
      const r = await c.call('agenda.events.save', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(JSON.stringify(r.error)).toMatch(message);
      }
    }
    expect(await c.invoke('agenda.events.get', { id: event.id })).toMatchObject({ title: 'Rapat Pimpinan', endMs: MON + H });
    expect(await c.call('agenda.events.move', { eventId: event.id, originalStartMs: null, startMs: MON, endMs: MON - 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('shows an event in a zone outside Indonesia at the right instant', async () => {
    const { c } = await setup();
    // 10.00 in Tokyo (UTC+9) is 08.00 WIB.
    const tokyo = Date.UTC(2026, 11, 3, 1, 0);
    const { event } = await c.invoke('agenda.events.save', { title: 'Kota Kembar', startMs: tokyo, endMs: tokyo + 2 * H, zone: 'Asia/Tokyo' });
    expect(event.zone).toBe('Asia/Tokyo');
    const ws = await c.invoke('agenda.daySheet', { leaderId: null, date: '2026-12-03', format: 'whatsapp' });
    expect('text' in ws && ws.text).toContain('08.00 – 10.00 WIB (10.00 Asia/Tokyo waktu setempat)');
  });

  it('gives journalists and guests open events only, without notes, protocol notes or staff', async () => {
    const { c, reporter } = await setup();
    await c.invoke('agenda.events.save', { title: 'Jumpa pers', startMs: MON, endMs: MON + H, pressOpen: true, protocolNotes: 'Rahasia protokol', notes: 'Catatan internal', reporterId: reporter.id });
    await c.invoke('agenda.events.save', { title: 'Rapat tertutup', startMs: MON + 2 * H, endMs: MON + 3 * H, pressOpen: false });
    // Switch the caller to a journalist for this core.
    const { callerFor } = await import('../../../electron/core/caller');
    (fx.core.context as { currentCaller: () => unknown }).currentCaller = () => callerFor(null, 'Wartawan', ['journalist']);
    const r = await c.invoke('agenda.range', { from: MON - D, to: MON + D });
    expect(r.items.map((i) => i.title)).toEqual(['Jumpa pers']);
    expect(r.items[0]).toMatchObject({ reporterId: null });
    expect(JSON.stringify(r.items)).not.toMatch(/Rahasia protokol|Catatan internal/);
    expect(await c.call('agenda.events.get', { id: r.items[0]!.eventId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await c.call('agenda.daySheet', { leaderId: null, date: '2026-11-23', format: 'whatsapp' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('holidays', () => {
  it('are seeded once from assets with the same ids on every machine, and are editable', async () => {
    fx = openTestCore();
    const c = fx.core;
    const y2026 = await c.invoke('agenda.holidays.list', { year: 2026 });
    expect(y2026.find((h) => h.date === '2026-08-17')).toMatchObject({ kind: 'libur_nasional', name: expect.stringContaining('Proklamasi'), source: expect.stringContaining('SKB') });
    const other = openTestCore();
    try {
      const again = await other.core.invoke('agenda.holidays.list', { year: 2026 });
      expect(again.map((h) => h.id)).toEqual(y2026.map((h) => h.id));
    } finally {
      other.cleanup();
    }
    const removed = y2026.find((h) => h.date === '2026-12-24')!;
    await c.invoke('agenda.holidays.delete', { id: removed.id });
    await c.invoke('agenda.holidays.save', { date: '2026-11-27', name: 'Hari Jadi Kota Sukamaju', kind: 'libur_nasional', source: 'Keputusan Wali Kota' });
    const after = await c.invoke('agenda.holidays.list', { year: 2026 });
    expect(after.some((h) => h.id === removed.id)).toBe(false); // not re-seeded
    expect(after.some((h) => h.date === '2026-11-27')).toBe(true);
    const range = await c.invoke('agenda.range', { from: Date.UTC(2026, 11, 1), to: Date.UTC(2026, 11, 31) });
    expect(range.holidays.map((h) => h.date)).toEqual(['2026-12-25']);
    expect(await c.call('agenda.holidays.save', { date: '27-11-2026', name: 'x', kind: 'libur_nasional' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('invitation letter', () => {
  it('keeps a PDF scan with the event and refuses a file that is not what it claims', async () => {
    const { c } = await setup();
    const pdf = Buffer.from('%PDF-1.4\n% surat undangan\n').toString('base64');
    const put = await c.invoke('agenda.invitation.put', { mime: 'application/pdf', base64: pdf });
    const { event } = await c.invoke('agenda.events.save', { title: 'Undangan HUT', startMs: MON, invitationNumber: '005/123/Dinkes/2026', invitationDate: '2026-11-10', invitationFileHash: put.hash, invitationFileName: 'undangan.pdf', invitationFileMime: 'application/pdf' });
    expect(await c.invoke('agenda.invitation.get', { eventId: event.id })).toEqual({ fileName: 'undangan.pdf', mime: 'application/pdf', base64: pdf });
    expect(await c.call('agenda.invitation.put', { mime: 'application/pdf', base64: Buffer.from('<html>').toString('base64') })).toMatchObject({ ok: false, error: { code: 'unsupported_file' } });
    expect(await c.call('agenda.events.save', { title: 'X', startMs: MON, invitationFileHash: 'a'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('event to release', () => {
  it('lists the releases written from an event with the time-to-release clock', async () => {
    const clock = fakeClock(Date.UTC(2026, 10, 23, 4, 0)); // 11.00 WIB
    fx = openTestCore({ clock: clock.now });
    const c = fx.core;
    await c.invoke('office.save', SAMPLE_PROFILE);
    const { event } = await c.invoke('agenda.events.save', { title: 'Peresmian Pasar', startMs: MON, endMs: MON + 2 * H }); // ends 10.00 WIB
    expect(await c.invoke('agenda.events.releases', { eventId: event.id })).toEqual([]);
    const rel = await c.invoke('releases.create', { title: 'Wali Kota Resmikan Pasar', eventId: event.id, eventEndAt: new Date(MON + 2 * H).toISOString() });
    const list = await c.invoke('agenda.events.releases', { eventId: event.id });
    expect(list).toMatchObject([{ id: rel.id, title: 'Wali Kota Resmikan Pasar', publishedAt: null, minutes: 60 }]);
    expect(list[0]?.targetMinutes).toBeGreaterThan(0);
    // What "Tulis rilis" sends after creating: the dateline city, date, leaders and place.
    const upd = await c.call('releases.update', { id: rel.id, fields: { datelineCity: 'Sukamaju', releaseDate: '2026-11-23', subtitle: 'Wali Kota Ir. Hendra Wijaya di Pasar Rakyat' } });
    expect(upd).toMatchObject({ ok: true });
    expect(await c.invoke('releases.get', { id: rel.id })).toMatchObject({ eventId: event.id, datelineCity: 'Sukamaju', releaseDate: '2026-11-23', subtitle: 'Wali Kota Ir. Hendra Wijaya di Pasar Rakyat' });
  });
});
