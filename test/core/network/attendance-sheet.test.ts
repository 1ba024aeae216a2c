/**
 * The attendance list (daftar hadir) of one wave on the office letterhead: the PDF read with
 * pdftotext, the DOCX opened and converted by LibreOffice and read back.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
beforeEach(() => (fx = openTestCore()));
afterEach(() => fx.cleanup());

async function meeting() {
  const c = fx.core;
  await c.invoke('office.save', SAMPLE_PROFILE);
  const opd = (await c.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' })).id;
  const rina = await c.invoke('network.contacts.save', { opdId: opd, name: 'Rina Kartika', position: 'Pranata Humas Ahli Muda' });
  const budi = await c.invoke('network.contacts.save', { opdId: opd, name: 'Budi Santoso', position: 'Kasubbag Umum' });
  const m = await c.invoke('network.meetings.save', {
    kind: 'workshop',
    title: 'Pelatihan Penulisan Rilis',
    place: 'Aula Setda',
    waves: [
      { label: 'Gelombang 1', date: '2027-02-10', startTime: '08:00', endTime: '12:00' },
      { label: 'Gelombang 2', date: '2027-02-17', startTime: '13:00' },
    ],
  });
  const d = await c.invoke('network.meetings.invite', { meetingId: m.id, waveId: m.waveList[0]!.id, contactIds: [rina.id, budi.id] });
  await c.invoke('network.invitees.attend', { meetingId: m.id, inviteeId: d.invitees.find((i) => i.name === 'Rina Kartika')!.id, present: true });
  return m;
}

function save(name: string, base64: string): string {
  const file = path.join(fx.dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

it('PDF: letterhead, title, the wave and its date, one numbered row per invitee, who is already present', async () => {
  const m = await meeting();
  const out = await fx.core.invoke('network.meetings.attendanceSheet', { meetingId: m.id, waveId: m.waveList[0]!.id, format: 'pdf', paper: 'F4' });
  const file = save(out.fileName, out.base64);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('PEMERINTAH KOTA SUKAMAJU');
  expect(text).toContain('DAFTAR HADIR');
  expect(text).toContain('Pelatihan Penulisan Rilis');
  expect(text).toContain('Gelombang 1');
  expect(text).toContain('Hari/tanggal: 10 Februari 2027');
  expect(text).toContain('Waktu: 08:00–12:00');
  expect(text).toMatch(/No\s+Nama\s+Jabatan\s+Instansi \/ Media\s+Kehadiran\s+Tanda tangan/);
  expect(text).toMatch(/1\.\s+Budi Santoso\s+Kasubbag Umum\s+Dinas Kesehatan/);
  expect(text).toMatch(/2\.\s+Rina Kartika\s+Pranata Humas Ahli\s+Dinas Kesehatan\s+Hadir/);
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+609\.45 x 935\.43/);

  const empty = await fx.core.invoke('network.meetings.attendanceSheet', { meetingId: m.id, waveId: m.waveList[1]!.id, format: 'pdf' });
  expect(execFileSync('pdftotext', ['-layout', save('kosong.pdf', empty.base64), '-'], { encoding: 'utf8' })).toContain('Belum ada undangan.');
  await expect(fx.core.invoke('network.meetings.attendanceSheet', { meetingId: m.id, waveId: crypto.randomUUID(), format: 'pdf' })).rejects.toMatchObject({ code: 'not_found' });
});

it('DOCX opens in LibreOffice and converts with the same rows', async () => {
  const m = await meeting();
  const out = await fx.core.invoke('network.meetings.attendanceSheet', { meetingId: m.id, format: 'docx' });
  expect(out.fileName).toBe('daftar-hadir-pelatihan-penulisan-rilis-2027-02-10.docx');
  const file = save(out.fileName, out.base64);
  const profile = path.join(fx.dir, 'lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', fx.dir, file], { stdio: 'ignore', timeout: 120_000 });
  const text = execFileSync('pdftotext', ['-layout', file.replace(/\.docx$/, '.pdf'), '-'], { encoding: 'utf8' });
  expect(text).toContain('PEMERINTAH KOTA SUKAMAJU');
  expect(text).toContain('DAFTAR HADIR');
  expect(text).toContain('Hari/tanggal: 10 Februari 2027');
  expect(text).toMatch(/Budi Santoso/);
  expect(text).toMatch(/Rina Kartika\s+Pranata Humas Ahli\s+Dinas Kesehatan\s+Hadir|Rina Kartika[\s\S]*Hadir/);
}, 180_000);
