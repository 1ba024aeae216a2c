import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { addDaysToKey, dateKey } from '../../shared/agenda/zones';
import { AgendaPage } from './pages/agenda-page';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { REPO_ROOT } from './support/paths';

const shots = path.join(REPO_ROOT, '.tmp', 'e2e', 'screenshots');

test('Agenda: drag with Ctrl+Z undo; Tulis rilis opens a pre-filled release; ICS import preview with reasons; ICS export', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await frame.open('Pengaturan');
  const officials = page.getByTestId('officials-table');
  await officials.getByLabel('Jabatan').fill('Sekretaris Daerah');
  await officials.getByLabel('Nama').fill('Drs. Hendro Saputro');
  await officials.getByRole('button', { name: 'Tambah' }).click();
  // The saved row, by its own edit button: until the add form clears, its inputs hold the name too.
  await expect(officials.getByRole('button', { name: 'Ubah Drs. Hendro Saputro' })).toBeVisible();
  // An official's name is edited in place; a deletion can be undone.
  await officials.getByRole('button', { name: 'Ubah Drs. Hendro Saputro' }).click();
  await officials.getByRole('textbox', { name: 'Nama' }).first().fill('Drs. Hendro Saputro, M.Si.');
  await officials.getByRole('button', { name: 'Simpan' }).click();
  await expect(officials.getByRole('row', { name: /Hendro Saputro, M\.Si\./ })).toBeVisible();
  await officials.getByRole('button', { name: 'Hapus Drs. Hendro Saputro, M.Si.' }).click();
  await expect(officials.getByRole('row', { name: /Hendro Saputro/ })).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: 'dihapus' }).getByRole('button', { name: 'Urungkan' }).click();
  await expect(officials.getByRole('row', { name: /Hendro Saputro/ })).toBeVisible();

  await frame.open('Agenda');
  const agenda = new AgendaPage(page);
  // Tomorrow: the day view is stepped forward until it shows the item.
  const day = addDaysToKey(dateKey(Date.now(), 'WIB'), 1);
  // An end before the start is caught in the form, and nothing is saved.
  await agenda.newEvent({ title: 'Rapat Evaluasi Kinerja', date: day, start: '10:00', end: '09:00', leader: 'Sekretaris Daerah – Drs. Hendro Saputro, M.Si.' });
  await agenda.dialog.getByRole('button', { name: 'Simpan agenda' }).click();
  await expect(agenda.dialog.getByRole('alert').filter({ hasText: 'Waktu selesai harus sesudah waktu mulai.' })).toBeVisible();
  await agenda.field('Selesai').fill('11:00');
  await agenda.save();
  await agenda.view('Hari');
  // Wait for the day's items before stepping on: a bare count() raced the calendar's fetch and stepped past the day.
  const dayShown = () => agenda.event('Rapat Evaluasi Kinerja').first().waitFor({ state: 'visible', timeout: 4000 }).then(() => true, () => false);
  for (let i = 0; i < 2 && !(await dayShown()); i++) await page.getByRole('button', { name: 'Berikutnya' }).click();
  const item = agenda.event('Rapat Evaluasi Kinerja');
  await expect(item).toContainText('10.00');
  const box = (await item.boundingBox())!;
  const hourRow = (await page.locator('.agenda-calendar').getByText('11.00', { exact: true }).first().boundingBox())!;
  const hour10 = (await page.locator('.agenda-calendar').getByText('10.00', { exact: true }).first().boundingBox())!;
  const hourPx = hourRow.y - hour10.y;
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 8 + hourPx / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2, box.y + 8 + hourPx * 2, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByTestId('agenda-undo')).toContainText('pukul 12.00 WIB');
  await expect(agenda.event('Rapat Evaluasi Kinerja')).toContainText('12.00');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('agenda-undo')).toHaveCount(0);
  await expect(agenda.event('Rapat Evaluasi Kinerja')).toContainText('10.00');

  // Tulis rilis: a release pre-filled from the item opens in Rilis; the item then lists it with its clock.
  await agenda.event('Rapat Evaluasi Kinerja').click();
  await agenda.detail.getByRole('button', { name: 'Tulis rilis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapat Evaluasi Kinerja' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Subjudul' })).toHaveValue('Sekretaris Daerah Drs. Hendro Saputro, M.Si.');
  await expect(page.getByRole('textbox', { name: 'Kota dateline' })).toHaveValue('Surakarta');
  await expect(page.getByRole('textbox', { name: /^Tanggal rilis/ })).toHaveValue(day.split('-').reverse().join('/')); // the app's own date field shows 05/12/2026
  await page.screenshot({ path: path.join(shots, 'agenda-write-release.png') });
  await frame.open('Agenda');
  await agenda.view('Hari');
  for (let i = 0; i < 2 && !(await dayShown()); i++) await page.getByRole('button', { name: 'Berikutnya' }).click();
  await agenda.event('Rapat Evaluasi Kinerja').click();
  await expect(agenda.detail.getByRole('heading', { name: 'Rilis dari kegiatan ini' })).toBeVisible();
  await expect(agenda.detail.getByRole('button', { name: 'Rapat Evaluasi Kinerja' })).toBeVisible();
  await agenda.detail.getByRole('button', { name: 'Tutup' }).click();

  // ICS import: the Outlook file with problems; the preview lists what will be skipped and why.
  await page.getByRole('button', { name: 'Impor ICS' }).click();
  await agenda.dialog.getByLabel('Pilih berkas .ics dari Google Calendar atau Outlook').setInputFiles(path.join(REPO_ROOT, 'test/fixtures/agenda/outlook-with-problems.ics'));
  const preview = page.getByTestId('ics-preview');
  await expect(preview.getByRole('row', { name: /Acara dengan zona tak dikenal/ })).toContainText('Zona waktu tidak dikenal: Mars Standard Time');
  await expect(preview.getByRole('row', { name: /Acara tanpa waktu mulai/ })).toContainText('DTSTART (waktu mulai) tidak ada.');
  await expect(agenda.dialog.getByRole('status')).toContainText('Pratinjau: 2 kegiatan baru, 0 perubahan jadwal, 6 dilewati.');
  await page.screenshot({ path: path.join(shots, 'agenda-ics-preview.png') });
  await agenda.dialog.getByRole('button', { name: 'Impor 2 kegiatan' }).click();
  await expect(agenda.dialog.getByRole('status')).toContainText('Selesai: 2 kegiatan dan 0 perubahan jadwal diimpor, 6 dilewati.');
  await agenda.dialog.getByRole('button', { name: 'Tutup' }).click();
  await agenda.view('Daftar');
  await expect(page.getByTestId('agenda-calendar')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'agenda-list.png') });

  // ICS export: a file another parser reads, with the zone and the three items.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor ICS' }).click()]);
  const file = path.join(warta.dataDir, download.suggestedFilename());
  await download.saveAs(file);
  const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
  expect(cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toContain('Asia/Jakarta');
  expect(cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary')).sort()).toEqual(['Kunjungan Kerja ke Kabupaten Tetangga', 'Rapat Evaluasi Kinerja', 'Rapat Koordinasi Hari Jadi Kota']);
});
