/**
 * The public desk's complaints and the social-media campaigns in the period report, on a real core
 * and SQLite file: figures hand-counted (the same the desk's and the campaigns' own numbers give),
 * a quarter reading the desk's whole months, a writer (who may not run the desk) getting no desk
 * section and no desk row in the year comparison, and the exports carrying both sections.
 */
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Report } from '../../../shared/reports/model';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';
import { actAs } from '../releases/helpers';

let fx: CoreFixture;
let now = 0;
/** 09:00 WIB on a day. */
const at = (day: string) => Date.parse(`${day}T02:00:00Z`);
const DECEMBER = { kind: 'month' as const, from: '2026-12-01', to: '2026-12-31' };
const YEAR = { kind: 'year' as const, from: '2026-01-01', to: '2026-12-31' };
const table = (r: Report, id: string) => r.sections.flatMap((s) => s.tables).find((t) => t.id === id);
const section = (r: Report, id: string) => r.sections.find((s) => s.id === id);

beforeEach(async () => {
  now = at('2026-11-02');
  fx = openTestCore({ clock: () => now });
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
});
afterEach(() => fx.cleanup());

const item = (over: Record<string, unknown>) =>
  fx.core.invoke('publicdesk.receive', { id: crypto.randomUUID(), kind: 'complaint', channel: 'instagram', personName: 'Warga', consent: true, body: 'Isi aduan', ...over });

/**
 * One complaint in November (open, late by mid-December); three in December: one closed in two
 * working days, one in ten (late), one open past its deadline (late). Two posts on @humas in December (X and Instagram) of
 * the Tuesday campaign, and one in November on X.
 */
async function seed() {
  await item({ category: 'Sosial' });
  now = at('2026-12-01');
  const a = await item({ category: 'Infrastruktur' });
  const b = await item({ channel: 'whatsapp', category: 'Kesehatan' });
  await item({ channel: 'facebook', category: 'Infrastruktur' });
  now = at('2026-12-03');
  await fx.core.invoke('publicdesk.close', { id: a.id, outcome: 'resolved' });
  now = at('2026-12-15');
  await fx.core.invoke('publicdesk.close', { id: b.id, outcome: 'resolved' });
  const selasa = await fx.core.invoke('campaigns.save', { name: 'Selasa Tanpa Rokok', recurrence: { kind: 'weekly', weekdays: [2] } });
  const post = async (platform: string, date: string) => {
    const p = await fx.core.invoke('campaigns.posts.save', { title: 'KTR', platform, account: '@humas', date, status: 'draft', campaignId: selasa.id } as never);
    await fx.core.invoke('campaigns.posts.step', { id: p.id, to: 'review' });
    await fx.core.invoke('campaigns.posts.step', { id: p.id, to: 'approved' });
    await fx.core.invoke('campaigns.posts.markPosted', { id: p.id, url: `https://x.com/humas/status/${date}`, postedAt: now });
  };
  await post('x', '2026-12-08');
  await post('instagram', '2026-12-08');
  await post('x', '2026-11-10');
  now = at('2026-12-18');
}

