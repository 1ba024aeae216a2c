import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { AgendaPage } from './pages/agenda-page';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { SignInPage, UserMenu } from './pages/people';
import { callCore } from './support/core-calls';
import { test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { WRITER } from './support/people-fixture-data';
import { TMP_ROOT } from './support/paths';

const SHOTS = path.join(TMP_ROOT, 'screens');
const PROTOCOL = { name: 'Sari Wulandari', login: 'sari.w', password: 'protokol-balai-kota-3' } as const;

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

async function addAccount(page: Page, who: { name: string; login: string; password: string }, role: string) {
  await callCore(page, 'accounts.save', { name: who.name, login: who.login, password: who.password, roles: [role] });
}

async function switchTo(page: Page, who: { login: string; password: string }) {
  await new UserMenu(page).choose('Keluar');
  await new SignInPage(page).signIn(who);
}

test('screens: the place is in the URL, Rilis returns to the list, a new person starts clean', async ({ page, warta }) => {
  await new FirstRunPage(page).open(warta.url);
  await new FirstRunPage(page).complete(SURAKARTA);
  await addAccount(page, WRITER, 'writer');
  const frame = new AppFrame(page);
  await frame.open('Rilis');
  const created = await callCore<{ id: string }>(page, 'releases.create', { title: 'Pasar Gede Buka Sampai Malam' });

  // The filters have names of their own (not their selected option).
  await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'OPD', exact: true })).toBeVisible();

  const search = page.getByRole('searchbox');
  await search.fill('pasar');
  await page.getByText('Pasar Gede Buka Sampai Malam').first().click();
  const title = page.getByRole('textbox', { name: 'Judul', exact: true });
  await expect(title).toHaveValue('Pasar Gede Buka Sampai Malam');
  expect(new URL(page.url()).hash).toContain(`item=${created.id}`);
  // The H2 button is not announced like the subtitle field.
  await expect(page.getByRole('toolbar').getByRole('button', { name: 'Judul bagian (H2)' })).toBeVisible();
  await expect(page.getByRole('toolbar').getByRole('button', { name: 'Subjudul' })).toHaveCount(0);

  // A reload comes back to the same release.
  await page.reload();
  await expect(title).toHaveValue('Pasar Gede Buka Sampai Malam');
  await expect(frame.navItem('Rilis')).toHaveAttribute('aria-current', 'page');

  // The sidebar's Rilis leaves the editor for the list.
  await frame.navItem('Rilis').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rilis' })).toBeVisible();
  await expect(title).toHaveCount(0);
  expect(new URL(page.url()).hash).not.toContain('item=');
  await search.fill('pasar');

  // The administrator leaves a search and the release open; the writer signs in next.
  await page.getByText('Pasar Gede Buka Sampai Malam').first().click();
  await expect(title).toBeVisible();
  await switchTo(page, WRITER);
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  expect(new URL(page.url()).hash).not.toContain('item=');
  await frame.open('Rilis');
  await expect(page.getByRole('searchbox')).toHaveValue('');
  await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('');
  await shot(page, 'screens-new-session.png');
});

