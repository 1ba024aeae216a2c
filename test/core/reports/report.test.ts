import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/create-core';
import { chartSvg } from '../../../electron/core/features/reports/chart-svg';
import type { Report } from '../../../shared/reports/model';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { fakeClock } from '../../support/fake-clock';
import { actAs, PROFILE, writeBody } from '../releases/helpers';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

const H = 3_600_000;
/** 00.00 WIB of a March 2026 day. */
const march = (day: number, h = 0, m = 0) => Date.UTC(2026, 2, day, h - 7, m);
const MARCH = { kind: 'month' as const, from: '2026-03-01', to: '2026-03-31' };

const table = (r: Report, id: string) => r.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;

/**
 * March 2026 at a small office, hand-counted: three releases published (one 40 min after its event,
 * one 150 min after, one without an event), one published in February and one draft that do not
 * count; three proofs of publication in March (one from an outlet deleted since) and one in
 * February; one contract (3 news items, 2 delivered); the mayor's three events (one represented)
 * and a press conference in the press room. The Dinas Kesehatan OPD is deleted after the fact.
 */
async function march2026(): Promise<{ c: Core }> {
  const clock = fakeClock(march(1, 8));
  fx = openTestCore({ clock: clock.now });
  const c = fx.core;
  await c.invoke('office.save', PROFILE);
  const dinkes = await c.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' } as never);
  const disdik = await c.invoke('opd.save', { name: 'Dinas Pendidikan', abbreviation: 'Disdik' } as never);
  actAs(c, ['editor'], 'Redaktur');
  const publish = async (title: string, date: number, fields: Record<string, unknown>, eventEndMs: number | null) => {
    clock.set(date);
    const r = await c.invoke('releases.create', { title, eventEndAt: eventEndMs === null ? null : new Date(eventEndMs).toISOString() });
    await c.invoke('releases.update', { id: r.id, fields: fields as never });
    await writeBody(c, r.id, `Isi ${title}.`);
    await c.invoke('releases.transition', { id: r.id, to: 'in_review' });
    await c.invoke('releases.transition', { id: r.id, to: 'approved' });
    await c.invoke('releases.transition', { id: r.id, to: 'published' });
  };
  await publish('Februari', Date.UTC(2026, 1, 20, 3), { releaseDate: '2026-02-20', tags: ['kesehatan'] }, null);
  await publish('Posyandu', march(10, 9, 40), { releaseDate: '2026-03-10', opdId: dinkes.id, tags: ['kesehatan'] }, march(10, 9));
  await publish('Sekolah', march(12, 12, 30), { releaseDate: '2026-03-12', opdId: disdik.id, tags: ['pendidikan', 'kesehatan'] }, march(12, 10));
  await publish('Tanpa kegiatan', march(20, 15), { releaseDate: '2026-03-20' }, null);
  clock.set(march(25, 9));
  await c.invoke('releases.create', { title: 'Draf Maret' });

  const harian = await c.invoke('media.outlets.save', { name: 'Harian Sukamaju', kind: 'print' } as never);
  const portal = await c.invoke('media.outlets.save', { name: 'Portal Sukamaju', kind: 'online' } as never);
  await c.invoke('media.contracts.save', { outletId: harian.id, number: 'KS-01', periodStart: '2026-03-01', periodEnd: '2026-03-31', value: 9_000_000, quotas: [{ product: 'news', quota: 3 }] } as never);
  const pub = (outletId: string, publishedOn: string, tone: string | null) => c.invoke('media.publications.save', { outletId, product: 'news', publishedOn, tone, url: `https://contoh.example/${publishedOn}` } as never);
  await pub(harian.id, '2026-02-27', 'negative');
  await pub(harian.id, '2026-03-10', 'positive');
  await pub(harian.id, '2026-03-12', 'neutral');
  await pub(portal.id, '2026-03-12', null);
  // A tone outside the three is refused by the contract, and by the shared rule under it.
  expect(await c.call('media.publications.save', { outletId: harian.id, product: 'news', publishedOn: '2026-03-13', tone: 'sangat positif' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Nada pemberitaan') } });
  const anyPub = c.context.db.prepare('SELECT id FROM media_publication LIMIT 1').get() as { id: string };
  expect(() => c.context.mutator.update('media_publication', anyPub.id, { tone: 'bagus' })).toThrow(/tone/);

  const mayor = await c.invoke('agenda.officials.save', { name: 'Ir. Hendra Wijaya', position: 'Wali Kota', precedenceRank: 10, isLeader: true });
  const ev = (title: string, start: number, more: Record<string, unknown> = {}) => c.invoke('agenda.events.save', { title, startMs: start, endMs: start + H, leaderIds: [mayor.id], ...more } as never);
  await ev('Posyandu', march(10, 8));
  await ev('Sekolah', march(12, 8));
  await ev('Musrenbang', march(18, 8), { status: 'represented', representedBy: 'Sekda' });
  await ev('Jumpa pers', march(19, 10), { kind: 'press_conference', usesPressRoom: true, leaderIds: [] });
  await ev('April', Date.UTC(2026, 3, 2, 1));

  clock.set(Date.UTC(2026, 3, 1, 2));
  actAs(c, ['administrator'], 'Admin');
  await c.invoke('opd.delete', { id: dinkes.id });
  await c.invoke('media.outlets.delete', { id: portal.id });
  actAs(c, ['editor'], 'Redaktur');
  return { c };
}

describe('reports: the period report computed once, shown and exported', () => {
  it('computes every figure of March 2026 as counted by hand, deleted OPD and outlet still counted and marked', async () => {
    const { c } = await march2026();
    const r = await c.invoke('reports.compute', MARCH);
    expect(r.title).toBe('Laporan Kinerja Kehumasan Maret 2026');
    expect(r.empty).toBe(false);
    expect(r.sections.map((s) => s.id)).toEqual(['releases', 'coverage', 'partnerships', 'distribution', 'agenda', 'requests', 'publicdesk', 'campaigns']);
    expect(table(r, 'releases_month').rows).toEqual([['Maret 2026', 3]]);
    expect(table(r, 'releases_opd').rows).toEqual([['Dinas Kesehatan (dihapus)', 1], ['Dinas Pendidikan', 1], ['Tanpa OPD', 1]]);
    expect(table(r, 'releases_opd').note).toContain('tetap dihitung');
    expect(table(r, 'releases_topic').rows).toEqual([['kesehatan', 2], ['pendidikan', 1], ['Tanpa topik', 1]]);
    expect(table(r, 'releases_ttr').rows).toEqual([
      ['0–30 menit', 0, '0%'],
      ['31–60 menit', 1, '50%'],
      ['61–120 menit', 0, '0%'],
      ['121–240 menit', 1, '50%'],
      ['> 240 menit', 0, '0%'],
    ]);
    expect(r.sections[0]!.summary).toContain('Dari 2 rilis yang ditulis dari kegiatan, 1 (50%) terbit dalam 60 menit setelah kegiatan selesai.');
    expect(table(r, 'coverage_outlet').rows).toEqual([['Harian Sukamaju', 2], ['Portal Sukamaju (dihapus)', 1]]);
    expect(table(r, 'coverage_kind').rows).toEqual([['Cetak', 2, '66,7%'], ['Siber', 1, '33,3%']]);
    expect(table(r, 'coverage_tone').rows).toEqual([['Positif', 1, '33,3%'], ['Netral', 1, '33,3%'], ['Negatif', 0, '0%'], ['Belum dinilai', 1, '33,3%']]);
    expect(r.sections[1]!.summary).toContain('Dari 2 bukti tayang yang dinilai nadanya, 1 positif, 1 netral, dan 0 negatif.');
    expect(table(r, 'partnerships_quota').rows).toEqual([['Harian Sukamaju', 'KS-01', 'Berita', 3, 2, 2, 1]]);
    expect(table(r, 'agenda_leaders').rows).toEqual([['Ir. Hendra Wijaya', 3, 2, 1]]);
    expect(table(r, 'agenda_pressroom').rows).toEqual([['Pemesanan ruang pers dan jumpa pers', 1], ['Kunjungan buku tamu', 0]]);
    // Each chart draws the numbers of its table.
    const month = r.sections[0]!.charts.find((ch) => ch.id === 'releases_month')!;
    expect(month.series[0]!.values).toEqual([3]);
    const svg = chartSvg(month).svg;
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('>Mar 2026<');
  });

  it('compares a year with the year before, figures from the same tables, hand-counted; other periods carry no comparison', async () => {
    const { c } = await march2026();
    // Three agencies' requests on 1 April 2026 (the fixture's clock): two from Kecamatan Utara, one declined.
    actAs(c, ['administrator'], 'Admin');
    const utara = await c.invoke('opd.save', { name: 'Kecamatan Utara' } as never);
    actAs(c, ['editor'], 'Redaktur');
    const disdik = c.context.db.prepare("SELECT id FROM opd WHERE name = 'Dinas Pendidikan'").pluck().get() as string;
    const ask = (opdId: string, title: string) =>
      c.invoke('requests.submit', { id: crypto.randomUUID(), opdId, kind: 'publicity', channel: 'letter', title, description: 'Mohon diliput.', place: 'Aula', startMs: Date.UTC(2026, 3, 10, 2), endMs: Date.UTC(2026, 3, 10, 4), attendees: '', contactName: 'Ratna', contactPhone: '0812 3456 7890' } as never);
    const declined = await ask(utara.id, 'Lomba kebersihan kampung');
    await ask(utara.id, 'Festival kuliner');
    await ask(disdik, 'Wisuda sekolah');
    await c.invoke('requests.answer', { id: declined.id, action: 'decline', note: 'Bentrok dengan agenda pimpinan.' });
    const y2026 = await c.invoke('reports.compute', { kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(table(y2026, 'requests_opd').rows).toEqual([
      ['Kecamatan Utara', 2, 0, 1, 1, 0],
      ['Dinas Pendidikan', 1, 0, 0, 1, 0],
    ]);
    expect(y2026.sections.find((x) => x.id === 'requests')!.summary[0]).toBe('Humas menerima 3 permohonan dari 2 OPD; 0 diterima (0%), 1 ditolak, 2 masih terbuka, dan 0 ditarik.');
    // March holds none of them: the section says so.
    expect((await c.invoke('reports.compute', MARCH)).sections.find((x) => x.id === 'requests')!.summary).toEqual(['Tidak ada permohonan OPD pada periode ini.']);
    const cmp = y2026.sections.at(-1)!;
    expect(cmp.id).toBe('comparison');
    expect(cmp.title).toBe('Perbandingan dengan tahun 2025');
    // 2026: four releases (February and three in March), one of the two from an event within 60 min,
    // four proofs of publication, no distribution, the mayor's events: three attended, one represented.
    expect(table(y2026, 'comparison_year').rows).toEqual([
      ['Rilis terbit', 0, 4, 'baru'],
      ['Rilis dalam target waktu', 0, 1, 'baru'],
      ['Bukti tayang', 0, 4, 'baru'],
      ['Penerima rilis', 0, 0, '0%'],
      ['Kegiatan pimpinan dihadiri', 0, 3, 'baru'],
      ['Kegiatan pimpinan diwakilkan', 0, 1, 'baru'],
      ['Pemesanan ruang pers', 0, 1, 'baru'],
      ['Kunjungan buku tamu', 0, 0, '0%'],
      ['Permohonan OPD', 0, 3, 'baru'],
      ['Aduan diterima', 0, 0, '0%'],
      ['Unggahan media sosial', 0, 0, '0%'],
    ]);
    expect(cmp.summary[0]).toBe('Rilis terbit: 4 pada 2026, sedangkan pada 2025 belum ada.');
    expect(cmp.charts[0]).toMatchObject({ tableId: 'comparison_year', series: [{ name: '2025', values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }, { name: '2026', values: [4, 1, 4, 0, 3, 1, 1, 0, 3, 0, 0] }] });
    // The chart on screen and in the export is the same definition: its SVG carries the years.
    expect(chartSvg(cmp.charts[0]!).svg).toContain('2025');
    // 2027 against 2026: every 2026 figure gone, "turun 100%"; a 2027 with no data is still empty.
    const y2027 = await c.invoke('reports.compute', { kind: 'year', from: '2027-01-01', to: '2027-12-31' });
    expect(y2027.empty).toBe(true);
    expect(table(y2027, 'comparison_year').rows[0]).toEqual(['Rilis terbit', 4, 0, '−100%']);
    expect(y2027.sections.at(-1)!.summary[0]).toBe('Rilis terbit turun 100%, dari 4 menjadi 0.');
    expect((await c.invoke('reports.compute', MARCH)).sections.map((s) => s.id)).not.toContain('comparison');
    // In the XLSX the comparison is its own sheet with native numbers.
    const out = await c.invoke('reports.export', { period: { kind: 'year', from: '2026-01-01', to: '2026-12-31' }, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as never);
    const sheet = wb.worksheets.find((w) => w.name.startsWith('Perbandingan 2026'))!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'Rilis terbit', 0, 4, 'baru']);
    const pdf = await c.invoke('reports.export', { period: { kind: 'year', from: '2026-01-01', to: '2026-12-31' }, format: 'pdf' });
    const text = pdfText(pdf.base64, pdf.fileName);
    expect(text.indexOf('I. Perbandingan dengan tahun 2025')).toBeGreaterThan(text.indexOf('H. Media Sosial dan Kampanye'));
    expect(text.indexOf('H. Media Sosial dan Kampanye')).toBeGreaterThan(text.indexOf('G. Aduan dan Permohonan Informasi Publik'));
    expect(text.indexOf('G. Aduan dan Permohonan Informasi Publik')).toBeGreaterThan(text.indexOf('F. Permohonan OPD'));
    expect(text.indexOf('F. Permohonan OPD')).toBeGreaterThan(text.indexOf('E. Agenda pimpinan'));
    expect(text).toContain('Kecamatan Utara');
    expect(text).toContain('Perbandingan 2026 dengan 2025');
  });

  it('says so for a period with no data, and refuses a period that ends before it starts or spans more than ten years', async () => {
    const { c } = await march2026();
    const none = await c.invoke('reports.compute', { kind: 'year', from: '2020-01-01', to: '2020-12-31' });
    expect(none.empty).toBe(true);
    expect(none.sections.every((s) => s.charts.length === 0)).toBe(true);
    expect(none.sections[0]!.summary).toEqual(['Tidak ada rilis yang terbit pada periode ini.']);
    const pdf = await c.invoke('reports.export', { period: { kind: 'year', from: '2020-01-01', to: '2020-12-31' }, format: 'pdf' });
    const text = pdfText(pdf.base64, 'empty.pdf');
    expect(text).toContain('Tidak ada data pada periode ini');
    expect(await c.call('reports.compute', { from: '2026-03-31', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('berakhir sebelum dimulai') } });
    expect(await c.call('reports.compute', { from: '2010-01-01', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('10 tahun') } });
    expect(await c.call('reports.compute', { from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    actAs(c, ['journalist'], 'Wartawan');
    expect(await c.call('reports.compute', MARCH)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers a workspace with no rows at all (no office profile yet): an empty report, every export still made', async () => {
    fx = openTestCore({ clock: fakeClock(march(31, 9)).now });
    const r = await fx.core.invoke('reports.compute', MARCH);
    expect(r.empty).toBe(true);
    expect(r.sections.flatMap((x) => x.charts)).toEqual([]);
    for (const format of ['pdf', 'docx', 'xlsx'] as const) expect((await fx.core.invoke('reports.export', { period: MARCH, format })).base64.length).toBeGreaterThan(1000);
    expect(pdfText((await fx.core.invoke('reports.export', { period: MARCH, format: 'pdf' })).base64, 'kosong.pdf')).toContain('Tidak ada data pada periode ini');
  });

  it('exports the PDF on the letterhead: title, period, snapshot, every section and table in order, the chart labels as text, a signature block', async () => {
    const { c } = await march2026();
    const out = await c.invoke('reports.export', { period: MARCH, format: 'pdf', signer: 'Dra. Rina Kusumawati' });
    expect(out.fileName).toBe('laporan-kinerja-2026-03-01-2026-03-31.pdf');
    const text = pdfText(out.base64, out.fileName);
    expect(text).toContain('PEMERINTAH KOTA SUKAMAJU');
    expect(text).toContain('LAPORAN KINERJA KEHUMASAN MARET 2026');
    expect(text).toContain('Periode Maret 2026');
    expect(text).toMatch(/posisi data #\d+/);
    const order = ['A. Siaran pers', 'Rilis terbit per bulan', 'Rilis terbit per OPD', 'Rilis terbit per topik', 'Waktu terbit sejak kegiatan selesai', 'B. Peliputan media', 'Bukti tayang per media', 'Bukti tayang per jenis media', 'Nada pemberitaan', 'C. Kerja sama media', 'Pemakaian kuota kontrak', 'D. Distribusi rilis', 'E. Agenda pimpinan', 'Kegiatan per pimpinan', 'Dra. Rina Kusumawati'];
    let at = -1;
    for (const s of order) {
      const i = text.indexOf(s, at + 1);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
    // The chart is vectors with real text: its axis label is found by pdftotext.
    expect(text).toContain('Mar 2026');
    expect(text).toMatch(/Halaman 1 dari \d/);
  });

  it('exports XLSX with one sheet per table and native numbers, and a DOCX that LibreOffice opens', async () => {
    const { c } = await march2026();
    const out = await c.invoke('reports.export', { period: MARCH, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toContain('Rilis terbit per OPD');
    const ttr = wb.worksheets.find((w) => w.name.startsWith('Waktu terbit'))!;
    expect(ttr.getRow(3).values).toEqual([undefined, '31–60 menit', 1, 0.5]);
    const file = path.join(fx.dir, out.fileName);
    fs.writeFileSync(file, Buffer.from(out.base64, 'base64'));
    const docx = await c.invoke('reports.export', { period: MARCH, format: 'docx' });
    const docxFile = path.join(fx.dir, docx.fileName);
    fs.writeFileSync(docxFile, Buffer.from(docx.base64, 'base64'));
    const profile = path.join(fx.dir, 'lo-profile');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(fx.dir, 'lo'), docxFile], { stdio: 'ignore', timeout: 120_000 });
    const text = execFileSync('pdftotext', ['-layout', path.join(fx.dir, 'lo', docx.fileName.replace(/\.docx$/, '.pdf')), '-'], { encoding: 'utf8' });
    expect(text).toContain('LAPORAN KINERJA KEHUMASAN MARET 2026');
    expect(text.indexOf('Rilis terbit per OPD')).toBeLessThan(text.indexOf('Pemakaian kuota kontrak'));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv', '--outdir', path.join(fx.dir, 'lo'), file], { stdio: 'ignore', timeout: 120_000 });
    expect(fs.readFileSync(path.join(fx.dir, 'lo', out.fileName.replace(/\.xlsx$/, '.csv')), 'utf8')).toContain('Laporan Kinerja Kehumasan Maret 2026');
  }, 240_000);
});

function pdfText(base64: string, name: string): string {
  const file = path.join(fx.dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
