import fs from 'node:fs';
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { MediaDirectory } from './pages/media-page';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { REPO_ROOT, SCREENSHOT_DIR } from './support/paths';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'media');
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const shots = path.join(REPO_ROOT, '.tmp', 'e2e', 'screenshots');

test('Media: import a list with duplicates, resolve them, filter, and follow a contract to its progress', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await new AppFrame(page).open('Media');
  const media = new MediaDirectory(page);
  await expect(page.getByText('Belum ada media mitra.')).toBeVisible();

  // A messy sheet: title rows, semicolons, BOM, mixed phones, a duplicate, a row without a name.
  await media.importFile(path.join(FIXTURES, 'media-mitra-bom-titik-koma.csv'), 'Daftar media (satu baris per media)');
  await expect(media.importRegion).toContainText('judul kolom di baris 4');
  await expect(media.importRegion).toContainText('1 kolom tidak dikenal dan diabaikan: No.');
  await expect(media.count('Baris data')).toHaveText('7');
  await expect(media.count('Ditolak (galat)')).toHaveText('1');
  await expect(media.count('Ganda dalam berkas')).toHaveText('1');
  await expect(media.importRow(12)).toContainText('Nama media: wajib diisi');
  await expect(media.importRow(11)).toContainText('nomor HP tidak dikenali');
  await expect(media.importRow(10)).toContainText('sama dengan baris 5');
  await expect(media.importRow(5)).toContainText('+6281200001001');
  await media.importRegion.getByTestId('import-rows').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'media-import-preview.png') });

  // Keep the "PT." spelling as its own outlet after all, then import.
  await media.importRow(10).getByRole('combobox').selectOption({ label: 'Buat baru' });
  await expect(media.importRegion).toContainText('Akan dibuat 6, digabung 0, dilewati 1.');
  await media.importRegion.getByRole('button', { name: 'Impor 6 baris' }).click();
  await expect(media.importRegion.getByRole('status')).toContainText('Impor selesai: 6 dibuat, 0 digabung, 1 dilewati.');
  // Undo is offered: take it, and the directory is empty again; then import again for real.
  await media.importRegion.getByRole('button', { name: 'Urungkan seluruh impor ini' }).click();
  await expect(media.importRegion).toContainText('sudah diurungkan');
  await media.importRegion.getByRole('button', { name: 'Pilih berkas lain' }).click();
  await media.importRegion.getByLabel('Berkas CSV atau XLSX').setInputFiles(path.join(FIXTURES, 'media-mitra-bom-titik-koma.csv'));
  await media.importRegion.getByRole('button', { name: 'Lewati' }).click();
  await media.importRegion.getByRole('button', { name: 'Impor 5 baris' }).click();
  await expect(media.importRegion.getByRole('status')).toContainText('5 dibuat');
  await media.importRegion.getByRole('button', { name: 'Tutup impor' }).click();

  await expect(page.getByText('5 dari 5 media')).toBeVisible();
  await expect(media.outletRow('Harian Sukamaju Pos')).toBeVisible();
  // Filter: TV and radio.
  await page.getByLabel('Jenis', { exact: true }).selectOption({ label: 'Televisi + Radio' });
  await expect(page.getByText('2 dari 5 media')).toBeVisible();
  await expect(media.outletRow('Sukamaju TV')).toBeVisible();
  await expect(media.outletRow('Harian Sukamaju Pos')).toHaveCount(0);
  // The filter becomes a distribution list that follows the directory.
  await page.getByRole('button', { name: 'Simpan sebagai daftar distribusi' }).click();
  const listForm = page.getByRole('form', { name: 'Simpan sebagai daftar distribusi' });
  await listForm.getByLabel('Nama daftar').fill('TV dan radio');
  await listForm.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Daftar “TV dan radio” disimpan.' })).toBeVisible();
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  // Search forgives a typo.
  await page.getByLabel('Cari media atau wartawan').fill('lembha hijau');
  await expect(page.getByRole('list', { name: 'Hasil pencarian' })).toContainText('Lembah Hijau Online');
  await page.getByLabel('Cari media atau wartawan').fill('');
  await expect(page.getByText('5 dari 5 media')).toBeVisible();
  // The table is keyboard-operable: Enter opens the detail.
  await media.outletRow('Radio Suara Sukamaju FM').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary')).toContainText('PT Radio Suara Sukamaju');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-media.png') });

  // Delete with undo.
  await page.getByRole('complementary').getByRole('button', { name: 'Hapus' }).click();
  await expect(media.outletRow('Radio Suara Sukamaju FM')).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: '“Radio Suara Sukamaju FM” dihapus.' }).getByRole('button', { name: 'Urungkan' }).click();
  await expect(media.outletRow('Radio Suara Sukamaju FM')).toBeVisible();
  await media.tab('Daftar Distribusi').click();
  await expect(page.getByTestId('lists-table').getByRole('row', { name: /TV dan radio/ })).toContainText('2 penerima');

  // A contract with quotas, a publication recorded by pasting its link, and the progress.
  await media.tab('Kontrak & Bukti Tayang').click();
  await page.getByRole('button', { name: 'Kontrak baru' }).click();
  const form = page.getByRole('form', { name: 'Kontrak baru' });
  await form.getByLabel('Media').selectOption({ label: 'Harian Sukamaju Pos' });
  await form.getByLabel('No. kontrak').fill('027/KS-MEDIA/Humas/2026');
  await form.getByLabel('Nilai (Rp)').fill('36000000');
  await form.getByLabel('Mulai').fill('2026-01-01');
  await form.getByLabel('Berakhir').fill('2026-12-31');
  await form.getByLabel('Berita').fill('12');
  await form.getByLabel('Advertorial').fill('2');
  await form.getByRole('button', { name: 'Simpan' }).click();
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { name: '027/KS-MEDIA/Humas/2026' })).toBeVisible();
  await expect(panel.getByTestId('contract-progress')).toContainText('0 dari 12 tayang');
  const pub = panel.getByRole('form', { name: 'Catat bukti tayang' });
  await pub.getByLabel('Tempel tautan berita').fill('https://sukamajupos.example/2026/03/10/walikota-resmikan-pasar');
  await expect(pub.getByLabel('Tanggal tayang')).toHaveValue('10/03/2026');
  await pub.getByLabel('Judul').fill('Wali Kota resmikan pasar rakyat');
  await pub.getByRole('button', { name: 'Simpan' }).click();
  await expect(pub.getByRole('status')).toContainText('Bukti tayang tersimpan.');
  await expect(panel.getByTestId('contract-progress')).toContainText('1 dari 12 tayang');
  await expect(panel.getByTestId('contract-progress')).toContainText('kurang 11');
  await expect(panel).toContainText('Wali Kota resmikan pasar rakyat');
  await expect(page.getByTestId('contracts-table')).toContainText('1 dari 14 tayang');
  // The release an article carried is chosen by number and title, never typed as an id.
  const carried = pub.getByRole('combobox', { name: 'Rilis yang dimuat' });
  await expect(carried).toHaveValue('');
  await expect(carried.locator('option').first()).toHaveText('— tidak ada / bukan dari rilis —');
  // A print clipping: page number and a scan instead of a link.
  await pub.getByLabel('Halaman (media cetak)').fill('Hal. 5');
  await pub.getByLabel('Produk').selectOption({ label: 'Advertorial' });
  await pub.getByLabel('Tanggal tayang').fill('2026-04-02');
  await pub.getByLabel('Tangkapan layar / pindaian').setInputFiles({ name: 'kliping.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1X1, 'base64') });
  await pub.getByRole('button', { name: 'Simpan' }).click();
  await expect(panel.getByTestId('contract-progress')).toContainText('1 dari 2 tayang');
  await panel.getByRole('button', { name: 'lihat pindaian' }).click();
  await expect(panel.getByRole('img', { name: 'Tangkapan layar / pindaian' })).toBeVisible();
  await panel.evaluate((el) => (el.scrollTop = 0));
  await page.screenshot({ path: path.join(shots, 'media-contract-progress.png') });
});

