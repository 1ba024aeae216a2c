import fs from 'node:fs';
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { AdminSetupPage, SignInPage, UserMenu } from './pages/people';
import { callCore } from './support/core-calls';
import { emblemPng } from './support/emblem';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { ADMIN, WRITER } from './support/people-fixture-data';
import { SCREENSHOT_DIR } from './support/paths';

test('first run creates the administrator (rules shown), who signs out and back in', async ({ page, context, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.form.fill(SURAKARTA);
  await firstRun.form.uploadEmblem({ name: 'lambang.png', mimeType: 'image/png', buffer: await emblemPng(context) });
  await expect(firstRun.form.emblemPreview).toBeVisible();
  await firstRun.saveButton.click();

  const setup = new AdminSetupPage(page);
  await expect(setup.heading).toBeVisible();
  // The rules are on screen before anything is typed.
  const password = setup.form.getByLabel(/^Kata sandi \(wajib\)$/);
  await expect(password).toHaveAccessibleDescription(/Minimal 10 karakter/);
  await expect(setup.form.getByLabel('Nama pengguna')).toHaveAccessibleDescription(/Minimal 3 karakter/);

  // Several fields wrong: every error shows at once.
  await setup.fill({ ...ADMIN, name: '', login: 'x', password: 'pendek' }, 'pendek-lain');
  await setup.form.getByRole('button', { name: 'Buat akun dan masuk' }).click();
  await expect(setup.form.getByLabel('Nama lengkap')).toHaveAccessibleDescription(/Wajib diisi/);
  await expect(setup.form.getByLabel('Nama pengguna')).toHaveAccessibleDescription(/Nama pengguna/);
  await expect(password).toHaveAccessibleDescription(/Kata sandi minimal 10 karakter/);
  await expect(setup.form.getByLabel('Ulangi kata sandi')).toHaveAccessibleDescription(/Kedua kata sandi tidak sama/);
  await setup.fill({ ...ADMIN, password: 'pendek' }, 'pendek');
  await setup.form.getByRole('button', { name: 'Buat akun dan masuk' }).click();
  await expect(password).toHaveAccessibleDescription(/Kata sandi minimal 10 karakter/);
  await setup.fill(ADMIN, `${ADMIN.password}-beda`);
  await setup.form.getByRole('button', { name: 'Buat akun dan masuk' }).click();
  await expect(setup.form.getByLabel('Ulangi kata sandi')).toHaveAccessibleDescription(/Kedua kata sandi tidak sama/);
  await expect(setup.heading).toBeVisible();

  await setup.create(ADMIN);
  const menu = new UserMenu(page);
  await expect(page.getByTestId('user-name')).toHaveText(ADMIN.name);
  await expect(page.getByTestId('user-roles')).toHaveText('Administrator');

  // A reload keeps the session (one per running core).
  await page.reload();
  await expect(new AppFrame(page).nav()).toBeVisible();

  await menu.choose('Keluar');
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  await expect(page.getByTestId('letterhead')).toContainText('PEMERINTAH KOTA SURAKARTA');
  await expect(new AppFrame(page).nav()).toHaveCount(0);
  await expect(signIn.login).toBeFocused();

  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await signIn.login.fill(ADMIN.login);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-masuk.png') });

  await signIn.signIn(ADMIN);
  await expect(page.getByTestId('user-name')).toHaveText(ADMIN.name);

  // The user menu from the keyboard: Enter opens it, Escape closes it and focus returns.
  await menu.button.focus();
  await page.keyboard.press('Enter');
  const items = page.getByRole('list', { name: 'Menu pengguna' });
  await expect(items.getByRole('button')).toHaveText(['Ganti kata sandi', 'Kunci layar', 'Ganti pengguna', 'Keluar']);
  await expect(menu.button).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: test.info().outputPath('menu-pengguna.png') });
  await page.keyboard.press('Escape');
  await expect(items).toHaveCount(0);
  await expect(menu.button).toBeFocused();
});

test('three wrong passwords: the next try must wait, with a countdown', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await new UserMenu(page).choose('Keluar');

  const signIn = new SignInPage(page);
  const wrong = page.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' });
  for (let i = 0; i < 3; i++) {
    await signIn.login.fill(ADMIN.login);
    await signIn.password.fill(`salah-${i}-kata-sandi`);
    await signIn.submit.click();
    await expect(wrong).toBeVisible();
    await expect(signIn.password).toHaveValue('');
  }
  // The core now makes this login wait (2 s after the third failure, longer after more). If the
  // machine is slow enough for that wait to pass before the fourth try, the fifth one meets it.
  const waitMessage = page.getByTestId('sign-in-wait');
  for (let attempt = 0; attempt < 2 && !(await waitMessage.isVisible()); attempt++) {
    await signIn.password.fill('masih-salah-juga');
    await signIn.submit.click();
    await expect(wrong.or(waitMessage)).toBeVisible();
  }
  await expect(waitMessage).toContainText('Terlalu banyak percobaan masuk yang gagal.');
  await expect(waitMessage).toContainText(/Coba lagi dalam \d+ detik\./);
  await expect(signIn.submit).toBeDisabled();

  // Someone else may sign in meanwhile: the wait is per login.
  await signIn.login.fill('orang-lain');
  await expect(signIn.submit).toBeEnabled();
  await signIn.login.fill(ADMIN.login);
  await expect(signIn.submit).toBeDisabled();

  // The countdown ends by itself; then the right password gets in.
  await expect(waitMessage).toContainText('Silakan coba lagi sekarang.', { timeout: 15_000 });
  await expect(signIn.submit).toBeEnabled();
  await signIn.signIn(ADMIN);
});

