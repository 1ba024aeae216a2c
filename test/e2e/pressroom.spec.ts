import fs from 'node:fs';
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { KioskPage } from './pages/kiosk-page';
import { SignInPage, UserMenu } from './pages/people';
import { callCore } from './support/core-calls';
import { emblemPng } from './support/emblem';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { ADMIN } from './support/people-fixture-data';
import { SCREENSHOT_DIR } from './support/paths';

const VISITOR = { name: 'Dewi Lestari', outlet: 'Harian Contoh Solo', purpose: 'Liputan jumpa pers Dinas Kesehatan' };

test('press-room mode: the kiosk, the guest book with consent, and leaving only by staff sign-in', async ({ page, context, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.form.uploadEmblem({ name: 'lambang.png', mimeType: 'image/png', buffer: await emblemPng(context) });
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  // The staff page of the press room holds the switch (as does Pengaturan).
  await frame.open('Ruang Pers');
  const machine = page.getByRole('region', { name: 'Komputer ini' });
  const pressRoom = machine.getByRole('checkbox', { name: 'Nyalakan mode ruang pers di komputer ini' });
  await expect(pressRoom).toHaveAccessibleDescription(/layar wartawan/);
  await pressRoom.check();
  await machine.getByRole('button', { name: 'Simpan pengaturan komputer' }).click();
  await expect(machine.getByRole('status')).toHaveText('Pengaturan komputer ini tersimpan.');
  await new UserMenu(page).choose('Keluar');

  // Nobody signed in on a press-room machine: the journalists' screen, nothing of the staff app.
  const kiosk = new KioskPage(page);
  await expect(kiosk.heading).toBeVisible();
  await expect(page.getByTestId('letterhead')).toContainText('PEMERINTAH KOTA SURAKARTA');
  await expect(frame.nav()).toHaveCount(0);
  await expect(kiosk.form.getByRole('group', { name: 'Pemberitahuan tentang data pribadi Anda' })).toContainText('Yang kami catat');

  // Consent is required.
  await kiosk.fill(VISITOR);
  await kiosk.submit.click();
  await expect(kiosk.consent).toHaveAccessibleDescription('Centang persetujuan ini untuk mengisi buku tamu.');
  await expect(kiosk.consent).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('kiosk-message')).toHaveCount(0);

  // Keyboard alone: the consent box and the button are reachable with Tab, ticked with Space.
  await kiosk.consent.focus();
  await page.keyboard.press('Space');
  await expect(kiosk.consent).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(kiosk.submit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('kiosk-message')).toContainText(/Terima kasih, Dewi Lestari\. Anda tercatat masuk pukul \d{2}\.\d{2} WIB\./);
  await expect(kiosk.form.getByLabel('Media / asal')).toHaveValue('');
  await expect(kiosk.consent).not.toBeChecked();
  const leave = kiosk.guestbook.getByRole('button', { name: `Keluar ruang pers / selesai: ${VISITOR.name}` });
  await expect(leave).toBeVisible();

  await leave.click();
  await expect(page.getByTestId('kiosk-message')).toContainText(/Sampai jumpa, Dewi Lestari\. Waktu keluar tercatat pukul \d{2}\.\d{2} WIB\./);
  await expect(leave).toHaveCount(0);

  // "Masuk staf" opens the staff sign-in; without it, or with a wrong password, the kiosk stays.
  await kiosk.staffSignIn.click();
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  await expect(page.getByText('Komputer ini dalam mode ruang pers.')).toBeVisible();
  await page.getByRole('button', { name: 'Kembali ke ruang pers' }).click();
  await expect(kiosk.heading).toBeVisible();
  await kiosk.staffSignIn.click();
  await signIn.login.fill(ADMIN.login);
  await signIn.password.fill('tebak-tebakan-saja');
  await signIn.submit.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' })).toBeVisible();
  await expect(frame.nav()).toHaveCount(0);
  await signIn.signIn(ADMIN);

  // Staff see the guest book entry, with both times in the office's zone.
  await frame.open('Pengaturan');
  const guestbook = page.getByRole('region', { name: 'Buku tamu ruang pers' });
  await guestbook.getByRole('button', { name: 'Tampilkan buku tamu' }).click();
  const row = guestbook.getByTestId('guestbook-table').getByRole('row').filter({ hasText: VISITOR.name });
  await expect(row).toContainText(VISITOR.outlet);
  await expect(row).toContainText(VISITOR.purpose);
  await expect(row.getByRole('cell')).toHaveCount(4);
  await expect(row).toContainText(/\d{2}\.\d{2} WIB.*\d{2}\.\d{2} WIB/);

  // Leaving press-room mode is a staff setting; after it, signing out shows the sign-in screen.
  await pressRoom.uncheck();
  await machine.getByRole('button', { name: 'Simpan pengaturan komputer' }).click();
  await expect(machine.getByRole('status')).toHaveText('Pengaturan komputer ini tersimpan.');
  await new UserMenu(page).choose('Keluar');
  await expect(signIn.heading).toBeVisible();
  await expect(kiosk.heading).toHaveCount(0);
});