test('screens: buttons only where the core would allow them', async ({ page, warta }) => {
  await new FirstRunPage(page).open(warta.url);
  await new FirstRunPage(page).complete(SURAKARTA);
  await addAccount(page, WRITER, 'writer');
  await addAccount(page, PROTOCOL, 'protocol');
  const now = Date.now();
  await callCore(page, 'agenda.events.save', { kind: 'internal_meeting', title: 'Rapat Koordinasi Banjir', startMs: now + 3_600_000, endMs: now + 7_200_000, pressOpen: false });
  const frame = new AppFrame(page);

  // A writer drafts and sends; no withdrawal (an editor's step) is offered on the draft.
  await switchTo(page, WRITER);
  await frame.open('Rilis');
  await page.getByRole('button', { name: 'Rilis baru' }).click();
  await page.getByRole('textbox', { name: 'Judul', exact: true }).fill('Sekolah Rakyat Dibuka di Jebres');
  await expect(page.getByRole('button', { name: 'Kirim ke editor' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tarik rilis' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Kirim ke editor' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Terkirim ke editor' })).toBeVisible();
  // In review, the writer may send it back to draft, but neither approve nor withdraw.
  await expect(page.getByRole('button', { name: 'Kembalikan ke draf' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Setujui dan beri nomor' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tarik rilis' })).toHaveCount(0);
  await shot(page, 'screens-writer-sent.png');

  // Protocol staff read releases but write none.
  await switchTo(page, PROTOCOL);
  await frame.open('Rilis');
  await expect(page.getByText('Sekolah Rakyat Dibuka di Jebres')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rilis baru' })).toHaveCount(0);
  await page.getByText('Sekolah Rakyat Dibuka di Jebres').click();
  await expect(page.getByText('Peran Anda hanya boleh membaca rilis')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Judul', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Kembalikan ke draf' })).toHaveCount(0);
  // In the agenda they edit, but "Tulis rilis" is not theirs.
  const agenda = new AgendaPage(page);
  await frame.open('Agenda');
  await expect(page.getByRole('button', { name: 'Agenda baru' })).toBeVisible();
  await agenda.view('Daftar');
  await agenda.event('Rapat Koordinasi Banjir').first().click(); // (the list shows a meeting past midnight on both days)
  await expect(agenda.detail.getByRole('button', { name: 'Ubah', exact: true })).toBeVisible();
  await expect(agenda.detail.getByRole('button', { name: 'Tulis rilis' })).toHaveCount(0);
  await shot(page, 'screens-protocol-agenda.png');

  // The writer reads the agenda and may write a release from it, but not change it.
  await switchTo(page, WRITER);
  await frame.open('Agenda');
  await expect(page.getByRole('button', { name: 'Agenda baru' })).toHaveCount(0);
  await agenda.view('Daftar');
  await agenda.event('Rapat Koordinasi Banjir').first().click(); // (the list shows a meeting past midnight on both days)
  await expect(agenda.detail.getByRole('button', { name: 'Tulis rilis' })).toBeVisible();
  await expect(agenda.detail.getByRole('button', { name: 'Ubah', exact: true })).toHaveCount(0);
  await expect(agenda.detail.getByRole('button', { name: 'Hapus' })).toHaveCount(0);
  // The release written from it names the event by its title and time, not by its id.
  await agenda.detail.getByRole('button', { name: 'Tulis rilis' }).click();
  const link = page.getByTestId('release-event');
  await expect(link).toContainText('Rapat Koordinasi Banjir ·');
  await expect(link).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}/);
  await link.scrollIntoViewIfNeeded();
  await shot(page, 'screens-release-event-link.png');
});

