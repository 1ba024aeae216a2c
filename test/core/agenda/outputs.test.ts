import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';
import { REPO_ROOT } from '../../support/temp-dir';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

const H = 3_600_000;
const D = 24 * H;
const MON = Date.UTC(2026, 10, 23, 1, 0); // Senin 23 November 2026 08.00 WIB
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const fixture = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/agenda', name), 'utf8');

async function agendaDay() {
  fx = openTestCore();
  const c = fx.core;
  const emblem = await c.invoke('attachments.putImage', { mime: 'image/png', base64: PNG_1X1 });
  await c.invoke('office.save', { ...SAMPLE_PROFILE, emblemHash: emblem.hash });
  const wk = await c.invoke('agenda.officials.save', { name: 'Ir. Hendra Wijaya', position: 'Wali Kota', precedenceRank: 10, isLeader: true });
  const sekda = await c.invoke('agenda.officials.save', { name: 'Dra. Rina Kusuma', position: 'Sekretaris Daerah', precedenceRank: 14, isLeader: true });
  await c.invoke('agenda.events.save', { title: 'Apel Pagi Kesadaran Nasional', startMs: MON, endMs: MON + H, leaderIds: [wk.id], placeName: 'Halaman Balai Kota', dressCode: 'PDU', leaderRole: 'leading', rrule: 'FREQ=WEEKLY;BYDAY=MO', protocolNotes: 'Hadir pukul 07.45' });
  await c.invoke('agenda.events.save', { title: 'Pembukaan Musrenbang Kecamatan', startMs: MON + 2 * H, endMs: null, leaderIds: [wk.id], placeName: 'Aula Kecamatan Utara', dressCode: 'PDH', leaderRole: 'opening', companionIds: [sekda.id], companionsText: 'Kepala Bappeda', aideContact: 'Kompol Adi Nugroho (ADC) 0812-1111-2222' });
  await c.invoke('agenda.events.save', { title: 'Rapat Terbatas', startMs: MON + 5 * H, endMs: MON + 6 * H, leaderIds: [sekda.id], placeName: 'Ruang Rapat Sekda' });
  return { c, wk, sekda };
}

