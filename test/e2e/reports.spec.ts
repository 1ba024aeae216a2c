/**
 * Laporan end to end: a month of data set up through the contract, the report shown in Chromium
 * (sentences, tables, charts drawn by echarts in the window), the window's chart carrying the same
 * data points as the SVG the core draws for paper, a bad period refused next to the form, and the
 * PDF downloaded and read with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chartSvg } from '../../electron/core/features/reports/chart-svg';
import { dateKey } from '../../shared/agenda/zones';
import type { Report } from '../../shared/reports/model';
import { periodOf } from '../../shared/reports/period';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { SCREENSHOT_DIR } from './support/paths';

/** The numbers an SVG chart prints (its value labels and axis ticks), in document order. */
const labelsOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.trim()).filter((s) => /^[\d.]+$/.test(s));

test('Laporan: this month on screen with charts equal to paper, a bad period refused, the PDF read back', async ({ page, warta }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);

  const now = Date.now();
  const today = dateKey(now, 'WIB');
  const opd = await callCore<{ id: string }>(page, 'opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' });
  for (const [title, minutesAfter] of [['Posyandu Serentak', 40], ['Vaksinasi Sekolah', 150]] as const) {
    const r = await callCore<{ id: string }>(page, 'releases.create', { title, opdId: opd.id, eventEndAt: new Date(now - minutesAfter * 60_000).toISOString() });
    await callCore(page, 'releases.update', { id: r.id, fields: { releaseDate: today, tags: ['kesehatan'] } });
    for (const to of ['in_review', 'approved', 'published']) await callCore(page, 'releases.transition', { id: r.id, to });
  }

  await new AppFrame(page).open('Laporan');
  await page.getByLabel('Bulan', { exact: true }).last().fill(today.slice(0, 7));
  await page.getByRole('button', { name: 'Tampilkan laporan' }).click();
  const report = page.getByTestId('report');
  await expect(report).toContainText(`Laporan Kinerja Kehumasan`);
  await expect(page.getByTestId('table-releases_opd')).toContainText('Dinas Kesehatan');
  await expect(page.getByTestId('table-releases_opd').locator('tbody td.num')).toHaveText(['2']);
  await expect(report).toContainText('Dari 2 rilis yang ditulis dari kegiatan, 1 (50%) terbit dalam 60 menit setelah kegiatan selesai.');

  // One chart definition: the window's SVG and the core's paper SVG print the same numbers.
  const screenSvg = await page.getByTestId('chart-releases_ttr').locator('svg').evaluate((el) => el.outerHTML);
  const computed = await callCore<Report>(page, 'reports.compute', periodOf('month', `${today.slice(0, 7)}-01`));
  const chart = computed.sections[0]!.charts.find((c) => c.id === 'releases_ttr')!;
  expect(labelsOf(screenSvg)).toEqual(labelsOf(chartSvg(chart).svg));
  expect(labelsOf(screenSvg)).toEqual(expect.arrayContaining(['0', '1']));

  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTop && (el.scrollTop = 0)));
  await page.setViewportSize({ width: 1400, height: 1800 });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-laporan.png') });
  await page.setViewportSize({ width: 1400, height: 1000 });

  // The PDF of what is on screen, downloaded as a person would, read with pdftotext.
  await page.getByLabel('Nama penanda tangan').fill('Dra. Rina Kusumawati');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh PDF' }).click()]);
  const pdf = path.join(warta.dataDir, download.suggestedFilename());
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('LAPORAN KINERJA KEHUMASAN');
  expect(text).toContain('Dinas Kesehatan');
  expect(text).toContain('Dra. Rina Kusumawati');

  // A period that ends before it starts: a clear message by the form, the page keeps working.
  await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption('custom');
  await page.getByLabel('Dari tanggal').fill('2026-03-31');
  await page.getByLabel('Sampai tanggal').fill('2026-03-01');
  await page.getByRole('button', { name: 'Tampilkan laporan' }).click();
  await expect(page.getByRole('form', { name: 'Periode' })).toContainText('Periode berakhir sebelum dimulai');
  const period = periodOf('year', `${today.slice(0, 4)}-01-01`);
  await page.getByLabel('Dari tanggal').fill(period.from);
  await page.getByLabel('Sampai tanggal').fill(period.to);
  await page.getByRole('button', { name: 'Tampilkan laporan' }).click();
  await expect(page.getByTestId('table-releases_opd').locator('tbody td.num')).toHaveText(['2']);

  // A year: compared with the year before, on screen and in the chart the paper draws.
  await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption('year');
  await page.getByLabel('Tahun', { exact: true }).fill(today.slice(0, 4));
  await page.getByRole('button', { name: 'Tampilkan laporan' }).click();
  const year = Number(today.slice(0, 4));
  const comparison = page.getByTestId('table-comparison_year');
  await expect(comparison.locator('tbody tr').first()).toHaveText(new RegExp(`Rilis terbit\\s*0\\s*2\\s*baru`));
  await expect(page.getByTestId('report-comparison')).toContainText(`Perbandingan dengan tahun ${year - 1}`);
  const yearReport = await callCore<Report>(page, 'reports.compute', periodOf('year', `${year}-01-01`));
  const cmpChart = yearReport.sections.at(-1)!.charts[0]!;
  const cmpSvg = await page.getByTestId('chart-comparison_year').locator('svg').evaluate((el) => el.outerHTML);
  expect(labelsOf(cmpSvg)).toEqual(labelsOf(chartSvg(cmpChart).svg));
  await page.getByTestId('report-comparison').scrollIntoViewIfNeeded();
  await page.getByTestId('report-comparison').screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-laporan-perbandingan-tahun.png') });
});