test('screens: error headlines say the real reason (a press-room double booking)', async ({ page, warta }) => {
  await new FirstRunPage(page).open(warta.url);
  await new FirstRunPage(page).complete(SURAKARTA);
  const date = new Date(Date.now() + 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  await callCore(page, 'agenda.events.save', {
    kind: 'press_conference',
    title: 'Jumpa Pers Pilkada',
    startMs: Date.parse(`${date}T10:00:00+07:00`),
    endMs: Date.parse(`${date}T11:00:00+07:00`),
    usesPressRoom: true,
    pressOpen: true,
  });
  await new AppFrame(page).open('Agenda');
  const agenda = new AgendaPage(page);
  await page.getByRole('button', { name: 'Agenda baru' }).click();
  await agenda.field('Acara').fill('Konferensi Pers Dinas Pendidikan');
  await agenda.field('Tanggal').fill(date);
  await agenda.field('Mulai').fill('10:30');
  await agenda.field('Selesai').fill('11:30');
  await agenda.dialog.getByRole('checkbox', { name: 'Memakai ruang pers' }).check();
  await agenda.dialog.getByRole('button', { name: 'Simpan agenda' }).click();
  // (The form's live conflict list is an alert of its own; this is the refusal of the save.)
  const alert = agenda.dialog.getByRole('alert').filter({ hasText: 'Keterangan dari Warta' });
  await expect(alert.locator('p').first()).toHaveText('Ruang pers sudah dipesan pada waktu itu. Pilih waktu lain.');
  await expect(alert).toContainText('Jumpa Pers Pilkada');
  await expect(alert).not.toContainText('diubah di tempat lain');
  // Nothing is lost: the form stays open with what was typed.
  await expect(agenda.field('Acara')).toHaveValue('Konferensi Pers Dinas Pendidikan');
  await shot(page, 'screens-double-booking.png');
});

test('screens: press-room mode locks after 10 minutes by default; staff record a visitor leaving', async ({ page, warta }) => {
  await new FirstRunPage(page).open(warta.url);
  await new FirstRunPage(page).complete(SURAKARTA);
  await new AppFrame(page).open('Pengaturan');
  const machine = page.getByRole('region', { name: 'Komputer ini' });
  const minutes = machine.getByLabel('Kunci layar otomatis setelah (menit)');
  await expect(minutes).toHaveValue('30');
  await machine.getByRole('checkbox', { name: 'Nyalakan mode ruang pers di komputer ini' }).check();
  await expect(minutes).toHaveValue('10');
  await machine.getByRole('button', { name: 'Simpan pengaturan komputer' }).click();
  await expect(machine.getByRole('status')).toBeVisible();
  expect((await callCore<{ idleLockMinutes: number }>(page, 'machine.getSettings', {})).idleLockMinutes).toBe(10);
  // A limit the administrator chose stays when the mode changes.
  await minutes.fill('15');
  await machine.getByRole('checkbox', { name: 'Nyalakan mode ruang pers di komputer ini' }).uncheck();
  await expect(minutes).toHaveValue('15');

  // A visitor whose leaving the kiosk never recorded: staff record it in Buku tamu.
  await callCore(page, 'guestbook.signIn', { name: 'Dewi Anggraini', outlet: 'Solopos', purpose: 'Jumpa pers', consent: true });
  const guestbook = page.getByRole('region', { name: 'Buku tamu ruang pers' });
  await guestbook.getByRole('button', { name: 'Tampilkan buku tamu' }).click();
  const row = guestbook.getByRole('row', { name: /Dewi Anggraini/ });
  await expect(row).toContainText('masih di ruang pers');
  await row.getByRole('button', { name: 'Catat Dewi Anggraini keluar sekarang' }).click();
  await expect(row).not.toContainText('masih di ruang pers');
  await expect(row).toContainText(/\d\d\.\d\d WIB/);
  await shot(page, 'screens-guestbook-out.png');
});

test('screens: a cancelled occurrence is struck through in the month and list views', async ({ page, warta }) => {
  await new FirstRunPage(page).open(warta.url);
  await new FirstRunPage(page).complete(SURAKARTA);
  // A daily series from this week's Monday (inside this week's list), its second date cancelled.
  const today = new Date(Date.now() + 7 * 3_600_000);
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  const startMs = Date.parse(`${monday}T19:00:00+07:00`);
  const saved = await callCore<{ event: { id: string } }>(page, 'agenda.events.save', {
    kind: 'internal_meeting',
    title: 'Piket Malam Humas',
    startMs,
    endMs: startMs + 1_800_000,
    rrule: 'FREQ=DAILY;COUNT=3',
    pressOpen: false,
  });
  await callCore(page, 'agenda.events.cancelOccurrence', { seriesId: saved.event.id, originalStartMs: startMs + 86_400_000 });
  await new AppFrame(page).open('Agenda');
  const agenda = new AgendaPage(page);
  await agenda.view('Daftar');
  const events = agenda.event('Piket Malam Humas');
  await expect(events).toHaveCount(3);
  const struck = async () =>
    events.evaluateAll((els) => els.map((el) => [el, ...el.querySelectorAll('*')].some((e) => getComputedStyle(e).textDecorationLine.includes('line-through'))));
  expect(await struck()).toEqual([false, true, false]);
  await expect(events.nth(1)).toHaveAccessibleName(/Batal/);
  await shot(page, 'screens-agenda-cancelled-list.png');
  await agenda.view('Bulan');
  await expect(events).toHaveCount(3);
  expect(await struck()).toEqual([false, true, false]);
});

test('screens: the event form says when the date is a holiday and survives a reload', async ({ page, warta }) => {
  await new FirstRunPage(page).open(warta.url);
  await new FirstRunPage(page).complete(SURAKARTA);
  await new AppFrame(page).open('Agenda');
  const agenda = new AgendaPage(page);
  await page.getByRole('button', { name: 'Agenda baru' }).click();
  await agenda.field('Acara').fill('Misa Natal Bersama Forkopimda');
  await agenda.field('Tanggal').fill('2026-12-25');
  await expect(page.getByTestId('agenda-form-holiday')).toContainText('Tanggal ini hari libur nasional: Hari Raya Natal');
  await shot(page, 'screens-agenda-holiday.png');
  await agenda.field('Tanggal').fill('2026-12-22');
  await expect(page.getByTestId('agenda-form-holiday')).toHaveCount(0);
  // The invitation file field reads in Indonesian (not the browser's "Choose File"), and says what was chosen.
  const file = agenda.dialog.getByLabel(/Berkas surat/);
  await expect(agenda.dialog.getByRole('button', { name: 'Pilih berkas' })).toHaveCount(0); // not a second control: the input is the one
  await expect(agenda.dialog.getByText('Pilih berkas', { exact: true })).toBeVisible();
  await expect(agenda.dialog.getByText('Belum ada berkas dipilih')).toBeVisible();
  await file.setInputFiles({ name: 'undangan-misa.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await expect(agenda.dialog.getByText('undangan-misa.pdf', { exact: true })).toBeVisible();
  await agenda.dialog.getByText('Pilih berkas', { exact: true }).scrollIntoViewIfNeeded();
  await shot(page, 'screens-file-input.png');

  // A reload while the form is open brings it back as it was.
  await agenda.field('Tempat').fill('Gereja Santo Antonius Purbayan');
  await page.reload();
  await expect(agenda.dialog).toBeVisible();
  await expect(agenda.field('Acara')).toHaveValue('Misa Natal Bersama Forkopimda');
  await expect(agenda.field('Tanggal')).toHaveValue('22/12/2026');
  await expect(agenda.field('Tempat')).toHaveValue('Gereja Santo Antonius Purbayan');
  // Closed on purpose, it stays closed.
  await agenda.dialog.getByRole('button', { name: 'Batal', exact: true }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  await expect(agenda.dialog).toHaveCount(0);
});