test('the kiosk cannot reach staff data: the core refuses it as the journalist role', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await new AppFrame(page).open('Pengaturan');
  const machine = page.getByRole('region', { name: 'Komputer ini' });
  await machine.getByRole('checkbox', { name: 'Nyalakan mode ruang pers di komputer ini' }).check();
  await machine.getByRole('button', { name: 'Simpan pengaturan komputer' }).click();
  await expect(machine.getByRole('status')).toBeVisible();
  await new UserMenu(page).choose('Keluar');
  const kiosk = new KioskPage(page);
  await expect(kiosk.heading).toBeVisible();

  // Straight to the core from the kiosk window, as a curious visitor with the developer tools might.
  const socketResults = await page.evaluate(async () => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
    const ws = new WebSocket(`ws://${window.location.host}/api?token=${encodeURIComponent(token)}`);
    await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
    const ask = (id: number, method: string) =>
      new Promise<string>((resolve) => {
        ws.addEventListener('message', function onMessage(event) {
          const msg = JSON.parse(String(event.data)) as { type: string; id?: number; ok?: boolean; error?: { code: string } };
          if (msg.type !== 'result' || msg.id !== id) return;
          ws.removeEventListener('message', onMessage);
          resolve(msg.ok ? 'ok' : (msg.error?.code ?? '?'));
        });
        ws.send(JSON.stringify({ type: 'call', id, method, input: {} }));
      });
    const out = { accounts: await ask(1, 'accounts.list'), audit: await ask(2, 'audit.list'), guestbook: await ask(3, 'guestbook.list') };
    ws.close();
    return out;
  });
  expect(socketResults).toEqual({ accounts: 'forbidden', audit: 'forbidden', guestbook: 'forbidden' });
});

