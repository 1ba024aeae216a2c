/**
 * Kampanye end to end (issue 15): a weekly themed campaign shows on the content calendar as
 * "Selasa: Selasa Tanpa Rokok — belum ada rencana"; a rule that never occurs is refused next to
 * its field; a planned post for that Tuesday goes draft → review → approved, moves a day and back
 * with undo, and is marked as posted with its address.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { addDaysToKey, dateKey } from '../../shared/agenda/zones';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { emblemPng } from './support/emblem';
import { SCREENSHOT_DIR } from './support/paths';

/** The next Tuesday from today (today when it is one), in WIB. */
function nextTuesday(): string {
  let day = dateKey(Date.now(), 'WIB');
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 2) day = addDaysToKey(day, 1);
  return day;
}

test('Kampanye: themed days on the content calendar, a planned post reviewed, moved with undo, marked as posted', async ({ page, warta }) => {
  test.setTimeout(120_000);
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await frame.open('Kampanye');

  // A campaign every Tuesday.
  await page.getByRole('tab', { name: 'Daftar kampanye' }).click();
  await page.getByRole('button', { name: 'Kampanye baru' }).click();
  const form = page.locator('form.campaigns-form');
  await form.getByLabel('Nama kampanye').fill('Selasa Tanpa Rokok');
  await form.getByLabel('Tema').fill('Kawasan tanpa rokok di kantor pemerintah');
  await form.getByLabel('Selasa').check();
  await form.getByLabel('Tagar').fill('#SelasaTanpaRokok BandungSehat');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('rowheader', { name: /Selasa Tanpa Rokok/ })).toBeVisible();
  await expect(page.locator('.campaigns-table')).toContainText('Setiap Selasa');
  await expect(page.locator('.campaigns-table')).toContainText('#SelasaTanpaRokok #BandungSehat');

  // Bad input: the fifth Monday inside February 2027 never occurs; said next to the week field.
  await page.getByRole('button', { name: 'Kampanye baru' }).click();
  await form.getByLabel('Nama kampanye').fill('Senin kelima');
  await form.getByLabel('Pengulangan').selectOption('monthly_nth');
  await form.getByLabel('Minggu ke-').selectOption('5');
  await form.getByLabel('Hari', { exact: true }).selectOption('1');
  await form.getByLabel('Berlaku mulai').fill('2027-02-01');
  await form.getByLabel('Berlaku sampai').fill('2027-02-28');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form.locator('.field__error')).toContainText('tidak pernah jatuh');
  await form.getByRole('button', { name: 'Batal' }).click();

  // The content calendar: the coming Tuesday's theme, nothing planned yet.
  await page.getByRole('tab', { name: 'Kalender konten' }).click();
  const themes = page.getByTestId('campaign-themes');
  await expect(themes).toContainText('Selasa Tanpa Rokok — belum ada rencana');
  await expect(themes).toContainText('Selasa,');
  await expect(page.locator('.campaign-theme').first()).toBeVisible();

  // A planned post for that Tuesday, on X.
  const tuesday = nextTuesday();
  await page.getByRole('button', { name: 'Rencana unggahan baru' }).click();
  const panel = page.locator('aside.campaigns-panel');
  await panel.getByLabel('Judul rencana').fill('Infografik kawasan tanpa rokok');
  await panel.getByLabel('Platform').selectOption('x');
  await panel.getByLabel('Akun resmi').fill('@humaskota');
  await panel.getByLabel('Tanggal (wajib)').fill(tuesday);
  await panel.getByLabel('Status').selectOption('draft');
  await panel.getByLabel('Kampanye').selectOption({ label: 'Selasa Tanpa Rokok' });
  await panel.getByLabel('Keterangan').fill('Selasa ini kantor bebas asap rokok. #SelasaTanpaRokok');
  await panel.getByRole('button', { name: 'Simpan' }).click();
  await expect(panel.getByTestId('post-status')).toContainText('Draf');
  await expect(themes).toContainText('Selasa Tanpa Rokok — 1 rencana');

  // Reviewed with the release's rights (the administrator holds them all).
  await panel.getByRole('button', { name: 'Kirim ke tinjauan' }).click();
  await expect(panel.getByTestId('post-status')).toContainText('Tinjauan');
  await panel.getByRole('button', { name: 'Setujui' }).click();
  await expect(panel.getByTestId('post-status')).toContainText('Disetujui');

  // Moved a day later, then undone.
  await panel.getByRole('button', { name: 'Ke hari berikutnya' }).click();
  const undo = page.getByTestId('campaigns-undo');
  await expect(undo).toContainText('dipindah ke Rabu');
  await expect(themes).toContainText('Selasa Tanpa Rokok — belum ada rencana');
  await undo.getByRole('button', { name: 'Urungkan' }).click();
  await expect(undo).toHaveCount(0);
  await expect(themes).toContainText('Selasa Tanpa Rokok — 1 rencana');
  await expect(page.getByTestId('campaign-post').first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-kampanye-kalender.png'), fullPage: true });

  // Marked as posted with its address; a posted post is no longer moved.
  await panel.getByLabel('Alamat unggahan').fill('https://x.com/humaskota/status/1866000000000000000');
  await panel.getByRole('button', { name: 'Tandai sudah diunggah' }).click();
  await expect(panel.getByTestId('post-status')).toContainText('Sudah diunggah');
  await expect(panel).toContainText('https://x.com/humaskota/status/1866000000000000000');
  await expect(panel.getByRole('button', { name: 'Ke hari berikutnya' })).toHaveCount(0);
});

