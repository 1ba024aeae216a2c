import fs from 'node:fs';
import path from 'node:path';
import { formatLongDate } from '../../shared/format/dates';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { OfficeForm } from './pages/office-form';
import { AdminSetupPage } from './pages/people';
import { emblemPng } from './support/emblem';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { ADMIN } from './support/people-fixture-data';
import { SCREENSHOT_DIR } from './support/paths';

test('first run: the office profile is saved, survives a reload and shows in Settings', async ({ page, context, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');

  await firstRun.form.fill(SURAKARTA);
  await firstRun.form.uploadEmblem({ name: 'lambang.png', mimeType: 'image/png', buffer: await emblemPng(context) });
  await expect(firstRun.form.emblemPreview).toBeVisible();
  // The default pattern {seq}/{unit}/{institution}/{month-roman}/{year}, filled live from the codes.
  await expect(firstRun.form.numberPreview).toHaveText(/^7\/HUMAS\/PEMKOT-SKA\/[IVX]+\/\d{4}$/);

  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // No focus ring from the last filled field in the README picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-profil-kantor.png'), fullPage: true });

  await firstRun.saveButton.click();
  // Step 2 of first run: the administrator account, signed in at once.
  await new AdminSetupPage(page).create(ADMIN);
  const frame = new AppFrame(page);
  await expect(frame.nav()).toBeVisible();
  await expect(frame.navItem('Beranda')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('letterhead')).toContainText('PEMERINTAH KOTA SURAKARTA');
  await expect(page.getByTestId('letterhead').getByRole('img', { name: 'Lambang daerah' })).toBeVisible();
  await expect(frame.statusBar).toContainText('Sinkronisasi belum diatur');
  await expect(frame.statusBar).toContainText('Daring');
  // The office profile was the first local change, and nothing is synced yet.
  await expect(page.getByTestId('status-sync')).toContainText(/\d+ perubahan lokal belum disinkronkan/);
  await expect(page.getByTestId('status-date')).toContainText(formatLongDate(Date.now(), 'WIB'));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-beranda.png') });

  await page.reload();
  await expect(frame.nav()).toBeVisible();
  await expect(firstRun.heading).toBeHidden();
  await frame.open('Pengaturan');
  const settingsForm = new OfficeForm(page);
  await settingsForm.expectValues(SURAKARTA);
  await expect(settingsForm.emblemPreview).toBeVisible();
  await expect(page.getByTestId('app-info')).toContainText('0.1.0');
  await expect(page.getByTestId('app-info')).toContainText(warta.dataDir);
  // Updates come to the installed desktop app; browser mode says so instead of offering a check.
  await expect(page.getByTestId('update-status')).toContainText('Tidak tersedia di sini.');
  await expect(page.getByTestId('update-status')).toContainText('hanya untuk aplikasi desktop yang terpasang');
  await expect(page.getByTestId('update-status').getByRole('button')).toHaveCount(0);
});

test('the sidebar works from the keyboard alone', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await frame.navItem('Beranda').focus();
  await page.keyboard.press('ArrowDown');
  await expect(frame.navItem('Rilis')).toBeFocused();
  await page.keyboard.press('End');
  await expect(frame.navItem('Pengaturan')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeFocused();
});
