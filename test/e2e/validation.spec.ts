import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { OfficeForm } from './pages/office-form';
import { AdminSetupPage } from './pages/people';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';

test('first run refuses an unknown placeholder and a bad email, and saves nothing', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  const form = firstRun.form;
  await form.fill({ ...SURAKARTA, email: 'humas@' });
  await form.numberPattern.fill('{foo}/{seq}/{year}');

  // The live check names the placeholder before anything is sent.
  await expect(form.numberPattern).toHaveAccessibleDescription(/\{foo\}/);
  await expect(form.numberPreview).toHaveCount(0);

  await firstRun.saveButton.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Profil belum tersimpan' })).toBeVisible();
  await expect(form.email).toHaveAccessibleDescription(/Alamat email tidak sah/);
  await expect(form.email).toHaveAttribute('aria-invalid', 'true');
  await expect(form.numberPattern).toHaveAccessibleDescription(/Penanda \{foo\} tidak dikenal/);
  await expect(firstRun.heading).toBeVisible();

  // Nothing was saved: a reload is still the first run, with an empty form.
  await page.reload();
  await expect(firstRun.heading).toBeVisible();
  await expect(form.institution).toHaveValue('');
});

test('fixing the errors clears them and the save goes through', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  const form = firstRun.form;
  await form.fill({ ...SURAKARTA, email: 'bukan-email' });
  await firstRun.saveButton.click();
  await expect(form.email).toHaveAccessibleDescription(/Alamat email tidak sah/);
  await form.email.fill(SURAKARTA.email);
  await expect(form.email).not.toHaveAttribute('aria-invalid', 'true');
  await firstRun.saveButton.click();
  // Saved: first run moves on to its second step, the administrator account.
  await expect(new AdminSetupPage(page).heading).toBeVisible();
});

test('Settings keeps the saved pattern when a new one is refused', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await frame.open('Pengaturan');
  const form = new OfficeForm(page);
  await form.numberPattern.fill('000.8.3/{seq}/{foo}/{year}');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(form.numberPattern).toHaveAccessibleDescription(/\{foo\}/);
  await expect(page.getByRole('status').filter({ hasText: 'Profil kantor tersimpan' })).toHaveCount(0);

  await page.reload();
  await frame.open('Pengaturan');
  await expect(form.numberPattern).toHaveValue('{seq}/{unit}/{institution}/{month-roman}/{year}');

  // A valid archive-code pattern is accepted and shown on Beranda.
  await form.numberPattern.fill('000.8.3/{seq3}/Humas/{year}');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profil kantor tersimpan' })).toBeVisible();
  await frame.open('Beranda');
  await expect(page.getByTestId('home-number')).toHaveText(/^000\.8\.3\/007\/Humas\/\d{4}$/);
});

test('the emblem upload shows why a file is refused', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  const form = firstRun.form;

  // Named and declared as PNG, but not one: only the core, reading the bytes, can tell.
  await form.uploadEmblem({ name: 'lambang.png', mimeType: 'image/png', buffer: Buffer.from('ini bukan gambar') });
  await expect(page.getByRole('alert').filter({ hasText: 'Jenis berkas tidak didukung' })).toContainText('bukan gambar PNG, JPEG, atau WebP');
  await expect(form.emblemPreview).toHaveCount(0);

  // Over 2 MB: refused before it is sent.
  const big = Buffer.alloc(2 * 1024 * 1024 + 1);
  await form.uploadEmblem({ name: 'lambang-besar.png', mimeType: 'image/png', buffer: big });
  await expect(page.getByRole('alert').filter({ hasText: 'lebih dari 2 MB' })).toBeVisible();
  await expect(form.emblemPreview).toHaveCount(0);
});