test('Kampanye: a published release becomes three platform drafts, reviewed, packaged, marked as posted', async ({ page, warta }) => {
  test.setTimeout(120_000);
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const release = await callCore<{ id: string }>(page, 'releases.create', { title: 'Peluncuran Bus Listrik Trans Sukamaju' });
  for (const to of ['in_review', 'approved', 'published']) await callCore(page, 'releases.transition', { id: release.id, to });
  const frame = new AppFrame(page);
  await frame.open('Kampanye');

  await page.getByRole('button', { name: 'Unggahan dari rilis' }).click();
  const panel = page.locator('aside.campaigns-panel');
  await expect(panel.getByLabel('Rilis (disetujui atau terbit)')).toContainText('Peluncuran Bus Listrik');
  for (const [platform, handle] of [
    ['X', '@humaskota'],
    ['Instagram', '@humas.kota'],
    ['Facebook', 'Humas Kota'],
  ] as const) {
    await panel.getByRole('checkbox', { name: platform }).check();
    await panel.getByLabel(`Akun resmi ${platform}`).fill(handle);
  }
  await panel.getByLabel('Akun yang disebut').fill('@pemkot');
  await panel.getByLabel('Tautan ruang berita').fill('https://kota.example.go.id/rilis/bus-listrik');
  await panel.getByRole('button', { name: 'Buat draf per akun' }).click();
  const result = page.getByTestId('from-release-result');
  await expect(result).toContainText('3 draf unggahan dibuat.');
  await expect(result).toContainText('https://kota.example.go.id/rilis/bus-listrik');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-kampanye-dari-rilis.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: 'Unduh paket unggahan (ZIP)' }).click()]);
  const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
  expect(Object.keys(zip.files).filter((n) => n.endsWith('keterangan.txt')).sort()).toEqual(['facebook-Humas-Kota/keterangan.txt', 'instagram-humas.kota/keterangan.txt', 'x-humaskota/keterangan.txt']);
  // No photo in this release: the package says so and still holds the captions.
  await expect(result).toContainText('tidak punya foto');
  await panel.getByRole('button', { name: 'Tutup' }).click();

  // The X draft: reviewed, approved, marked as posted.
  const post = page.getByTestId('campaign-post').filter({ hasText: 'X · Peluncuran' });
  await post.first().click();
  const postPanel = page.locator('aside.campaigns-panel');
  await expect(postPanel.getByTestId('post-status')).toContainText('Draf');
  await postPanel.getByRole('button', { name: 'Kirim ke tinjauan' }).click();
  await postPanel.getByRole('button', { name: 'Setujui' }).click();
  await expect(postPanel.getByTestId('post-status')).toContainText('Disetujui');
  await postPanel.getByLabel('Alamat unggahan').fill('https://x.com/humaskota/status/1866000000000000001');
  await postPanel.getByRole('button', { name: 'Tandai sudah diunggah' }).click();
  await expect(postPanel.getByTestId('post-status')).toContainText('Sudah diunggah');
});

