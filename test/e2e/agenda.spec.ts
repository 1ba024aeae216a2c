import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { addDaysToKey, dateKey } from '../../shared/agenda/zones';
import { AgendaPage } from './pages/agenda-page';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { REPO_ROOT, SCREENSHOT_DIR } from './support/paths';

const shots = path.join(REPO_ROOT, '.tmp', 'e2e', 'screenshots');

test('Agenda: recurring event, move one occurrence with undo, conflict warning, day sheet PDF', async ({ page, warta }) => {
  fs.mkdirSync(shots, { recursive: true });
  // What the window asks the core for the month grid (browser mode: over the host's WebSocket).
  const rangeAsks: string[] = [];
  page.on('websocket', (ws) => ws.on('framesent', ({ payload }) => void (typeof payload === 'string' && payload.includes('"agenda.range"') && rangeAsks.push(payload))));
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);

  // Settings › Agenda: a leader and a reporter.
  await frame.open('Pengaturan');
  const officials = page.getByTestId('officials-table');
  await officials.getByLabel('Urutan').fill('10');
  await officials.getByLabel('Jabatan').fill('Wali Kota');
  await officials.getByLabel('Nama').fill('Ir. Bagas Wicaksono');
  await officials.getByRole('button', { name: 'Tambah' }).click();
  // The saved row (its name is the row header) and the emptied add row: the add row briefly
  // still holds the typed name while the list reloads, so it must not be what we look for.
  await expect(officials.getByRole('rowheader', { name: 'Ir. Bagas Wicaksono' })).toBeVisible();
  await expect(officials.getByLabel('Nama')).toHaveValue('');
  const staff = page.getByTestId('staff-table');
  await staff.getByLabel('Nama').fill('Rina Lestari');
  await staff.getByRole('button', { name: 'Tambah' }).click();
  await expect(staff.getByRole('rowheader', { name: 'Rina Lestari' })).toBeVisible();
  await expect(staff.getByLabel('Nama')).toHaveValue('');
  await expect(page.getByTestId('holidays-table')).toContainText('Hari Raya Natal');

  await frame.open('Agenda');
  const agenda = new AgendaPage(page);
  // The page asks for the month as it opens, before FullCalendar reports its dates, and the
  // calendar's own request for the same six weeks reuses that answer: one question, not two.
  // (The week view's request afterwards marks the end: the socket keeps the order of what is sent.)
  await expect(page.getByRole('heading', { name: /\d{4}$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Minggu', exact: true }).click();
  await expect.poll(() => rangeAsks.length).toBeGreaterThanOrEqual(2);
  expect(rangeAsks.map((a) => a.includes('"perDay"'))).toEqual([true, false]);
  await page.getByRole('button', { name: 'Bulan', exact: true }).click();
  const today = dateKey(Date.now(), 'WIB');
  const nextWeek = addDaysToKey(today, 7);

  // A weekly series from today.
  await agenda.newEvent({ title: 'Rapat Koordinasi Mingguan', date: today, start: '09:00', end: '10:00', leader: 'Wali Kota – Ir. Bagas Wicaksono', repeat: 'Setiap minggu pada hari yang sama', place: 'Ruang Rapat Wali Kota', dress: 'PDH' });
  // The app's own date and time fields: Indonesian forms, not the browser's; bad text is named next to the field and refused.
  const [y, m, d] = today.split('-');
  await agenda.field('Tanggal').fill('besok');
  await expect(agenda.dialog.getByRole('alert').filter({ hasText: 'Tanggal tidak dikenali' })).toBeVisible();
  await agenda.field('Tanggal').fill(`${Number(d)}-${Number(m)}-${y!.slice(2)}`);
  await agenda.field('Tanggal').press('Tab');
  await expect(agenda.field('Tanggal')).toHaveValue(`${d}/${m}/${y}`);
  await expect(agenda.dialog.getByText('Tanggal tidak dikenali')).toHaveCount(0);
  await expect(agenda.field('Mulai')).toHaveValue('09.00');
  await agenda.field('Selesai').press('ArrowUp');
  await expect(agenda.field('Selesai')).toHaveValue('10.15');
  await agenda.field('Selesai').press('ArrowDown');
  await expect(agenda.field('Selesai')).toHaveValue('10.00');
  await page.screenshot({ path: path.join(shots, 'agenda-form.png') });
  await agenda.save();
  await expect(agenda.event('Rapat Koordinasi Mingguan').first()).toBeVisible();
  expect(await agenda.event('Rapat Koordinasi Mingguan').count()).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: path.join(shots, 'agenda-month.png') });

  // Next week's occurrence moves one day later, by keyboard; undo puts it back, then move again.
  await agenda.view('Minggu');
  await page.getByRole('button', { name: 'Berikutnya' }).click();
  const occurrence = agenda.event('Rapat Koordinasi Mingguan');
  await expect(occurrence).toHaveCount(1);
  await occurrence.focus();
  await page.keyboard.press('Enter');
  await expect(agenda.detail).toContainText('Setiap minggu');
  await agenda.detail.getByRole('button', { name: 'Ke hari berikutnya' }).click();
  const undo = page.getByTestId('agenda-undo');
  await expect(undo).toContainText('dipindahkan');
  await undo.getByRole('button', { name: 'Urungkan' }).click();
  await expect(undo).toHaveCount(0);
  await occurrence.click();
  await agenda.detail.getByRole('button', { name: 'Ke hari berikutnya' }).click();
  await expect(undo).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'agenda-week.png') });

  // A second event for the same leader at the moved occurrence's time: the conflict shows while typing.
  await agenda.newEvent({ title: 'Peresmian Pasar Gede', date: addDaysToKey(nextWeek, 1), start: '09:30', end: '11:00', leader: 'Wali Kota – Ir. Bagas Wicaksono', place: 'Pasar Gede' });
  const warning = agenda.dialog.getByTestId('agenda-conflicts');
  await expect(warning).toContainText('Wali Kota Ir. Bagas Wicaksono sudah dijadwalkan di "Rapat Koordinasi Mingguan"');
  await page.screenshot({ path: path.join(shots, 'agenda-conflict.png') });
  // On the original day (now free) there is no conflict.
  await agenda.field('Tanggal').fill(nextWeek);
  await expect(warning).toHaveCount(0);
  await agenda.field('Tanggal').fill(addDaysToKey(nextWeek, 1));
  await expect(warning).toBeVisible();
  await agenda.save();
  await expect(page.getByTestId('agenda-conflicts')).toContainText('Tersimpan, tetapi ada jadwal bentrok');

  // Day view of today, one click to the PDF day sheet.
  await page.getByRole('button', { name: 'Hari ini' }).click();
  await agenda.view('Hari');
  await expect(page.getByRole('heading', { name: new RegExp(`Lembar agenda · ${today}`) })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'agenda-day.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cetak PDF' }).click()]);
  const pdf = path.join(warta.dataDir, download.suggestedFilename());
  await download.saveAs(pdf);
  expect(download.suggestedFilename()).toBe(`agenda-harian-${today}.pdf`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('PEMERINTAH KOTA SURAKARTA');
  // The sheet for all leaders says who attends each item.
  expect(text).toMatch(/1\s+09\.00 – 10\.00 WIB\s+Rapat Koordinasi Mingguan\s+Wali Kota \(Ir\. Bagas\s+Ruang Rapat Wali Kota\s+PDH/);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-singlefile', pdf, path.join(shots, 'agenda-day-sheet')]);
  await page.getByRole('button', { name: 'Teks WhatsApp' }).click();
  await expect(page.getByTestId('agenda-whatsapp')).toHaveValue(/\*AGENDA HARIAN PIMPINAN\*[\s\S]*Acara: Rapat Koordinasi Mingguan/);

  // The week with the double booking, one item open, for the README picture.
  await page.getByTestId('agenda-undo').getByRole('button', { name: 'Tutup pemberitahuan' }).click();
  await page.getByRole('button', { name: 'Tutup pemberitahuan' }).click();
  await agenda.view('Minggu');
  // The booking is 8 days from today: one or two weeks ahead, depending on today's weekday.
  for (let i = 0; i < 2 && (await agenda.event('Peresmian Pasar Gede').count()) === 0; i++) {
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await page.waitForTimeout(300);
  }
  await agenda.event('Peresmian Pasar Gede').click();
  await expect(agenda.detail).toContainText('Pasar Gede');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-agenda.png') });
  await agenda.view('Bulan');
  await page.screenshot({ path: path.join(shots, 'agenda-month.png') });

  // National holidays and collective leave from the yearly table are shaded and named (December 2026).
  await agenda.detail.getByRole('button', { name: 'Tutup' }).click();
  for (let i = 0; i < 14 && !/Desember 2026/.test((await page.locator('.agenda-nav__title').textContent()) ?? ''); i++) {
    await page.getByRole('button', { name: /Sebelumnya|Berikutnya/ }).nth(/2027/.test((await page.locator('.agenda-nav__title').textContent()) ?? '') ? 0 : 1).click();
  }
  await expect(page.locator('.agenda-nav__title')).toHaveText('Desember 2026');
  const natal = agenda.calendar.getByText('Hari Raya Natal', { exact: true });
  const cuti = agenda.calendar.getByText('Cuti bersama Hari Raya Natal', { exact: true });
  await expect(natal).toBeVisible();
  await expect(cuti).toBeVisible();
  // Each on its own day: 24 December is collective leave, the 25th the holiday.
  const x24 = (await cuti.boundingBox())!.x;
  const x25 = (await natal.boundingBox())!.x;
  const cell25 = (await agenda.calendar.getByRole('cell', { name: /^25 Desember 2026/ }).boundingBox())!;
  expect(x25).toBeGreaterThanOrEqual(cell25.x - 1);
  expect(x25).toBeLessThan(cell25.x + cell25.width);
  expect(x24).toBeLessThan(cell25.x);
  await page.screenshot({ path: path.join(shots, 'agenda-holidays.png') });
});