function tmpFile(name: string, data: Buffer): string {
  const file = path.join(fx.dir, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('day sheet', () => {
  it('PDF on A4 and F4 has the letterhead and numbered rows (read with pdftotext)', async () => {
    const { c, wk } = await agendaDay();
    const out = await c.invoke('agenda.daySheet', { leaderId: wk.id, date: '2026-11-23', format: 'pdf', paper: 'A4' });
    if (!('base64' in out)) throw new Error('expected a file');
    expect(out.fileName).toBe('agenda-harian-2026-11-23-Wali-Kota.pdf');
    const file = tmpFile(out.fileName, Buffer.from(out.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('PEMERINTAH KOTA SUKAMAJU');
    expect(text).toContain('AGENDA HARIAN PIMPINAN');
    expect(text).toContain('Wali Kota – Ir. Hendra Wijaya');
    expect(text).toContain('Senin, 23 November 2026');
    expect(text).toMatch(/1\s+08\.00 – 09\.00 WIB\s+Apel Pagi Kesadaran/);
    expect(text).toMatch(/2\s+10\.00 WIB – s\.d\. selesai\s+Pembukaan Musrenbang/);
    // A narrow cell wraps: its words come out between other columns' lines.
    expect(text).toMatch(/Sekretaris Daerah \(Dra\.[\s\S]*Rina Kusuma\); Kepala[\s\S]*Bappeda/);
    expect(text).not.toContain('Rapat Terbatas'); // the sekda's, not the mayor's
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28/);
    const f4 = await c.invoke('agenda.daySheet', { leaderId: null, date: '2026-11-23', days: 7, format: 'pdf', paper: 'F4' });
    if (!('base64' in f4)) throw new Error('expected a file');
    const f4file = tmpFile('f4.pdf', Buffer.from(f4.base64, 'base64'));
    expect(execFileSync('pdfinfo', [f4file], { encoding: 'utf8' })).toMatch(/Page size:\s+935\.43 x 609\.45/);
    const week = execFileSync('pdftotext', ['-layout', f4file, '-'], { encoding: 'utf8' });
    expect(week).toContain('AGENDA MINGGUAN PIMPINAN');
    expect(week).toContain('Minggu, 29 November 2026');
    expect(week).toContain('Rapat Terbatas');
    // For all leaders each row says who attends; the aide's contact is on the internal sheet.
    expect(week).toMatch(/No\s+Waktu\s+Acara\s+Pimpinan\s+Tempat/);
    expect(week).toMatch(/Rapat Terbatas\s+Sekretaris Daerah/);
    expect(week).toMatch(/Kompol Adi/);
    expect(week).toContain('Senin, 23 November s.d. Minggu, 29 November 2026');
    expect(week).toMatch(/Halaman 1 dari \d/);
    expect(week).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no ISO dates on paper
  });

  it('the WhatsApp text is shareable: the leader of each item, but no protocol note and no aide phone', async () => {
    const { c } = await agendaDay();
    const out = await c.invoke('agenda.daySheet', { leaderId: null, date: '2026-11-23', format: 'whatsapp' });
    if (!('text' in out)) throw new Error('expected text');
    expect(out.text).toContain('Acara: Apel Pagi Kesadaran Nasional\n   Pimpinan: Wali Kota (Ir. Hendra Wijaya)');
    expect(out.text).toContain('Acara: Rapat Terbatas\n   Pimpinan: Sekretaris Daerah (Dra. Rina Kusuma)');
    expect(out.text).not.toContain('Hadir pukul 07.45');
    expect(out.text).not.toContain('0812-1111-2222');
  });

  it('DOCX opens in LibreOffice and converts with the same rows', async () => {
    const { c, wk } = await agendaDay();
    const out = await c.invoke('agenda.daySheet', { leaderId: wk.id, date: '2026-11-23', format: 'docx', paper: 'F4' });
    if (!('base64' in out)) throw new Error('expected a file');
    const file = tmpFile(out.fileName, Buffer.from(out.base64, 'base64'));
    const profile = path.join(fx.dir, 'lo-profile');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', fx.dir, file], { stdio: 'ignore', timeout: 120_000 });
    const pdf = file.replace(/\.docx$/, '.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('PEMERINTAH KOTA SUKAMAJU');
    expect(text).toContain('AGENDA HARIAN PIMPINAN');
    expect(text).toMatch(/No\s+Waktu\s+Acara\s+Tempat\s+Pakaian\s+Peran\s+Pendamping\s+Ajudan\/ADC\s+Keterangan/);
    expect(text).toContain('Kompol Adi');
    expect(text).toContain('Apel Pagi Kesadaran');
    expect(text).toMatch(/Membuka[\s\S]*acara/);
    expect(text).toContain('Hadir pukul 07.45');
  }, 150_000);
});

describe('ICS', () => {
  it('exports with VTIMEZONE, RRULE and stable UIDs; an independent parser (ical.js) reads it back', async () => {
    const { c, wk } = await agendaDay();
    await c.invoke('agenda.events.save', { title: 'Rapat Koordinasi di Makassar', startMs: MON + D, endMs: MON + D + H, zone: 'WITA', leaderIds: [wk.id] });
    const first = await c.invoke('agenda.ics.export', { leaderId: null });
    const second = await c.invoke('agenda.ics.export', { leaderId: null });
    const uids = (t: string) => [...t.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]);
    expect(uids(first.text)).toEqual(uids(second.text));
    const cal = new ICAL.Component(ICAL.parse(first.text));
    const tzids = cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(tzids.sort()).toEqual(['Asia/Jakarta', 'Asia/Makassar']);
    for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(z));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const apel = events.find((e) => e.summary === 'Apel Pagi Kesadaran Nasional')!;
    expect(apel.startDate.toJSDate().getTime()).toBe(MON);
    expect(apel.isRecurring()).toBe(true);
    const it = apel.iterator();
    it.next();
    expect(it.next().toJSDate().getTime()).toBe(MON + 7 * D);
    const mks = events.find((e) => e.summary === 'Rapat Koordinasi di Makassar')!;
    expect(mks.startDate.zone?.tzid).toBe('Asia/Makassar');
    expect(mks.startDate.hour).toBe(9);
    expect(mks.startDate.toJSDate().getTime()).toBe(MON + D);
    const open = events.find((e) => e.summary === 'Pembukaan Musrenbang Kecamatan')!;
    expect(open.component.getFirstProperty('dtend')).toBeNull();
    // Per leader: only the sekda's events.
    const sekdaOnly = await c.invoke('agenda.ics.export', { leaderId: (await c.invoke('agenda.officials.list', {})).find((o) => o.position === 'Sekretaris Daerah')!.id });
    expect(new ICAL.Component(ICAL.parse(sekdaOnly.text)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary'))).toEqual(['Rapat Terbatas']);
    // Round trip into a fresh workspace: the same instants and rule.
    const other = openTestCore();
    try {
      const rep = await other.core.invoke('agenda.ics.import', { text: first.text });
      expect(rep.skipped).toBe(0);
      const back = await other.core.invoke('agenda.range', { from: MON - D, to: MON + 8 * D });
      expect(back.items.filter((i) => i.title.startsWith('Apel')).map((i) => i.startMs)).toEqual([MON, MON + 7 * D]);
      expect(back.items.find((i) => i.title.startsWith('Pembukaan'))?.endMs).toBeNull();
    } finally {
      other.cleanup();
    }
  });

  it('imports a Google Calendar export: series with EXDATE and a moved occurrence, UTC, all-day, a Tokyo event; a second import adds nothing', async () => {
    fx = openTestCore();
    const c = fx.core;
    await c.invoke('office.save', SAMPLE_PROFILE);
    const text = fixture('google-calendar.ics');
    const preview = await c.invoke('agenda.ics.preview', { text });
    expect(preview.rows.map((r) => r.action)).toEqual(['new', 'exception', 'new', 'new', 'new']);
    expect(await c.invoke('agenda.range', { from: MON - D, to: MON + 30 * D })).toMatchObject({ items: [] }); // preview writes nothing
    const progress: number[] = [];
    fx.core.on('progress', (p) => progress.push(p.done));
    const rep = await c.invoke('agenda.ics.import', { text, jobId: 'g' });
    expect(rep).toMatchObject({ created: 4, exceptions: 1, skipped: 0 });
    expect(progress.at(-1)).toBe(5);
    const items = (await c.invoke('agenda.range', { from: MON - D, to: MON + 22 * D })).items;
    const apel = items.filter((i) => i.title.startsWith('Apel'));
    expect(apel.map((i) => [new Date(i.startMs).toISOString(), i.status])).toEqual([
      ['2026-11-23T01:00:00.000Z', 'confirmed'],
      ['2026-12-01T02:30:00.000Z', 'confirmed'], // moved to Tuesday 09.30
      ['2026-12-07T01:00:00.000Z', 'cancelled'], // EXDATE
      ['2026-12-14T01:00:00.000Z', 'confirmed'],
    ]);
    expect(items.find((i) => i.title.startsWith('Peresmian'))).toMatchObject({ startMs: Date.UTC(2026, 10, 25, 2), status: 'tentative', placeName: 'Pasar Rakyat Sukamaju' });
    expect(items.find((i) => i.title.startsWith('HUT'))).toMatchObject({ allDay: true, pressOpen: false });
    expect(items.find((i) => i.title.includes('Tokyo'))).toMatchObject({ zone: 'Asia/Tokyo', startMs: Date.UTC(2026, 11, 3, 1) });
    const again = await c.invoke('agenda.ics.import', { text });
    expect(again.created).toBe(0);
    expect(again.rows.filter((r) => r.action === 'skip').map((r) => r.reason)).toContain('Sudah ada di agenda (UID sama); tidak diimpor ulang.');
  });

  it('imports an Outlook export and reports each skipped event with its reason', async () => {
    fx = openTestCore();
    const c = fx.core;
    await c.invoke('office.save', SAMPLE_PROFILE);
    const rep = await c.invoke('agenda.ics.import', { text: fixture('outlook-with-problems.ics') });
    const byTitle = Object.fromEntries(rep.rows.map((r) => [r.title, r]));
    expect(byTitle['Rapat Koordinasi Hari Jadi Kota']).toMatchObject({ action: 'new', startMs: Date.UTC(2026, 10, 24, 6), zone: 'WIB' });
    expect(byTitle['Kunjungan Kerja ke Kabupaten Tetangga']).toMatchObject({ action: 'new', startMs: Date.UTC(2026, 10, 27, 1) });
    expect(byTitle['Acara dengan zona tak dikenal']?.reason).toBe('Zona waktu tidak dikenal: Mars Standard Time');
    expect(byTitle['Acara tanpa waktu mulai']?.reason).toBe('DTSTART (waktu mulai) tidak ada.');
    expect(byTitle['Selesai sebelum mulai']?.reason).toBe('Waktu selesai sebelum waktu mulai.');
    expect(byTitle['Baris rusak di bawah']?.reason).toMatch(/^Baris rusak: "ini baris tanpa nama properti"/);
    expect(byTitle['Rapat Koordinasi Hari Jadi Kota (salinan)']?.reason).toMatch(/UID yang sama muncul dua kali/);
    expect(byTitle['Terpotong']?.reason).toMatch(/END:VEVENT/);
    expect(rep).toMatchObject({ created: 2, skipped: 6 });
    // The folded UID was unfolded: one row, its full UID.
    expect(fx.core.context.db.prepare("SELECT ics_uid FROM agenda_events WHERE title = 'Rapat Koordinasi Hari Jadi Kota'").get()).toEqual({
      ics_uid: '040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5D9010000000000000000100000001234567890ABCDEF',
    });
  });

  it('refuses files that are not calendars or are too large, writing nothing', async () => {
    fx = openTestCore();
    const c = fx.core;
    expect(await c.call('agenda.ics.import', { text: 'Nama,Tanggal\nRapat,2026-11-23' })).toMatchObject({ ok: false, error: { code: 'unsupported_file', message: expect.stringContaining('bukan kalender ICS') } });
    expect(await c.call('agenda.ics.import', { text: 'x'.repeat(7 * 1024 * 1024 + 1) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const many = ['BEGIN:VCALENDAR', ...Array.from({ length: 20_001 }, (_, i) => `BEGIN:VEVENT\r\nUID:u${i}\r\nDTSTART:20261123T010000Z\r\nEND:VEVENT`), 'END:VCALENDAR'].join('\r\n');
    expect(await c.call('agenda.ics.import', { text: many })).toMatchObject({ ok: false, error: { code: 'unsupported_file', message: expect.stringContaining('paling banyak 20000') } });
    expect(fx.core.context.db.prepare('SELECT count(*) AS n FROM agenda_events').get()).toEqual({ n: 0 });
  });

  it('imports 10,000 events in chunks with progress', async () => {
    fx = openTestCore();
    const c = fx.core;
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0'];
    for (let i = 0; i < 10_000; i++) {
      const start = new Date(MON + i * H).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
      lines.push('BEGIN:VEVENT', `UID:bulk-${i}@example`, `DTSTART:${start}`, `SUMMARY:Kegiatan ${i}`, 'END:VEVENT');
    }
    lines.push('END:VCALENDAR');
    const updates: { done: number; finished: boolean }[] = [];
    fx.core.on('progress', (p) => updates.push(p));
    const rep = await c.invoke('agenda.ics.import', { text: lines.join('\r\n'), jobId: 'bulk' });
    expect(rep.created).toBe(10_000);
    expect(updates.length).toBeGreaterThan(10);
    expect(updates.at(-1)).toMatchObject({ done: 10_000, finished: true });
    expect(fx.core.context.db.prepare('SELECT count(*) AS n FROM agenda_events').get()).toEqual({ n: 10_000 });
  }, 60_000);
});