test('Kampanye: an infographic card for a post, previewed in the office identity, refused with emoji, saved and packed', async ({ page, context, warta }) => {
  test.setTimeout(120_000);
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  // The office's emblem (and with it the card's colour) and its Aksara Jawa letterhead line.
  const emblem = await callCore<{ hash: string }>(page, 'attachments.putImage', { mime: 'image/png', base64: (await emblemPng(context)).toString('base64') });
  const { updatedAt: _u, ...office } = await callCore<Record<string, unknown>>(page, 'office.get', {});
  await callCore(page, 'office.save', { ...office, emblemHash: emblem.hash, scriptLine: 'ꦥꦩꦉꦤ꧀ꦠꦃꦏꦸꦛꦯꦸꦫꦏꦂꦠ' });
  const release = await callCore<{ id: string }>(page, 'releases.create', { title: 'Capaian Kawasan Tanpa Rokok' });
  for (const to of ['in_review', 'approved', 'published']) await callCore(page, 'releases.transition', { id: release.id, to });
  await callCore(page, 'campaigns.posts.fromRelease', { releaseId: release.id, accounts: [{ platform: 'instagram', account: '@humas.kota' }], date: dateKey(Date.now(), 'WIB') });
  const frame = new AppFrame(page);
  await frame.open('Kampanye');
  await page.getByTestId('campaign-post').filter({ hasText: 'Capaian Kawasan' }).first().click();
  const panel = page.locator('aside.campaigns-panel');
  const card = panel.getByRole('region', { name: 'Kartu infografis' });
  await card.getByRole('button', { name: 'Buat kartu infografis' }).click();
  await card.getByLabel('Bentuk kartu').selectOption('figures');
  await card.getByLabel('Judul kartu').fill('Capaian “Selasa Tanpa Rokok” 🎉');
  const figures = [
    ['1.204', 'kawasan tanpa rokok'],
    ['86%', 'sekolah patuh'],
  ];
  for (const [i, [value, label]] of figures.entries()) {
    await card.getByLabel(`Angka ${i + 1}`).fill(value!);
    await card.getByLabel('Keterangan').nth(i).fill(label!);
  }
  await card.getByLabel('Sumber data').fill('Sumber: Dinas Kesehatan');
  // Bad input: an emoji has no glyph in the card's fonts; said next to the title.
  await expect(card.locator('.field__error').first()).toContainText('🎉', { timeout: 20_000 });
  await card.getByLabel('Judul kartu').fill('Capaian “Selasa Tanpa Rokok”');
  const preview = card.getByTestId('card-preview').locator('img');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await expect(card.locator('.field__error')).toHaveCount(0, { timeout: 20_000 });
  await card.getByRole('button', { name: 'Simpan kartu' }).click();
  await expect(card.getByRole('button', { name: 'Hapus kartu' })).toBeVisible();
  await card.getByLabel('Ukuran pratinjau').selectOption('story');
  await expect.poll(async () => (await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 ? `${img.naturalWidth}×${img.naturalHeight}` : '')), { timeout: 20_000 }).toBe('1080×1920');
  await card.getByLabel('Ukuran pratinjau').selectOption('square');
  await expect.poll(async () => preview.evaluate((img: HTMLImageElement) => img.naturalHeight), { timeout: 20_000 }).toBe(1080);
  await expect(card.getByRole('status')).toHaveCount(0);
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-kampanye-kartu.png'), fullPage: true });

  // Removed by a slip, then brought back with undo.
  await card.getByRole('button', { name: 'Hapus kartu' }).click();
  await card.getByRole('button', { name: 'Urungkan' }).click();
  await expect(card.getByRole('button', { name: 'Hapus kartu' })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Unduh paket unggahan (ZIP)' }).click()]);
  const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
  expect(Object.keys(zip.files).filter((n) => n.includes('kartu-')).sort()).toEqual(
    ['portrait', 'square', 'story'].flatMap((s) => [`instagram-humas.kota/kartu-${s}.png`, `instagram-humas.kota/kartu-${s}.svg`]),
  );
  expect(await zip.file('instagram-humas.kota/kartu-square.svg')!.async('string')).toContain('aria-label="Capaian “Selasa Tanpa Rokok”"');
});
