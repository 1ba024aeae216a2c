import fs from 'node:fs';
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { ADMIN } from './support/people-fixture-data';

const header = (dataDir: string) => fs.readFileSync(path.join(dataDir, 'warta.sqlite')).subarray(0, 15).toString('latin1');

test('an administrator turns database encryption on and off in browser mode; the app keeps working', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await new AppFrame(page).open('Pengaturan');

  const section = page.getByRole('region', { name: 'Enkripsi basis data' });
  await expect(section.getByRole('status').first()).toContainText('Basis data tidak terenkripsi');
  await section.getByLabel('Kata sandi basis data', { exact: true }).fill('kata sandi panjang sekali');
  await section.getByLabel('Ulangi kata sandi basis data').fill('kata sandi lain');
  await section.getByRole('button', { name: 'Nyalakan enkripsi' }).click();
  await expect(section.getByLabel('Ulangi kata sandi basis data')).toHaveAccessibleDescription(/tidak sama/);
  expect(header(warta.dataDir)).toBe('SQLite format 3');

  await section.getByLabel('Ulangi kata sandi basis data').fill('kata sandi panjang sekali');
  await section.getByRole('button', { name: 'Nyalakan enkripsi' }).click();
  await expect(section.getByText('Enkripsi dinyalakan.')).toBeVisible();
  await expect(section.getByRole('status').first()).toContainText('Basis data terenkripsi');
  expect(header(warta.dataDir)).not.toBe('SQLite format 3');

  // Still working on the open, now encrypted, workspace.
  await page.reload();
  await expect(page.getByTestId('user-name')).toHaveText(ADMIN.name);

  page.once('dialog', (dialog) => void dialog.accept());
  await new AppFrame(page).open('Pengaturan');
  await section.getByRole('button', { name: 'Matikan enkripsi' }).click();
  await expect(section.getByText('Enkripsi dimatikan.')).toBeVisible();
  expect(header(warta.dataDir)).toBe('SQLite format 3');
});