test('the administrator adds a writer, who signs in and does not see Pengguna', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await frame.open('Pengaturan');

  const accounts = page.getByRole('region', { name: 'Pengguna' });
  await expect(accounts.getByTestId('accounts-table')).toContainText(ADMIN.name);
  await accounts.getByRole('button', { name: 'Tambah pengguna' }).click();
  const form = accounts.getByRole('form', { name: 'Pengguna baru' });
  await form.getByLabel('Nama lengkap').fill(WRITER.name);
  // A login already taken, and no role: both refused at their field.
  await form.getByLabel('Nama pengguna').fill(ADMIN.login);
  await form.getByLabel('Kata sandi awal').fill(WRITER.password);
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Pilih paling sedikit satu peran' })).toBeVisible();
  await form.getByLabel('Penulis').check();
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form.getByLabel('Nama pengguna')).toHaveAccessibleDescription(/sudah dipakai akun lain/);

  await form.getByLabel('Nama pengguna').fill(WRITER.login);
  await form.getByLabel('Jabatan').fill(WRITER.position);
  await form.getByLabel('Unit kerja').fill(WRITER.unit);
  await form.getByLabel('Telepon').fill(WRITER.phone);
  await form.getByLabel('Email').fill(WRITER.email);
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form).toBeHidden();
  const row = accounts.getByRole('row').filter({ hasText: WRITER.login });
  await expect(row).toContainText(WRITER.name);
  await expect(row).toContainText('Penulis');
  await expect(row).toContainText('Aktif');

  // The last administrator cannot lose the role.
  await accounts.getByRole('button', { name: `Ubah ${ADMIN.name}` }).click();
  const edit = accounts.getByRole('form', { name: 'Ubah pengguna' });
  await edit.getByLabel('Administrator').uncheck();
  await edit.getByLabel('Editor').check();
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(edit.getByRole('alert')).toContainText('Harus ada paling sedikit satu administrator aktif');
  await edit.getByRole('button', { name: 'Batal' }).click();

  // A password reset by the administrator.
  const newPassword = 'sandi-baru-dari-admin-1';
  await accounts.getByRole('button', { name: `Atur ulang kata sandi ${WRITER.name}` }).click();
  const reset = accounts.getByRole('form', { name: `Atur ulang kata sandi ${WRITER.name}` });
  await reset.getByLabel(/^Kata sandi \(wajib\)$/).fill(newPassword);
  await reset.getByLabel('Ulangi kata sandi').fill(newPassword);
  await reset.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(accounts.getByRole('status')).toContainText(`Kata sandi ${WRITER.name} sudah diatur ulang`);

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await accounts.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-pengguna.png') });

  // Quick switch: the writer signs in with the reset password.
  await new UserMenu(page).choose('Ganti pengguna');
  const signIn = new SignInPage(page);
  await signIn.signIn({ login: WRITER.login, password: newPassword });
  await expect(page.getByTestId('user-roles')).toHaveText('Penulis');
  await expect(frame.navItem('Beranda')).toHaveAttribute('aria-current', 'page');
  await expect(frame.navItem('Rilis')).toBeVisible();
  await expect(frame.navItem('Ruang Pers')).toHaveCount(0);
  await frame.open('Pengaturan');
  await expect(page.getByRole('group', { name: 'Bahasa' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pengguna' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Komputer ini' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Log audit' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Buku tamu ruang pers' })).toHaveCount(0);

  // The writer changes their own password; the old one no longer works.
  const menu = new UserMenu(page);
  await menu.choose('Ganti kata sandi');
  const dialog = page.getByRole('dialog', { name: 'Ganti kata sandi' });
  await dialog.getByLabel('Kata sandi sekarang').fill('bukan-sandi-saya');
  await dialog.getByLabel('Kata sandi baru', { exact: true }).fill(WRITER.password);
  await dialog.getByLabel('Ulangi kata sandi baru').fill(WRITER.password);
  await dialog.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(dialog.getByLabel('Kata sandi sekarang')).toHaveAccessibleDescription('Kata sandi sekarang salah.');
  await dialog.getByLabel('Kata sandi sekarang').fill(newPassword);
  await dialog.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Kata sandi sudah diganti.' })).toBeVisible();
  await menu.choose('Keluar');
  await signIn.signIn({ login: WRITER.login, password: WRITER.password });
});

