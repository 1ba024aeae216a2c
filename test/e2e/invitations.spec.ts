/**
 * An invitation for a leader at the desk (issue 13), in Chromium against a browser-mode host: an
 * invitation from an outside party is recorded with its letter number and date, the letter is
 * attached, "diwakilkan" without a deputy is refused next to the field, the decision
 * *diwakilkan kepada …* is taken, a reporter is assigned from the request, and the agenda shows
 * the item with the deputy and the reporter; the board's numbers per OPD count it. (The inviter's
 * device receiving the decision is tested with a real server in test/sync/opd-invitations.test.ts.)
 */
import path from 'node:path';
import { addDaysToKey, dateKey } from '../../shared/agenda/zones';
import { AgendaPage } from './pages/agenda-page';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { REPO_ROOT } from './support/paths';

const shots = path.join(REPO_ROOT, 'assets', 'screenshots');

test('an invitation from an outside party: recorded with its letter, decided diwakilkan, on the agenda with the deputy', async ({ page, warta }) => {
  test.setTimeout(120_000);
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await callCore(page, 'agenda.staff.save', { name: 'Rina Lestari', duties: ['reporter'] });
  const frame = new AppFrame(page);
  await frame.open('Permohonan');
  await page.getByRole('button', { name: 'Catat permohonan OPD' }).click();
  const form = page.getByTestId('request-form');
  await form.getByLabel('Jenis permohonan').selectOption({ label: 'Undangan untuk pimpinan' });
  await form.getByLabel('Masuk lewat').selectOption({ label: 'Surat' });
  await form.getByLabel('Pengundang').fill('Universitas Sebelas Maret');
  await form.getByLabel('Nomor surat undangan').fill('1234/UN27/HM/2026');
  await form.getByLabel('Tanggal surat undangan').fill('2026-11-30');
  await form.getByLabel('Judul kegiatan atau naskah').fill('Dies Natalis Universitas Sebelas Maret');
  const day = addDaysToKey(dateKey(Date.now(), 'Asia/Jakarta'), 2);
  await form.getByLabel('Tanggal mulai').fill(day);
  await form.getByLabel('Jam mulai').fill('09:00');
  await form.getByLabel('Jam selesai').fill('11:00');
  await form.getByLabel('Tempat').fill('Auditorium UNS');
  await page.screenshot({ path: path.join(shots, 'warta-undangan-form.png') });
  await form.getByRole('button', { name: 'Kirim permohonan' }).click();
  const detail = page.getByTestId('request-detail');
  await expect(detail).toContainText('Universitas Sebelas Maret');
  await expect(detail).toContainText('1234/UN27/HM/2026');
  // The letter.
  const files = detail.getByTestId('request-attachments');
  await files.locator('input[type=file]').setInputFiles({ name: 'undangan-dies.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nUndangan Dies Natalis\n%%EOF') });
  await expect(files).toContainText('undangan-dies.pdf');

  const panel = detail.getByTestId('invitation-disposition');
  await expect(panel.getByTestId('invitation-decision')).toContainText('Belum diputuskan');
  await panel.getByRole('radio', { name: 'Diwakilkan' }).check();
  // Represented by no one: refused next to the field.
  await panel.getByRole('button', { name: 'Putuskan' }).click();
  await expect(panel.getByText(/Diwakilkan kepada siapa/)).toBeVisible();
  await panel.getByLabel(/Diwakilkan kepada \(nama dan jabatan\)/).fill('Wakil Wali Kota, Teguh Prakosa');
  await panel.getByRole('button', { name: 'Usulkan disposisi' }).click();
  await expect(panel.getByTestId('invitation-proposal')).toContainText('Wakil Wali Kota, Teguh Prakosa');
  await panel.getByRole('button', { name: 'Putuskan' }).click();
  await expect(panel.getByTestId('invitation-decision')).toContainText('Diwakilkan kepada Wakil Wali Kota, Teguh Prakosa');
  await expect(detail.getByTestId('request-answer')).toContainText('Pimpinan diwakilkan kepada Wakil Wali Kota, Teguh Prakosa.');
  await expect(detail).toContainText('Diterima');
  await expect(detail.getByTestId('request-history')).toContainText('Disposisi diputuskan');
  await page.screenshot({ path: path.join(shots, 'warta-undangan-disposisi.png') });

  // The coverage team, on the agenda item's own assignment.
  const coverage = detail.getByTestId('request-coverage');
  await coverage.getByLabel('Reporter').selectOption({ label: 'Rina Lestari' });
  await coverage.getByRole('button', { name: 'Simpan tim liputan' }).click();
  await expect(coverage.getByRole('status')).toContainText('Tim liputan tersimpan');
  await expect(detail.getByTestId('request-history')).toContainText('Tim liputan: Rina Lestari');
  await coverage.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'warta-permohonan-tim-liputan.png') });

  // The agenda item, with the deputy.
  await detail.getByRole('button', { name: /Menjadi agenda/ }).click();
  const agenda = new AgendaPage(page);
  await agenda.view('Daftar');
  await agenda.event('Dies Natalis Universitas Sebelas Maret').first().click();
  await expect(agenda.detail).toContainText('Wakil Wali Kota, Teguh Prakosa');
  await expect(agenda.detail).toContainText('Rina Lestari');

  // The numbers per OPD for this month, on the board.
  await frame.open('Permohonan');
  const numbers = page.getByTestId('requests-numbers');
  await numbers.getByText('Angka per OPD').click();
  await expect(numbers.getByRole('row', { name: /Pihak luar/ })).toContainText(/1\s*1\s*0/);
  await expect(numbers.getByRole('row', { name: /Semua OPD/ })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'warta-permohonan-angka.png') });
});
