/**
 * Jejaring Kehumasan end to end in Chromium (issue 13 items 3 and 4), as the PR office walks it:
 * an OPD's PR contact entered (an invalid phone refused next to the form), a workshop in two waves
 * (a wave without a date refused), the network invited, RSVP and attendance marked on the day,
 * the daftar hadir downloaded as PDF, minutes written and an action item followed to done.
 */
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { REPO_ROOT } from './support/paths';

const shots = path.join(REPO_ROOT, 'assets', 'screenshots');

test('PR network: a contact, a workshop in two waves, invitations, attendance, the daftar hadir, minutes and an action item', async ({ page, warta }) => {
  test.setTimeout(180_000);
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await callCore(page, 'opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' });
  const disdik = await callCore<{ id: string }>(page, 'opd.save', { name: 'Dinas Pendidikan', abbreviation: 'Disdik' });
  await callCore(page, 'network.contacts.save', { opdId: disdik.id, name: 'Budi Santoso', position: 'Kasubbag Umum' });
  const frame = new AppFrame(page);
  await frame.open('Jejaring Kehumasan');

  // A contact: an invalid phone is refused next to the form, nothing saved; then the right one.
  await page.getByRole('button', { name: 'Tambah kontak' }).click();
  const form = page.locator('form.network-form');
  await form.getByLabel('OPD').selectOption({ label: 'Dinas Kesehatan' });
  await form.getByLabel('Nama').fill('Rina Kartika');
  await form.getByLabel('Jabatan').fill('Pranata Humas Ahli Muda');
  await form.getByLabel('Telepon').fill('0812-34');
  await form.getByLabel('Email').fill('rina@dinkes.surakarta.go.id');
  await form.getByLabel('Anggota tim informasi').check();
  await form.getByLabel('Nomor SK').fill('800/112/2026');
  await form.getByLabel('Tanggal SK').fill('2026-01-15');
  await form.getByLabel('Persetujuan pemrosesan data pribadi').selectOption('given');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form.getByRole('alert')).toContainText('bukan nomor Indonesia yang sah', { timeout: 15_000 });
  await form.getByLabel('Telepon').fill('0812-3456-7890');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kontak disimpan.' })).toBeVisible({ timeout: 15_000 });
  const contacts = page.getByTestId('network-contacts');
  await expect(contacts.getByRole('row', { name: /Rina Kartika/ })).toContainText('SK 800/112/2026');
  await page.screenshot({ path: path.join(shots, 'warta-jejaring-kontak.png') });

  // A workshop in two waves: the second without a date is refused.
  await page.getByRole('button', { name: 'Pertemuan', exact: true }).click();
  await page.getByRole('button', { name: 'Pertemuan baru' }).click();
  const mf = page.locator('form.network-form');
  await mf.getByLabel('Jenis').selectOption('workshop');
  await mf.getByLabel('Judul').fill('Pelatihan Penulisan Rilis Tim Informasi OPD');
  await mf.getByLabel('Tempat', { exact: true }).fill('Aula Balai Kota');
  const waves = mf.getByTestId('network-wave');
  await waves.nth(0).getByLabel('Tanggal').fill('2027-02-10');
  await waves.nth(0).getByLabel('Mulai').fill('08:00');
  await mf.getByRole('button', { name: 'Tambah gelombang' }).click();
  await mf.getByRole('button', { name: 'Simpan' }).click();
  await expect(mf.getByRole('alert')).toContainText('tanpa tanggal', { timeout: 15_000 });
  await waves.nth(1).getByLabel('Tanggal').fill('2027-02-17');
  await mf.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { name: /Pelatihan Penulisan Rilis Tim Informasi OPD/ })).toBeVisible({ timeout: 15_000 });

  // Invite the whole network to wave 1; RSVP and attendance on the day.
  await page.getByRole('button', { name: 'Undang', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 orang kini diundang.' })).toBeVisible({ timeout: 15_000 });
  const invitees = page.getByTestId('network-invitees');
  await invitees.getByLabel('Konfirmasi Rina Kartika').selectOption('yes');
  // The box follows the core's answer (checked once the attendance is stored).
  await invitees.getByLabel('Tandai Rina Kartika hadir').click();
  await expect(invitees.getByLabel('Tandai Rina Kartika hadir')).toBeChecked({ timeout: 15_000 });
  await expect(page.getByTestId('network-tally').first()).toContainText('2 diundang, 1 konfirmasi hadir, 1 hadir', { timeout: 15_000 });
  await expect(page.getByTestId('network-tally').nth(1)).toContainText('0 diundang');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Daftar hadir Gelombang 1 (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe('daftar-hadir-pelatihan-penulisan-rilis-tim-informasi-opd-2027-02-10.pdf');

  // Minutes and an action item for an OPD, followed to done.
  await page.getByRole('textbox', { name: 'Notulen' }).fill('1. Setiap OPD mengirim satu rilis kegiatan per bulan.');
  await page.getByRole('button', { name: 'Simpan notulen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Notulen disimpan.' })).toBeVisible({ timeout: 15_000 });
  const actions = page.locator('section[aria-labelledby="network-actions"]');
  await actions.getByLabel('OPD').selectOption({ label: 'Disdik' });
  await actions.getByLabel('Tindak lanjut', { exact: true }).fill('Kirim daftar kegiatan Februari');
  await actions.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
  await expect(actions.getByRole('listitem')).toContainText('Dinas Pendidikan: Kirim daftar kegiatan Februari');
  await page.screenshot({ path: path.join(shots, 'warta-jejaring-pertemuan.png'), fullPage: true });

  await page.getByRole('button', { name: '← Kembali' }).click();
  await expect(page.getByTestId('network-meetings')).toContainText('Pelatihan Penulisan Rilis Tim Informasi OPD');
  await page.getByRole('button', { name: 'Tindak lanjut', exact: true }).click();
  const open = page.getByTestId('network-open-actions');
  await expect(open).toContainText('Kirim daftar kegiatan Februari');
  await open.getByRole('button', { name: 'Selesai' }).click();
  await expect(page.getByText('Tidak ada tindak lanjut terbuka.')).toBeVisible({ timeout: 15_000 });
});
