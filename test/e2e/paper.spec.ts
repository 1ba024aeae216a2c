import fs from 'node:fs';
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { MediaDirectory } from './pages/media-page';
import { OfficeForm } from './pages/office-form';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { REPO_ROOT } from './support/paths';

const shots = path.join(REPO_ROOT, '.tmp', 'e2e', 'screenshots');

test('Profil kantor: a letterhead line in Aksara Jawa, the dateline form and the end mark; Beranda shows the letterhead and dateline as the exports print them', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await frame.open('Pengaturan');
  const form = new OfficeForm(page);
  // Latin letters in the script line are refused with the reason, next to the field.
  await form.field('Baris aksara daerah pada kop (opsional)').fill('Pemerintah Kota Surakarta');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(form.field('Baris aksara daerah pada kop (opsional)')).toHaveAccessibleDescription(/Aksara Bali, Jawa, atau Sunda/);
  await form.field('Baris aksara daerah pada kop (opsional)').fill('ꦥꦼꦩꦼꦫꦶꦤ꧀ꦠꦃ ꦏꦸꦛ ꦱꦸꦫꦏꦂꦠ');
  await form.field('Bentuk baris tanggal (dateline)').selectOption({ label: 'SURAKARTA, Kamis (3/12/2026) – …' });
  await form.field('Tanda akhir naskah').selectOption({ label: '###' });
  await form.root.getByRole('group', { name: 'Kop dan naskah siaran pers' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'profil-kantor-kertas.png') });
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profil kantor tersimpan' })).toBeVisible();

  await frame.open('Beranda');
  const kop = page.getByTestId('letterhead');
  await expect(kop).toContainText('ꦥꦼꦩꦼꦫꦶꦤ꧀ꦠꦃ ꦏꦸꦛ ꦱꦸꦫꦏꦂꦠ');
  await expect(kop).toContainText('Jalan');
  await expect(kop).toContainText(/Telepon/);
  await expect(kop).toContainText(/Laman .*Pos-el/);
  await expect(page.getByTestId('home-dateline')).toHaveText(/^SURAKARTA, (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \(\d{1,2}\/\d{1,2}\/\d{4}\) – $/);
  await page.screenshot({ path: path.join(shots, 'beranda-kop-aksara-jawa.png') });
});

test('Media import: a multi-line address keeps its lines; "-" and "n/a" cells are counted per column and kept as text where the officer says so', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await new AppFrame(page).open('Media');
  const media = new MediaDirectory(page);
  const file = path.join(warta.dataDir, 'media-alamat.csv');
  fs.writeFileSync(file, ['Nama Media;Jenis;Alamat;Wilayah', '"Harian Solo Pos";cetak;"Jalan Slamet Riyadi Nomor 1\nKemlayan\nSurakarta";-', 'Radio Bengawan;radio;n/a;NA'].join('\r\n'));
  await media.importFile(file, 'Daftar media (satu baris per media)');
  // The column mapping (folded away when nothing is missing) shows the placeholder count per column.
  await media.importRegion.locator('details > summary').first().click();
  const wilayah = media.importRegion.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Wilayah', exact: true }) });
  const keepAsEmpty = wilayah.getByRole('checkbox', { name: /2 sel seperti itu dianggap kosong/ });
  await expect(keepAsEmpty).toBeChecked();
  await keepAsEmpty.click(); // the core re-reads the rows; the box follows its answer
  await expect(keepAsEmpty).not.toBeChecked();
  await media.importRegion.locator('details').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'media-import-isian-kosong.png') });
  await media.importRegion.getByRole('button', { name: 'Impor 2 baris' }).click();
  await expect(media.importRegion.getByRole('status')).toContainText('Impor selesai: 2 dibuat');
  await page.getByRole('button', { name: 'Tutup' }).first().click().catch(() => undefined);
  await media.outletRow('Radio Bengawan').click();
  await expect(page.getByRole('complementary')).toContainText('NA');

  // The journalist tab says what matched when only an outlet does.
  await media.tab('Wartawan').click();
  await page.getByLabel('Cari media atau wartawan').fill('bengawan');
  await expect(page.getByRole('status').filter({ hasText: 'Tidak ada wartawan bernama “bengawan”; yang cocok 1 media: Radio Bengawan' })).toBeVisible();
});