it('lays out the desk and the campaigns for December, hand-counted, the same as their own numbers', async () => {
  await seed();
  const r = await fx.core.invoke('reports.compute', DECEMBER);
  expect(r.sections.map((s) => s.id)).toEqual(['releases', 'coverage', 'partnerships', 'distribution', 'agenda', 'requests', 'publicdesk', 'campaigns']);
  expect(table(r, 'publicdesk_month')!.rows).toEqual([['Des 2026', 3, 2, 2, 6, 10]]);
  expect(table(r, 'publicdesk_month')!.note).toBeNull();
  expect(section(r, 'publicdesk')!.summary).toEqual(['Meja layanan menerima 3 aduan dan permohonan informasi; 2 telah selesai (66,7%) dan 2 melewati tenggat.']);
  const desk = await fx.core.invoke('publicdesk.numbers', { year: 2026 });
  expect(desk.months[11]).toMatchObject({ received: 3, closed: 2, late: 2, medianDays: 6, p90Days: 10 });
  expect(section(r, 'publicdesk')!.charts[0]).toMatchObject({ tableId: 'publicdesk_month', categories: ['Des 2026'], series: [{ values: [3] }, { values: [2] }] });
  // December 2026 has five Tuesdays; one of them had a post.
  expect(table(r, 'campaigns_accounts')!.rows).toEqual([['Instagram @humas', 1], ['X @humas', 1]]);
  expect(table(r, 'campaigns_themes')!.rows).toEqual([['Selasa Tanpa Rokok', 2, 5, 1]]);
  expect(section(r, 'campaigns')!.summary[0]).toBe('Humas mengunggah 2 konten di 2 akun media sosial; terbanyak di Instagram @humas (1).');
  // A quarter: the desk's October–December months, November's item included.
  const q4 = await fx.core.invoke('reports.compute', { kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
  expect(table(q4, 'publicdesk_month')!.rows.map((x) => [x[0], x[1]])).toEqual([['Nov 2026', 1], ['Des 2026', 3]]);
  expect(table(q4, 'campaigns_accounts')!.rows).toEqual([['X @humas', 2], ['Instagram @humas', 1]]);
  // A custom period inside December: the desk counts whole months, and says so.
  const part = await fx.core.invoke('reports.compute', { kind: 'custom', from: '2026-12-05', to: '2026-12-20' });
  expect(table(part, 'publicdesk_month')!.note).toContain('bulan penuh');
  // The year: breakdowns by category and channel, and both figures in the comparison.
  const y = await fx.core.invoke('reports.compute', YEAR);
  expect(table(y, 'publicdesk_category')!.rows.map((x) => [x[0], x[1]])).toEqual([['Infrastruktur', 2], ['Kesehatan', 1], ['Sosial', 1]]);
  expect(table(y, 'publicdesk_channel')!.rows.map((x) => x[1])).toEqual([2, 1, 1]);
  expect(table(y, 'comparison_year')!.rows.slice(-2)).toEqual([
    ['Aduan diterima', 0, 4, 'baru'],
    ['Unggahan media sosial', 0, 3, 'baru'],
  ]);
});

it('gives no desk section, nor desk row in the comparison, to a role that may not run the desk', async () => {
  await seed();
  actAs(fx.core, ['writer'], 'Penulis');
  const r = await fx.core.invoke('reports.compute', YEAR);
  expect(r.sections.map((s) => s.id)).not.toContain('publicdesk');
  expect(table(r, 'publicdesk_month')).toBeUndefined();
  expect(table(r, 'comparison_year')!.rows.map((x) => x[0])).not.toContain('Aduan diterima');
  expect(table(r, 'campaigns_accounts')!.rows).toEqual([['X @humas', 2], ['Instagram @humas', 1]]);
  const pdf = await fx.core.invoke('reports.export', { period: YEAR, format: 'pdf' });
  const text = pdfText(pdf.base64, 'penulis.pdf');
  expect(text).not.toContain('Aduan dan Permohonan Informasi Publik');
  expect(text).toContain('Media Sosial dan Kampanye');
});

it('carries both sections into the PDF in order, and says so when the period has none', async () => {
  await seed();
  const pdf = await fx.core.invoke('reports.export', { period: DECEMBER, format: 'pdf' });
  const text = pdfText(pdf.base64, 'desember.pdf');
  const g = text.indexOf('G. Aduan dan Permohonan Informasi Publik');
  expect(g).toBeGreaterThan(text.indexOf('F. Permohonan OPD'));
  expect(text.indexOf('H. Media Sosial dan Kampanye')).toBeGreaterThan(g);
  expect(text).toContain('Unggahan media sosial per akun');
  const empty = await fx.core.invoke('reports.compute', { kind: 'month', from: '2026-06-01', to: '2026-06-30' });
  expect(empty.empty).toBe(true);
  expect(section(empty, 'publicdesk')!.summary).toEqual(['Tidak ada aduan atau permohonan informasi yang diterima pada periode ini.']);
  expect(section(empty, 'campaigns')!.summary).toEqual(['Tidak ada unggahan media sosial yang tercatat terunggah pada periode ini.']);
  // A ten-year period reads the campaigns a year at a time (their own method takes at most a year).
  const decade = await fx.core.invoke('reports.compute', { kind: 'custom', from: '2017-01-01', to: '2026-12-31' });
  expect(table(decade, 'campaigns_accounts')!.rows).toEqual([['X @humas', 2], ['Instagram @humas', 1]]);
});

function pdfText(base64: string, name: string): string {
  const file = path.join(fx.dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
