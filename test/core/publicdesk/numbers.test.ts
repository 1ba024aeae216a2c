/**
 * `publicdesk.numbers` on a real core and SQLite file: a year's items by month, category, channel
 * and OPD — received, closed, median and 90th-percentile working days to close (weekends skipped),
 * late items (finished after the deadline or open past it), merged duplicates counted once — and
 * the same numbers as XLSX read back with exceljs; bad input refused.
 */
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
let now = 0;
/** 09:00 WIB on a day. */
const at = (day: string) => Date.parse(`${day}T02:00:00Z`);
let opdA = '';
let opdB = '';

beforeEach(async () => {
  now = at('2026-11-02');
  fx = openTestCore({ clock: () => now });
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  opdA = (await fx.core.invoke('opd.save', { name: 'Dinas Pekerjaan Umum', abbreviation: 'DPU' })).id;
  opdB = (await fx.core.invoke('opd.save', { name: 'Dinas Lingkungan Hidup', abbreviation: 'DLH' })).id;
});
afterEach(() => fx.cleanup());

const item = (over: Record<string, unknown>) =>
  fx.core.invoke('publicdesk.receive', { id: crypto.randomUUID(), kind: 'complaint', channel: 'instagram', personName: 'Warga', consent: true, body: 'Isi aduan', ...over });

async function seed() {
  now = at('2025-12-30');
  await item({ category: 'Sosial' }); // another year
  now = at('2026-11-02');
  await item({ kind: 'info_request', channel: 'letter', personAddress: 'Jl. Melati 4', body: 'Salinan DPA' }); // open, due 16 Nov: late
  now = at('2026-12-01');
  const a = await item({ category: 'Infrastruktur' });
  const b = await item({ channel: 'whatsapp', category: 'Kesehatan' });
  const dup = await item({ category: 'Infrastruktur', postUrl: 'https://www.instagram.com/p/dup/' });
  await fx.core.invoke('publicdesk.merge', { id: dup.id, intoId: a.id });
  const f = await item({ channel: 'facebook', category: 'Infrastruktur' });
  await fx.core.invoke('publicdesk.verify', { id: f.id });
  await fx.core.invoke('publicdesk.dispose', { id: f.id, opdIds: [opdA, opdB], summary: 'Jalan rusak' }); // parts due 4 Dec, open: late
  now = at('2026-12-03');
  await fx.core.invoke('publicdesk.close', { id: a.id, outcome: 'resolved' }); // 2 working days, in time (due 8 Dec)
  now = at('2026-12-15');
  await fx.core.invoke('publicdesk.close', { id: b.id, outcome: 'resolved' }); // 10 working days, late
  now = at('2026-12-18');
}

it('counts a year by month, category, channel and OPD, in working days', async () => {
  await seed();
  const n = await fx.core.invoke('publicdesk.numbers', { year: 2026 });
  expect(n.asOf).toBe('2026-12-18');
  expect(n.total).toMatchObject({ received: 4, closed: 2, medianDays: 6, p90Days: 10, late: 3 });
  expect(n.months).toHaveLength(12);
  expect(n.months[10]).toMatchObject({ key: '11', label: 'November', received: 1, closed: 0, medianDays: null, late: 1 });
  expect(n.months[11]).toMatchObject({ key: '12', label: 'Desember', received: 3, closed: 2, medianDays: 6, p90Days: 10, late: 2 });
  expect(n.months[0]).toMatchObject({ received: 0, closed: 0, late: 0 });
  expect(n.byCategory.map((r) => [r.label, r.received, r.closed, r.medianDays, r.late])).toEqual([
    ['Infrastruktur', 2, 1, 2, 1],
    ['Kesehatan', 1, 1, 10, 1],
    ['Tanpa kategori', 1, 0, null, 1],
  ]);
  expect(n.byChannel.map((r) => [r.label, r.received]).sort()).toEqual([['Facebook', 1], ['Instagram', 1], ['Surat', 1], ['WhatsApp', 1]]);
  expect(n.byOpd.map((r) => [r.label, r.received, r.closed, r.late]).sort()).toEqual([['Dinas Lingkungan Hidup', 1, 0, 1], ['Dinas Pekerjaan Umum', 1, 0, 1]]);
  expect(n.holidaysMissing).toEqual([]);
  const last = await fx.core.invoke('publicdesk.numbers', { year: 2025 });
  expect(last.total).toMatchObject({ received: 1, closed: 0 });
  expect(last.byCategory[0]?.label).toBe('Sosial');
  // A year without holiday data is flagged, not silently counted.
  const far = await fx.core.invoke('publicdesk.numbers', { year: 2040 });
  expect(far.total.received).toBe(0);
  expect(far.holidaysMissing).toContain(2040);
});

it('exports the same numbers as XLSX, one sheet per view', async () => {
  await seed();
  const out = await fx.core.invoke('publicdesk.numbers.export', { year: 2026 });
  expect(out.fileName).toBe('angka-aduan-ppid-2026.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Per bulan', 'Per OPD', 'Per kategori', 'Per saluran']);
  const months = wb.getWorksheet('Per bulan')!;
  expect((months.getRow(2).values as unknown[]).slice(1)).toEqual(['Bulan diterima', 'Diterima', 'Selesai', 'Median hari kerja', 'Persentil ke-90 hari kerja', 'Terlambat']);
  expect((months.getRow(14).values as unknown[]).slice(1)).toEqual(['Desember', 3, 2, 6, 10, 2]);
  expect((months.getRow(15).values as unknown[]).slice(1)).toEqual(['Jumlah', 4, 2, 6, 10, 3]);
  expect((wb.getWorksheet('Per OPD')!.getRow(3).values as unknown[]).slice(1, 3)).toEqual([expect.stringMatching(/^Dinas /), 1]);
});

it('bad input is refused with a clear message; the core keeps serving', async () => {
  for (const input of [{ year: 1999 }, { year: '2026' }, { year: 2026.5 }, {}, { year: 2026, extra: 1 }]) {
    const r = await fx.core.call('publicdesk.numbers', input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_input');
  }
  expect((await fx.core.invoke('publicdesk.numbers', { year: 2026 })).total.received).toBe(0);
});

it('counts days in the office zone: closed at 01:30 WIT is the next day, not the UTC one', async () => {
  await fx.core.invoke('office.save', { ...SAMPLE_PROFILE, timeZone: 'WIT' });
  now = at('2026-12-01');
  const a = await item({ category: 'Sosial' });
  now = Date.parse('2026-12-02T16:30:00Z'); // Thursday 3 December 01:30 WIT; Wednesday 2 December in UTC
  await fx.core.invoke('publicdesk.close', { id: a.id, outcome: 'resolved' });
  now = at('2026-12-18');
  const n = await fx.core.invoke('publicdesk.numbers', { year: 2026 });
  expect(n.total).toMatchObject({ received: 1, closed: 1, medianDays: 2, p90Days: 2, late: 0 });
});
