import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { MediaDirectory } from './pages/media-page';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { REPO_ROOT } from './support/paths';

const shots = path.join(REPO_ROOT, '.tmp', 'e2e', 'screenshots');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

/**
 * Drops files on a target the way a file manager does: a DataTransfer holding File objects, with
 * dragenter/dragover/drop. `size` overrides a file's reported size (a 2 GB file without 2 GB).
 */
async function dropFiles(page: Page, target: Locator, files: { name: string; type: string; text: string; size?: number }[]) {
  const data = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const file = new File([f.text], f.name, { type: f.type });
      if (f.size !== undefined) Object.defineProperty(file, 'size', { value: f.size });
      dt.items.add(file);
    }
    return dt;
  }, files);
  // Where a mouse would let go: the editor places a drop by its coordinates.
  const box = await target.boundingBox();
  const at = box ? { clientX: box.x + Math.min(40, box.width / 2), clientY: box.y + Math.min(20, box.height / 2) } : {};
  await target.dispatchEvent('dragenter', { dataTransfer: data, ...at });
  await target.dispatchEvent('dragover', { dataTransfer: data, ...at });
  await target.dispatchEvent('drop', { dataTransfer: data, ...at });
}

test('Desktop manners in browser mode: settings of the desktop app, print opens the PDF in a tab, dropped files checked before import', async ({ page, warta }) => {
  test.setTimeout(180_000);
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);

  // Settings › Aplikasi desktop: says it applies to the desktop app; a bad quiet-hours time is refused.
  await frame.open('Pengaturan');
  const section = page.getByRole('region', { name: 'Aplikasi desktop' });
  await expect(section).toContainText('mode peramban');
  await section.getByRole('radio', { name: /Tetap berjalan di baki sistem/ }).check();
  await section.getByRole('checkbox', { name: 'Komentar pada siaran pers saya' }).uncheck();
  await section.getByRole('checkbox', { name: 'Jam tenang (tanpa notifikasi)' }).check();
  // The app's own time field (not the browser's, which follows the browser's language): Indonesian
  // form, Up/Down step 15 minutes, text that is not a time says so next to the field and is not saved.
  const from = section.getByLabel('Dari', { exact: true });
  const until = section.getByLabel('Sampai', { exact: true });
  await expect(from).toHaveAttribute('type', 'text');
  await expect(from).toHaveValue('21.00');
  await from.fill('21.45');
  await from.press('ArrowUp');
  await expect(from).toHaveValue('22.00');
  await until.fill('25.99');
  await expect(section.getByRole('alert')).toHaveText('Jam tidak dikenali. Tulis jam.menit, misalnya 08.30.');
  await expect(until).toHaveAttribute('aria-invalid', 'true');
  await section.getByRole('button', { name: 'Simpan pengaturan desktop' }).click();
  await expect(until).toBeFocused();
  await expect(section.getByRole('status')).toHaveCount(0);
  await until.fill('');
  await expect(section.getByRole('alert')).toHaveText('Isi jamnya, misalnya 21.00.');
  await section.getByRole('button', { name: 'Simpan pengaturan desktop' }).click();
  await expect(until).toBeFocused();
  await expect(section.getByRole('status')).toHaveCount(0);
  await until.pressSequentially('630');
  await until.blur();
  await expect(until).toHaveValue('06.30');
  await expect(section.getByRole('alert')).toHaveCount(0);
  await section.getByRole('button', { name: 'Simpan pengaturan desktop' }).click();
  await expect(section.getByRole('status')).toHaveText('Pengaturan desktop tersimpan.');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'desktop-settings.png'), fullPage: false });
  await page.reload();
  await frame.open('Pengaturan');
  await expect(section.getByRole('radio', { name: /Tetap berjalan di baki sistem/ })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: 'Komentar pada siaran pers saya' })).not.toBeChecked();
  await expect(section.getByLabel('Dari', { exact: true })).toHaveValue('22.00');
  await expect(section.getByLabel('Sampai', { exact: true })).toHaveValue('06.30');

  // Print a release: in browser mode the PDF opens in a new tab, where the browser prints it.
  // The app menu's shortcuts work in browser mode too: print with no release open says what to do.
  await frame.open('Rilis');
  await page.keyboard.press('Control+P');
  await expect(page.getByRole('status').filter({ hasText: 'Buka sebuah rilis dulu untuk mencetak atau mengekspornya.' })).toBeVisible();
  await page.getByRole('button', { name: 'Rilis baru' }).click();
  await page.getByRole('textbox', { name: 'Isi rilis' }).click();
  await page.keyboard.type('Pasar rakyat dibuka untuk 300 pedagang.');
  // Ekspor Rilis (Ctrl+E, as in the desktop menu) opens the editor's Ekspor tab with the focus on it.
  await page.keyboard.press('Control+E');
  await expect(page.getByRole('tab', { name: 'Ekspor' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Ekspor' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Cetak…' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'release-print-button.png') });
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Cetak…' }).click()]);
  await expect.poll(() => tab.url(), { timeout: 20_000 }).toMatch(/^blob:/);
  await tab.waitForLoadState();
  // Chromium's PDF viewer, with its own print button (looked at: .tmp/e2e/screenshots/print-tab.png).
  await new Promise((r) => setTimeout(r, 1500));
  await tab.screenshot({ path: path.join(shots, 'print-tab.png') });
  await tab.close();

  // Photos dropped into the editor: a PDF is refused whole, with the reason next to the editor.
  await dropFiles(page, page.getByRole('textbox', { name: 'Isi rilis' }), [{ name: 'undangan.pdf', type: 'application/pdf', text: '%PDF-1.4' }]);
  await expect(page.getByRole('alert').filter({ hasText: 'undangan.pdf' })).toContainText('bukan jenis berkas yang bisa dipakai di sini');

  // Laporan prints its PDF the same way (any exported PDF prints: usePrint().printExport).
  await frame.open('Laporan');
  await page.getByRole('button', { name: 'Tampilkan laporan' }).click();
  await expect(page.getByRole('button', { name: 'Cetak…' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: path.join(shots, 'report-print-button.png') });
  const [reportTab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Cetak…' }).click()]);
  await expect.poll(() => reportTab.url(), { timeout: 30_000 }).toMatch(/^blob:/);
  await reportTab.waitForLoadState();
  await reportTab.close();

  // Media import: a 2 GB file and a PDF are refused before anything is read; a real CSV imports.
  await frame.open('Media');
  await page.getByRole('button', { name: 'Impor Excel/CSV' }).click();
  const media = new MediaDirectory(page);
  await dropFiles(page, page.getByTestId('import-drop'), [{ name: 'arsip.csv', type: 'text/csv', text: 'a', size: 2 * 1024 ** 3 }]);
  await expect(media.importRegion.getByRole('alert')).toContainText('“arsip.csv” lebih dari 64 MB; tidak ada yang diimpor.');
  await page.screenshot({ path: path.join(shots, 'media-drop-refused.png') });
  await dropFiles(page, page.getByTestId('import-drop'), [{ name: 'a.csv', type: 'text/csv', text: 'a' }, { name: 'b.csv', type: 'text/csv', text: 'b' }]);
  await expect(media.importRegion.getByRole('alert')).toContainText('Seret satu berkas saja');
  await expect(media.importRegion.getByTestId('import-rows')).toHaveCount(0);
  await media.importRegion.getByRole('radio', { name: 'Daftar media (satu baris per media)' }).check();
  const csv = fs.readFileSync(path.join(FIXTURES, 'media', 'media-mitra-bom-titik-koma.csv'), 'utf8');
  await dropFiles(page, page.getByTestId('import-drop'), [{ name: 'media-mitra.csv', type: 'text/csv', text: csv }]);
  await expect(media.importRegion.getByTestId('import-rows')).toBeVisible();
  await expect(media.count('Baris data')).toHaveText('7');

  // Agenda: an .ics dropped on the import opens its preview; a wrong type does not.
  await frame.open('Agenda');
  await page.getByRole('button', { name: 'Impor ICS' }).click();
  await dropFiles(page, page.getByTestId('ics-drop'), [{ name: 'agenda.xlsx', type: 'application/octet-stream', text: 'x' }]);
  await expect(page.getByTestId('ics-drop').getByRole('alert')).toContainText('“agenda.xlsx” bukan jenis berkas');
  const ics = fs.readFileSync(path.join(FIXTURES, 'agenda', 'google-calendar.ics'), 'utf8');
  await dropFiles(page, page.getByTestId('ics-drop'), [{ name: 'google-calendar.ics', type: 'text/calendar', text: ics }]);
  await expect(page.getByTestId('ics-preview')).toBeVisible();
});