test('Media: bad files get a clear message and leave nothing behind', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await new AppFrame(page).open('Media');
  const media = new MediaDirectory(page);
  await page.getByRole('button', { name: 'Impor Excel/CSV' }).click();
  await media.importRegion.getByLabel('Berkas CSV atau XLSX').setInputFiles({ name: 'media.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]) });
  await expect(media.importRegion.getByRole('alert')).toContainText('bukan teks CSV');
  await media.importRegion.getByLabel('Berkas CSV atau XLSX').setInputFiles({ name: 'kosong.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(media.importRegion.getByRole('alert')).toContainText('Berkas kosong');

  // 100,000 rows: progress while the core reads them and while it imports; cancel takes everything back.
  const big = path.join(REPO_ROOT, '.tmp', 'e2e', 'media-100000.csv');
  const lines = ['Nama Media;Jenis;No HP;Wilayah'];
  for (let i = 0; i < 100_000; i++) lines.push(`Media Uji ${i};${i % 2 ? 'Online' : 'Cetak'};0812${String(i).padStart(8, '0')};Wilayah ${i % 40}`);
  fs.mkdirSync(path.dirname(big), { recursive: true });
  fs.writeFileSync(big, lines.join('\r\n'));
  await media.importRegion.getByLabel('Berkas CSV atau XLSX').setInputFiles(big);
  await expect(media.importRegion.getByRole('status')).toContainText(/Membaca dan memeriksa berkas|Mengunggah berkas/);
  await expect(media.count('Baris data')).toHaveText('100000', { timeout: 60_000 });
  await media.importRegion.getByRole('button', { name: 'Impor 100000 baris' }).click();
  const running = media.importRegion.getByRole('status');
  await expect(running).toContainText(/Mengimpor… [1-9]\d* dari 100000 baris/, { timeout: 30_000 });
  // The app answers meanwhile: another section opens and comes back.
  await page.getByLabel('Cari media atau wartawan').fill('uji');
  await media.importRegion.getByRole('button', { name: 'Batalkan impor' }).click();
  await expect(media.importRegion).toContainText('Impor dibatalkan; tidak ada data yang ditambahkan atau diubah.', { timeout: 30_000 });
  fs.rmSync(big, { force: true });
  await media.importRegion.getByRole('button', { name: 'Tutup impor' }).click();
  await page.getByLabel('Cari media atau wartawan').fill('');
  await expect(page.getByText('Belum ada media mitra.')).toBeVisible();
});

test('Media: journalists from a Windows-1252 sheet; personal data shown on request, exported, and erased', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await new AppFrame(page).open('Media');
  const media = new MediaDirectory(page);
  await media.importFile(path.join(FIXTURES, 'wartawan-windows-1252.csv'), 'Daftar wartawan (satu baris per orang)');
  await expect(media.importRegion).toContainText('Windows-1252');
  await expect(media.importRow(2)).toContainText('André Wiratama');
  await expect(media.importRow(3)).toContainText('Rina ‘Ina’ Wulandari');
  await expect(media.importRow(5)).toContainText('sama dengan baris 2');
  await media.importRegion.getByRole('button', { name: 'Impor 4 baris' }).click();
  await expect(media.importRegion.getByRole('status')).toContainText('4 dibuat');
  await media.importRegion.getByRole('button', { name: 'Tutup impor' }).click();

  // Tabs by keyboard: arrow right from Media goes to Wartawan.
  await media.tab('Media').focus();
  await page.keyboard.press('ArrowRight');
  await expect(media.tab('Wartawan')).toHaveAttribute('aria-selected', 'true');
  await expect(media.tab('Wartawan')).toBeFocused();
  const table = page.getByTestId('journalist-table');
  await expect(table.getByRole('row')).toHaveCount(5);
  // UKW expiring: the list narrows as the window shrinks (André's ends 31/12/2026).
  await page.getByLabel('UKW habis dalam (hari)').fill('60');
  await expect(table.getByRole('row', { name: 'André Wiratama' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'Siti Nurhaliza, S.Sos' })).toHaveCount(0);
  await page.getByLabel('UKW habis dalam (hari)').fill('');

  await table.getByRole('row', { name: 'Rina ‘Ina’ Wulandari' }).click();
  const panel = page.getByRole('complementary');
  await expect(panel).not.toContainText('0812-0000-2002');
  await panel.getByRole('button', { name: 'Tampilkan data pribadi' }).click();
  await expect(panel.getByTestId('personal-data')).toContainText('0812-0000-2002');
  await expect(panel.getByTestId('personal-data')).toContainText('rina@lembahhijau.example');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Ekspor semua data orang ini (JSON)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^data-pribadi-rina.*\.json$/);

  await panel.getByRole('button', { name: 'Hapus data orang ini' }).click();
  await panel.getByLabel('Dasar permintaan penghapusan').fill('Surat permintaan tanggal 20 November 2026');
  await panel.getByRole('button', { name: 'Hapus permanen' }).click();
  await expect(panel).toContainText('telah dihapus atas permintaan');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Dihapus atas permintaan');
  await expect(table.getByRole('row', { name: 'Rina ‘Ina’ Wulandari' })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'media-erased.png') });
});