test('idle lock: after the set minutes without activity the sign-in screen names the locked user', async ({ page, warta }) => {
  // The window's idle timer runs on Playwright's clock; the core keeps its own real time.
  await page.clock.install();
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await frame.open('Pengaturan');
  const machine = page.getByRole('region', { name: 'Komputer ini' });
  await machine.getByLabel('Kunci layar otomatis setelah (menit)').fill('1');
  await machine.getByRole('button', { name: 'Simpan pengaturan komputer' }).click();
  await expect(machine.getByRole('status')).toHaveText('Pengaturan komputer ini tersimpan.');

  // Half the time: nothing happens.
  await page.clock.fastForward('00:30');
  await expect(frame.nav()).toBeVisible();
  // Past the minute: locked.
  await page.clock.fastForward('00:40');
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  await expect(page.getByTestId('locked-notice')).toContainText(`Layar dikunci untuk ${ADMIN.name}.`);
  await expect(signIn.login).toHaveValue(ADMIN.login);
  await expect(signIn.password).toBeFocused();
  await expect(frame.nav()).toHaveCount(0);

  // Another person may sign in instead: the login is cleared for them.
  await page.getByRole('button', { name: 'Masuk sebagai pengguna lain' }).click();
  await expect(signIn.login).toHaveValue('');
  await expect(page.getByTestId('locked-notice')).toHaveCount(0);

  await signIn.signIn(ADMIN);
  await expect(page.getByTestId('user-name')).toHaveText(ADMIN.name);

  // The lock from the menu works the same way.
  await new UserMenu(page).choose('Kunci layar');
  await expect(page.getByTestId('locked-notice')).toContainText(`Layar dikunci untuk ${ADMIN.name}.`);
  await signIn.password.fill(ADMIN.password);
  await signIn.submit.click();
  await expect(frame.nav()).toBeVisible();
});

test('the audit log lists the sign-ins, filters, checks its integrity, exports CSV and pages back', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const menu = new UserMenu(page);
  const signIn = new SignInPage(page);
  await menu.choose('Keluar');
  await signIn.login.fill(ADMIN.login);
  await signIn.password.fill('bukan-kata-sandinya');
  await signIn.submit.click();
  await expect(page.getByRole('alert').filter({ hasText: 'salah' })).toBeVisible();
  await signIn.signIn(ADMIN);

  const frame = new AppFrame(page);
  await frame.open('Pengaturan');
  const audit = page.getByRole('region', { name: 'Log audit' });
  const table = audit.getByTestId('audit-table');
  // Newest first: the sign-in just made, then the failed one, the sign-out, the account creation.
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toContainText('Masuk');
  await expect(rows.first()).toContainText(ADMIN.name);
  await expect(table).toContainText('Gagal masuk');
  await expect(table).toContainText('Keluar');
  await expect(table).toContainText('Akun dibuat');

  await audit.getByLabel('Tindakan').selectOption({ label: 'Masuk dan gagal masuk' });
  await audit.getByRole('button', { name: 'Terapkan saringan' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Masuk');
  // In words, never the stored codes: "Gagal masuk · nama pengguna «…» · 1 kali gagal berturut-turut".
  await expect(rows.nth(1)).toContainText('Gagal masuk');
  await expect(rows.nth(1)).toContainText(/nama pengguna «.+» · 1 kali gagal berturut-turut/);
  await expect(table).not.toContainText('sign_in.failed');
  await expect(table).not.toContainText('failures:');

  await audit.getByRole('button', { name: 'Hapus saringan' }).click();
  await expect(table).toContainText('Akun dibuat');
  await expect(table).toContainText('Akun · peran: Administrator · akun pertama, saat Warta dipasang');
  await expect(table).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);

  await audit.getByRole('button', { name: 'Periksa keutuhan' }).click();
  await expect(audit.getByTestId('audit-verify')).toContainText(/Log audit utuh: \d+ catatan diperiksa/);
  // The check is on record too.
  await expect(rows.first()).toContainText('Log audit diperiksa');

  const download = page.waitForEvent('download');
  await audit.getByRole('button', { name: 'Ekspor CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^log-audit-warta-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await file.path(), 'utf8');
  expect(csv).toContain('"sign_in"');
  expect(csv).toContain('"sign_in.failed"');
  expect(csv).toContain(ADMIN.name);

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await audit.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-log-audit.png') });

  // Paging: 50 entries a page, older ones on request (beforeSeq), until the first entry.
  for (let i = 0; i < 50; i++) await callCore(page, 'audit.verify', {});
  await audit.getByRole('button', { name: 'Terapkan saringan' }).click();
  await expect(rows).toHaveCount(50);
  await expect(audit).not.toContainText('Tidak ada catatan lebih lama.');
  const newest = Number(await rows.first().locator('td').first().textContent());
  expect(newest).toBeGreaterThan(55);
  await audit.getByRole('button', { name: 'Muat catatan lebih lama' }).click();
  await expect(rows).toHaveCount(newest);
  await expect(rows.last()).toContainText('Akun dibuat');
  await expect(audit).toContainText('Tidak ada catatan lebih lama.');
});
