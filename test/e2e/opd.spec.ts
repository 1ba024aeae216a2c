import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { OpdSection } from './pages/opd-section';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';

const DISKOMINFO = { name: 'Dinas Komunikasi dan Informatika', abbreviation: 'Diskominfo', phone: '(0271) 555-0150', email: 'diskominfo@contoh-surakarta.go.id' };
const DINKES = { name: 'Dinas Kesehatan', abbreviation: 'Dinkes', phone: '(0271) 555-0161', email: '' };

test('OPD: add, delete, undo; the list survives a reload', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await frame.open('Pengaturan');
  const opd = new OpdSection(page);
  await expect(opd.root).toContainText('Belum ada OPD');

  await opd.add(DISKOMINFO);
  await opd.add(DINKES);
  await expect(opd.row(DISKOMINFO.name)).toContainText(DISKOMINFO.email);

  await opd.delete(DINKES.name);
  await expect(opd.row(DINKES.name)).toHaveCount(0);
  const notice = opd.root.getByRole('status').filter({ hasText: 'OPD “Dinas Kesehatan” dihapus.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Urungkan' }).click();
  await expect(opd.row(DINKES.name)).toBeVisible();
  await expect(opd.root.getByRole('status').filter({ hasText: 'dikembalikan' })).toBeVisible();

  await page.reload();
  await frame.open('Pengaturan');
  await expect(opd.row(DISKOMINFO.name)).toBeVisible();
  await expect(opd.row(DINKES.name)).toBeVisible();

  // A delete that is not undone stays deleted.
  await opd.delete(DISKOMINFO.name);
  await expect(opd.row(DISKOMINFO.name)).toHaveCount(0);
  await page.reload();
  await frame.open('Pengaturan');
  await expect(opd.row(DINKES.name)).toBeVisible();
  await expect(opd.row(DISKOMINFO.name)).toHaveCount(0);
});

test('OPD: editing changes the row; a bad email is shown next to the field', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await new AppFrame(page).open('Pengaturan');
  const opd = new OpdSection(page);
  await opd.add(DINKES);

  await opd.root.getByRole('button', { name: `Ubah ${DINKES.name}` }).click();
  const form = opd.root.getByRole('form', { name: 'Ubah OPD' });
  await form.getByLabel('Email').fill('dinkes@');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form.getByLabel('Email')).toHaveAccessibleDescription(/Alamat email tidak sah/);

  await form.getByLabel('Email').fill('dinkes@contoh-surakarta.go.id');
  await form.getByLabel('Aktif').uncheck();
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form).toBeHidden();
  await expect(opd.row(DINKES.name)).toContainText('dinkes@contoh-surakarta.go.id');
  await expect(opd.row(DINKES.name)).toContainText('Tidak aktif');
});
