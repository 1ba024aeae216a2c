/**
 * Permohonan OPD end to end (issue 13): two browser-mode instances, the PR desk and an agency's
 * contributor computer enrolled with a code made for that agency, synced through a real server
 * on 127.0.0.1. The agency sends a request from its computer; the desk sees it in its inbox and
 * declines it with a reason; the agency's computer shows the answer.
 */
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { expect, test } from './support/fixtures';
import { REPO_ROOT } from './support/paths';
import { startDeskAndAgency } from './support/desk-and-agency';
import { syncNow } from './support/sync-ui';

const shots = path.join(REPO_ROOT, 'assets', 'screenshots');

test('an agency sends a request, the desk answers, the agency sees the answer', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const setup = await startDeskAndAgency(page, browser, 'requests', [{ name: 'Dinas Kesehatan', abbreviation: 'Dinkes' }, { name: 'Dinas Pendidikan', abbreviation: 'Disdik' }]);
  const { agency } = setup;
  try {
    // The agency's computer: a code made for Dinas Kesehatan.
    const agencyFrame = await setup.enrolAgency('Laptop Dinkes');
    await agencyFrame.open('Permohonan');
    await expect(agency.getByText('Permohonan Dinas Kesehatan kepada Humas')).toBeVisible();
    await agency.getByRole('button', { name: 'Permohonan baru' }).click();
    const form = agency.getByTestId('request-form');
    // A date in the past is refused next to the date.
    await form.getByLabel('Judul kegiatan atau naskah').fill('Pencanangan Bulan Imunisasi Anak');
    await form.getByLabel('Tanggal mulai').fill('2020-01-06');
    await form.getByLabel('Jam mulai').fill('09:00');
    await form.getByLabel('Jam selesai').fill('11:00');
    await form.getByRole('button', { name: 'Kirim permohonan' }).click();
    await expect(form.getByRole('alert')).toContainText('sudah lewat');
    const next = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Tanggal mulai').fill(next);
    await form.getByLabel('Tempat').fill('Puskesmas Banjarsari');
    await form.getByLabel('Yang hadir').fill('Wali Kota, Kepala Dinas Kesehatan');
    await form.getByLabel('Narahubung', { exact: true }).fill('dr. Ratna');
    await agency.screenshot({ path: path.join(shots, 'warta-permohonan-opd-form.png') });
    await form.getByRole('button', { name: 'Kirim permohonan' }).click();
    await expect(agency.getByTestId('request-detail')).toContainText('Menunggu jawaban');
    // The scanned letter: a file that is not what its name says is refused next to the list.
    const files = agency.getByTestId('request-attachments');
    await files.locator('input[type=file]').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('bukan gambar') });
    await expect(files.getByRole('alert')).toContainText('tidak sesuai jenisnya');
    await files.locator('input[type=file]').setInputFiles({ name: 'surat-permohonan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nSurat permohonan peliputan\n%%EOF') });
    await expect(files).toContainText('surat-permohonan.pdf');
    await agencyFrame.open('Pengaturan');
    await syncNow(agency);

    // The desk's inbox.
    await syncNow(page);
    await new AppFrame(page).open('Permohonan');
    const table = page.getByTestId('requests-table');
    await expect(table).toContainText('Pencanangan Bulan Imunisasi Anak');
    await expect(table).toContainText('Dinas Kesehatan');
    await page.screenshot({ path: path.join(shots, 'warta-permohonan-humas.png') });
    await table.getByRole('button', { name: 'Pencanangan Bulan Imunisasi Anak' }).click();
    const detail = page.getByTestId('request-detail');
    await expect(detail).toContainText('Aplikasi Warta');
    await expect(detail.getByTestId('request-attachments')).toContainText('surat-permohonan.pdf');
    // Declining needs a reason, said next to the note.
    await detail.getByRole('button', { name: 'Tolak' }).click();
    await expect(detail.getByRole('alert').first()).toBeVisible();
    await detail.getByLabel(/Catatan untuk OPD/).fill('Tim liputan penuh pada hari itu; ajukan jumpa pers sebagai gantinya.');
    await detail.getByRole('button', { name: 'Tolak' }).click();
    await expect(detail).toContainText('Ditolak');
    await expect(detail.getByTestId('request-history')).toContainText('Diberi nomor');
    await page.screenshot({ path: path.join(shots, 'warta-permohonan-tolak.png') });
    await new AppFrame(page).open('Pengaturan');
    await syncNow(page);

    // The agency sees the answer.
    await agencyFrame.open('Pengaturan');
    await syncNow(agency);
    await agencyFrame.open('Permohonan');
    const row = agency.getByTestId('requests-table');
    await expect(row).toContainText('Ditolak');
    await row.getByRole('button', { name: 'Pencanangan Bulan Imunisasi Anak' }).click();
    await expect(agency.getByTestId('request-answer')).toContainText('Tim liputan penuh pada hari itu');
    await expect(agency.getByTestId('request-detail')).toContainText('/PRM/');
    await agency.screenshot({ path: path.join(shots, 'warta-permohonan-jawaban.png') });
  } finally {
    await setup.close();
  }
});