test('the kiosk shows published releases (search, read, press kit) and the public agenda, nothing internal', async ({ page, context, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.form.uploadEmblem({ name: 'lambang.png', mimeType: 'image/png', buffer: await emblemPng(context) });
  await firstRun.complete(SURAKARTA);

  // Set up as the administrator: one published release, one draft, one open and one closed event today.
  const published = await callCore<{ id: string }>(page, 'releases.create', { title: 'Wali Kota Resmikan Revitalisasi Pasar Gede' });
  await callCore(page, 'releases.update', { id: published.id, fields: { subtitle: 'Pedagang kembali berjualan mulai Senin', datelineCity: 'Surakarta' } });
  await callCore(page, 'releases.importHtml', { id: published.id, html: '<p>Wali Kota Surakarta meresmikan revitalisasi Pasar Gede pada Jumat pagi.</p><p>Sebanyak 600 pedagang kembali menempati kios.</p>' });
  for (const to of ['in_review', 'approved', 'published']) await callCore(page, 'releases.transition', { id: published.id, to, note: '' });
  await callCore(page, 'releases.create', { title: 'Draf rencana anggaran belum final' });
  const now = Date.now();
  await callCore(page, 'agenda.events.save', {
    kind: 'press_conference',
    title: 'Jumpa Pers Dinas Kesehatan: Imunisasi Anak',
    startMs: now - 60_000,
    endMs: now + 3_600_000,
    placeName: 'Ruang Pers Balai Kota',
    usesPressRoom: true,
    pressOpen: true,
  });
  await callCore(page, 'agenda.events.save', { kind: 'internal_meeting', title: 'Rapat internal evaluasi Humas', startMs: now - 60_000, endMs: now + 1_800_000, pressOpen: false });
  await callCore(page, 'machine.setSettings', { pressRoom: true, idleLockMinutes: 10 });
  await new UserMenu(page).choose('Keluar');

  const kiosk = new KioskPage(page);
  await expect(kiosk.heading).toBeVisible();
  const releases = page.getByRole('region', { name: 'Siaran Pers Terbaru' });
  const list = releases.getByTestId('kiosk-releases');
  await expect(list).toContainText('Wali Kota Resmikan Revitalisasi Pasar Gede');
  await expect(releases).not.toContainText('Draf rencana anggaran');

  const agenda = page.getByRole('region', { name: 'Agenda Hari Ini' });
  await expect(agenda.getByTestId('kiosk-agenda-today')).toContainText('Jumpa Pers Dinas Kesehatan: Imunisasi Anak');
  await expect(agenda.getByTestId('kiosk-agenda-today')).toContainText('Di ruang pers');
  await expect(agenda.getByTestId('kiosk-agenda-press')).toContainText('Jumpa Pers Dinas Kesehatan');
  await expect(agenda).not.toContainText('Rapat internal');

  // The README picture: a journalist has just signed the guest book.
  await kiosk.fill(VISITOR);
  await kiosk.consent.check();
  await kiosk.submit.click();
  await expect(page.getByTestId('kiosk-message')).toContainText('Terima kasih, Dewi Lestari.');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-ruang-pers.png'), fullPage: true });

  // Search: a word of the body finds it; a word of the draft finds nothing.
  const search = releases.getByRole('searchbox', { name: 'Cari siaran pers' });
  await search.fill('anggaran');
  await search.press('Enter');
  await expect(releases).toContainText('Tidak ada siaran pers yang cocok dengan “anggaran”.');
  await search.fill('pedagang');
  await releases.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(list).toContainText('Wali Kota Resmikan Revitalisasi Pasar Gede');

  await releases.getByRole('button', { name: 'Baca siaran pers: Wali Kota Resmikan Revitalisasi Pasar Gede' }).click();
  await expect(releases.getByRole('heading', { level: 3, name: 'Wali Kota Resmikan Revitalisasi Pasar Gede' })).toBeFocused();
  await expect(releases.getByTestId('kiosk-release-body')).toContainText('Sebanyak 600 pedagang kembali menempati kios.');
  await expect(releases).toContainText('Pedagang kembali berjualan mulai Senin');

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: test.info().outputPath('ruang-pers-baca-rilis.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await releases.getByRole('button', { name: 'Unduh paket media (ZIP)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.zip$/);
  const zip = fs.readFileSync(await file.path());
  expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(releases.getByRole('status')).toContainText(`Berkas ${file.suggestedFilename()} sudah diunduh.`);

  await releases.getByRole('button', { name: /Kembali ke daftar siaran pers/ }).click();
  await expect(list).toBeVisible();
});

test('the kiosk forgets a half-filled guest book entry after the idle time', async ({ page, warta }) => {
  // The kiosk's timers run on Playwright's clock.
  await page.clock.install();
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await callCore(page, 'machine.setSettings', { pressRoom: true, idleLockMinutes: 2 });
  await new UserMenu(page).choose('Keluar');
  const kiosk = new KioskPage(page);
  await expect(kiosk.heading).toBeVisible();

  await kiosk.fill(VISITOR);
  await kiosk.consent.check();
  await page.clock.fastForward('01:00');
  await expect(kiosk.form.getByRole('textbox', { name: /^Nama/ })).toHaveValue(VISITOR.name);
  await page.clock.fastForward('01:10');
  await expect(kiosk.form.getByRole('textbox', { name: /^Nama/ })).toHaveValue('');
  await expect(kiosk.form.getByRole('textbox', { name: 'Media / asal' })).toHaveValue('');
  await expect(kiosk.consent).not.toBeChecked();
});
