import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { callerFor } from '../../../electron/core/caller';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';
import { fakeClock } from '../../support/fake-clock';

let fx: CoreFixture;
afterEach(() => fx?.cleanup());

async function seed(f: CoreFixture) {
  const c = f.core;
  const pos = await c.invoke('media.outlets.save', { name: 'Harian Sukamaju Pos', kind: 'print', pressCouncilStatus: 'factual', region: 'Kota Sukamaju', website: 'https://www.sukamajupos.example' });
  const lembah = await c.invoke('media.outlets.save', { name: 'Lembah Hijau Online', kind: 'online', pressCouncilStatus: 'administrative', region: 'Kabupaten Lembah', website: 'lembahhijau.example' });
  const radio = await c.invoke('media.outlets.save', { name: 'Radio Suara Sukamaju', kind: 'radio', pressCouncilStatus: 'none', region: 'Kota Sukamaju' });
  const tv = await c.invoke('media.outlets.save', { name: 'Sukamaju TV', kind: 'tv', pressCouncilStatus: 'factual', region: 'Kota Sukamaju' });
  const rina = await c.invoke('media.journalists.save', {
    name: 'Rina Wulandari', outletId: lembah.id, beat: 'Ekonomi', ukwLevel: 'muda', ukwValidUntil: '2026-12-10', dataSource: 'Formulir akreditasi liputan', consent: 'given',
    personal: { phone: '0812-0000-5001', whatsapp: '0812 0000 5001', email: 'Rina@Lembahhijau.example', ukwNumber: 'UKW-77', pressCardNo: 'KP-5' },
  });
  const budi = await c.invoke('media.journalists.save', { name: 'Budi Santosa', outletId: pos.id, beat: 'Pemerintahan', ukwLevel: 'madya', ukwValidUntil: '2028-01-01', dataSource: 'Kartu nama', consent: 'withdrawn' });
  return { pos, lembah, radio, tv, rina, budi };
}

describe('directory', () => {
  it('filters by type, Press Council status, region and running contract, and sorts', async () => {
    const clock = fakeClock(Date.UTC(2026, 10, 22, 3));
    fx = openTestCore({ clock: clock.now });
    const s = await seed(fx);
    const names = async (input: object) => (await fx.core.invoke('media.outlets.list', input)).map((o) => o.name);
    expect(await names({})).toEqual(['Harian Sukamaju Pos', 'Lembah Hijau Online', 'Radio Suara Sukamaju', 'Sukamaju TV']);
    expect(await names({ filter: { kinds: ['tv', 'radio'] } })).toEqual(['Radio Suara Sukamaju', 'Sukamaju TV']);
    expect(await names({ filter: { pressCouncil: ['factual', 'administrative'], region: 'kota sukamaju' } })).toEqual(['Harian Sukamaju Pos', 'Sukamaju TV']);
    expect(await names({ sort: 'pressCouncilStatus', dir: 'desc' })).toEqual(['Harian Sukamaju Pos', 'Sukamaju TV', 'Lembah Hijau Online', 'Radio Suara Sukamaju']);
    await fx.core.invoke('media.contracts.save', { outletId: s.tv.id, number: 'KS/001/2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 50_000_000, quotas: [{ product: 'live', quota: 4 }] });
    await fx.core.invoke('media.contracts.save', { outletId: s.radio.id, number: 'KS/002/2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 10_000_000 });
    expect(await names({ filter: { contract: 'running' } })).toEqual(['Sukamaju TV']);
    expect(await names({ filter: { contract: 'none' } })).toEqual(['Harian Sukamaju Pos', 'Lembah Hijau Online', 'Radio Suara Sukamaju']);
    expect((await fx.core.invoke('media.outlets.list', {})).find((o) => o.id === s.lembah.id)?.journalistCount).toBe(1);
    expect(await fx.core.invoke('media.outlets.regions')).toEqual(['Kabupaten Lembah', 'Kota Sukamaju']);
    // UKW expiring within 30 days of 22 November 2026: only Rina's (10 December).
    expect((await fx.core.invoke('media.journalists.list', { ukwExpiringWithinDays: 30 })).map((j) => j.name)).toEqual(['Rina Wulandari']);
    expect((await fx.core.invoke('media.journalists.list', { sort: 'ukwValidUntil', dir: 'desc' })).map((j) => j.name)).toEqual(['Budi Santosa', 'Rina Wulandari']);
  });

  it('searches outlets and people by prefix and forgives typos; deleted rows leave the index', async () => {
    fx = openTestCore();
    const s = await seed(fx);
    const search = async (query: string) => (await fx.core.invoke('media.search', { query })).map((h) => `${h.kind}:${h.name}${h.fuzzy ? '~' : ''}`);
    expect(await search('suka')).toEqual(expect.arrayContaining(['outlet:Harian Sukamaju Pos', 'outlet:Radio Suara Sukamaju', 'outlet:Sukamaju TV']));
    expect(await search('suka pos')).toEqual(['outlet:Harian Sukamaju Pos']);
    expect(await search('rina')).toEqual(['journalist:Rina Wulandari']);
    expect(await search('ekonomi')).toEqual(['journalist:Rina Wulandari']);
    expect(await search('wulandri')).toEqual(['journalist:Rina Wulandari~']);
    expect(await search('lembha hijau')).toContain('outlet:Lembah Hijau Online~');
    expect((await fx.core.invoke('media.outlets.list', { query: 'lembah' })).map((o) => o.name)).toEqual(['Lembah Hijau Online']);
    await fx.core.invoke('media.outlets.delete', { id: s.radio.id });
    expect(await search('radio')).toEqual([]);
    await fx.core.invoke('media.outlets.restore', { id: s.radio.id });
    expect(await search('radio')).toEqual(['outlet:Radio Suara Sukamaju']);
    expect(await search('"; DROP TABLE media_outlet; --')).toEqual([]);
  });

  it('a one-letter slip in a short name still finds it (missing, extra, wrong or swapped letter)', async () => {
    fx = openTestCore();
    const s = await seed(fx);
    const sinta = await fx.core.invoke('media.journalists.save', { name: 'Sinta Dewi', outletId: s.radio.id, dataSource: 'Formulir akreditasi', consent: 'given' } as never);
    const search = async (query: string) => (await fx.core.invoke('media.search', { query })).map((h) => `${h.name}${h.fuzzy ? '~' : ''}`);
    expect(await search('snta')).toEqual(['Sinta Dewi~']); // one letter missing from a five-letter name
    expect(await search('siinta')).toEqual(['Sinta Dewi~']); // one extra
    expect(await search('sitna')).toEqual(['Sinta Dewi~']); // two swapped
    expect(await search('dewu')).toEqual(['Sinta Dewi~']); // one wrong
    expect(await search('rna')).toEqual(['Rina Wulandari~']);
    expect(await search('snta dewi')).toEqual(['Sinta Dewi~']);
    expect(await search('sinta')).toEqual(['Sinta Dewi']); // as typed: not fuzzy
    expect(await search('xyzq')).toEqual([]);
    expect(await search('rani')).toEqual([]); // two letters off a four-letter name: not a slip
    expect((await fx.core.invoke('media.journalists.list', { query: 'snta' })).map((j) => j.id)).toEqual([sinta.id]);
  });
});

describe('personal data (UU 27/2022)', () => {
  it('lists people without personal fields; viewing them is logged; staff without media.personal are refused', async () => {
    fx = openTestCore();
    const s = await seed(fx);
    const listed = await fx.core.invoke('media.journalists.get', { id: s.rina.id });
    expect(listed).not.toHaveProperty('phone');
    expect(listed).toMatchObject({ dataSource: 'Formulir akreditasi liputan', consent: 'given' });
    expect(await fx.core.invoke('media.journalists.personal', { id: s.rina.id })).toEqual({ phone: '+6281200005001', whatsapp: '+6281200005001', email: 'rina@lembahhijau.example', ukwNumber: 'UKW-77', pressCardNo: 'KP-5' });
    const views = fx.core.context.db.prepare("SELECT action, target_id FROM audit_log WHERE action LIKE 'media.personal.%' ORDER BY seq").all();
    expect(views).toEqual([
      { action: 'media.personal.edit', target_id: s.rina.id },
      { action: 'media.personal.view', target_id: s.rina.id },
    ]);
    expect(fx.core.context.audit.verify()).toMatchObject({ ok: true });

    fx.core.context.currentCaller = () => callerFor('u-data', 'Staf Data', ['data_staff']);
    expect(await fx.core.call('media.journalists.personal', { id: s.rina.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fx.core.call('media.export', { kind: 'journalists', format: 'csv', includePersonal: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const plain = await fx.core.invoke('media.export', { kind: 'journalists', format: 'csv' });
    const text = Buffer.from(plain.base64, 'base64').toString('utf8');
    expect(text).toContain('Rina Wulandari');
    expect(text).not.toContain('5001');
    expect(text).not.toMatch(/No HP|Email/);
  });

  it('exports everything about a person (JSON and XLSX) and erases them: fields scrubbed, tombstone kept, erasure logged', async () => {
    fx = openTestCore();
    const s = await seed(fx);
    const list = await fx.core.invoke('media.lists.save', { name: 'Desk ekonomi', kind: 'fixed', journalistIds: [s.rina.id] });
    const json = JSON.parse(Buffer.from((await fx.core.invoke('media.journalists.exportPerson', { id: s.rina.id, format: 'json' })).base64, 'base64').toString('utf8'));
    expect(json).toMatchObject({ name: 'Rina Wulandari', phone: '+6281200005001', email: 'rina@lembahhijau.example', lists: ['Desk ekonomi'], outletName: 'Lembah Hijau Online' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await fx.core.invoke('media.journalists.exportPerson', { id: s.rina.id, format: 'xlsx' })).base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data pribadi', 'Riwayat akses']);
    expect(wb.worksheets[0]!.getColumn(2).values).toContain("'+6281200005001");

    expect(await fx.core.call('media.journalists.erase', { id: s.rina.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const erased = await fx.core.invoke('media.journalists.erase', { id: s.rina.id, reason: 'Permintaan tertulis tanggal 20 November 2026' });
    expect(erased).toMatchObject({ name: 'Dihapus atas permintaan', beat: '', consent: 'withdrawn' });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.deletedAt).not.toBeNull();
    const row = fx.core.context.db.prepare('SELECT * FROM media_journalist WHERE id = ?').get(s.rina.id) as Record<string, unknown>;
    expect(row).toMatchObject({ phone: null, whatsapp: null, email: null, ukw_number: null, press_card_no: null });
    // The tombstone stays (it carries the erasure to other machines), nothing else keeps the data.
    const dump = JSON.stringify(fx.core.context.db.prepare("SELECT * FROM media_journalist").all()) + JSON.stringify(fx.core.context.db.prepare("SELECT * FROM media_fts").all()) + JSON.stringify(fx.core.context.db.prepare('SELECT * FROM change_log').all());
    expect(dump).not.toMatch(/Rina|5001|UKW-77|KP-5/);
    expect((await fx.core.invoke('media.search', { query: 'rina' }))).toEqual([]);
    expect(await fx.core.invoke('media.lists.resolve', { id: list.id })).toEqual([]);
    const erasure = fx.core.context.db.prepare("SELECT details FROM audit_log WHERE action = 'media.personal.erase'").get() as { details: string };
    expect(JSON.parse(erasure.details)).toEqual({ reason: 'Permintaan tertulis tanggal 20 November 2026', recipients: 0 });
    expect(await fx.core.call('media.journalists.erase', { id: s.rina.id, reason: 'lagi' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fx.core.call('media.journalists.save', { id: s.rina.id, name: 'Rina', dataSource: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('contracts and proof of publication', () => {
  it('counts publications against each contract per product and period; a report per period in XLSX and PDF', async () => {
    const clock = fakeClock(Date.UTC(2026, 10, 22, 3));
    fx = openTestCore({ clock: clock.now });
    await fx.core.invoke('office.save', SAMPLE_PROFILE);
    const s = await seed(fx);
    const old = await fx.core.invoke('media.contracts.save', { outletId: s.pos.id, number: '027/KS-MEDIA/2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 24_000_000, quotas: [{ product: 'news', quota: 2 }] });
    const cur = await fx.core.invoke('media.contracts.save', {
      outletId: s.pos.id, number: '027/KS-MEDIA/2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 36_000_000,
      quotas: [{ product: 'news', quota: 3 }, { product: 'advertorial', quota: 1 }, { product: 'photo_gallery', quota: 0 }],
    });
    const pub = (publishedOn: string, product: 'news' | 'advertorial' | 'infotorial', url: string) =>
      fx.core.invoke('media.publications.save', { outletId: s.pos.id, product, publishedOn, url, title: `Berita ${publishedOn}` });
    await pub('2025-12-30', 'news', 'https://sukamajupos.example/2025/12/30/a');
    const p2 = await pub('2026-01-05', 'news', 'https://sukamajupos.example/2026/01/05/b');
    await pub('2026-03-10', 'news', 'https://sukamajupos.example/2026/03/10/c');
    await pub('2026-03-11', 'advertorial', 'https://sukamajupos.example/2026/03/11/d');
    await pub('2026-03-12', 'advertorial', 'https://sukamajupos.example/2026/03/12/e');
    await pub('2026-03-13', 'infotorial', 'https://sukamajupos.example/2026/03/13/f');
    expect(p2.contractId).toBe(cur.id);

    const c = await fx.core.invoke('media.contracts.get', { id: cur.id });
    expect(c.progress).toEqual([
      { product: 'news', quota: 3, delivered: 2, deliveredToDate: 2, missing: 1, over: 0 },
      { product: 'advertorial', quota: 1, delivered: 2, deliveredToDate: 2, missing: 0, over: 1 },
    ]);
    expect(c).toMatchObject({ state: 'running', quotaTotal: 4, deliveredTotal: 4 });
    expect((await fx.core.invoke('media.contracts.get', { id: old.id })).progress).toEqual([{ product: 'news', quota: 2, delivered: 1, deliveredToDate: 1, missing: 1, over: 0 }]);
    expect((await fx.core.invoke('media.contracts.list', { state: 'ended' })).map((x) => x.number)).toEqual(['027/KS-MEDIA/2025']);

    // A pasted link finds its outlet by host and its date in the path.
    expect(await fx.core.invoke('media.publications.fromLink', { url: 'https://m.sukamajupos.example/read/2026/11/20/berita-walikota' })).toMatchObject({ outletId: s.pos.id, publishedOn: '2026-11-20' });
    expect(await fx.core.call('media.publications.fromLink', { url: 'bukan tautan' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await fx.core.call('media.publications.save', { outletId: s.pos.id, product: 'news', publishedOn: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await fx.core.call('media.publications.save', { outletId: s.pos.id, product: 'news', publishedOn: '2026-03-01', url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const scan = await fx.core.invoke('media.publications.save', { outletId: s.pos.id, product: 'news', publishedOn: '2026-03-20', page: 'Hal. 5', scan: { base64: Buffer.from('%PDF-1.4\n%âãÏÓ\n').toString('base64') } });
    expect(scan.attachmentMime).toBe('application/pdf');
    expect(await fx.core.call('media.publications.save', { outletId: s.pos.id, product: 'news', publishedOn: '2026-03-20', page: 'Hal. 5', scan: { base64: Buffer.from('MZ\x90\x00').toString('base64') } })).toMatchObject({ ok: false, error: { code: 'unsupported_file' } });

    // Report for the first quarter of 2026: delivered in the period and to date, missing, links.
    const x = await fx.core.invoke('media.report', { from: '2026-01-01', to: '2026-03-31', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const recap = wb.getWorksheet('Rekap')!;
    const body = recap.getRows(5, recap.rowCount - 4)!.map((r) => (r.values as unknown[]).slice(1));
    expect(body).toEqual([
      ['Harian Sukamaju Pos', '027/KS-MEDIA/2026', '1 Januari s.d. 31 Desember 2026', 36_000_000, 'Berita', 3, 3, 3, 0],
      ['Harian Sukamaju Pos', '027/KS-MEDIA/2026', '1 Januari s.d. 31 Desember 2026', 36_000_000, 'Advertorial', 1, 2, 2, 0],
    ]);
    expect(recap.getRow(1).getCell(1).value).toBe('Laporan Kerja Sama Media 1 Januari s.d. 31 Maret 2026');
    const proofs = wb.getWorksheet('Bukti Tayang')!;
    expect(proofs.rowCount).toBe(1 + 6);
    // Dates are date cells shown the Indonesian way.
    expect(proofs.getRow(2).getCell(3).value).toEqual(new Date('2026-01-05T00:00:00Z'));
    expect(proofs.getColumn(3).numFmt).toBe('[$-421]d mmmm yyyy');
    const pdf = await fx.core.invoke('media.report', { from: '2026-01-01', to: '2026-03-31', format: 'pdf' });
    const file = path.join(fx.dir, 'laporan.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/[ \t]+/g, ' ');
    expect(text).toContain('PEMERINTAH KOTA SUKAMAJU'); // on the letterhead
    expect(text).toContain('LAPORAN KERJA SAMA MEDIA');
    expect(text).toContain('Periode 1 Januari s.d. 31 Maret 2026');
    expect(text).toContain('Kontrak 027/KS-MEDIA/2026 · 1 Januari s.d. 31 Desember 2026');
    expect(text).toContain('10 Maret 2026 · Berita · https://sukamajupos.example/2026/03/10/c');
    // No ISO dates (the proofs' own titles here are "Berita 2026-03-10", typed data, not a date Warta writes).
    expect(text.replace(/\(Berita \d{4}-\d{2}-\d{2}\)/g, '')).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).toMatch(/Halaman 1 dari 1/);
    // The partners' chart, drawn as vectors by the report charts' definition: its title and legend are text.
    expect(text).toContain('Kuota dan tayang s.d. akhir periode, per produk');
    expect(text).toMatch(/Kuota\s+Tayang/);
    expect(text).toContain('Harian Sukamaju Pos');
    expect(text).toContain('027/KS-MEDIA/2026');
    expect(text).toMatch(/Berita\s+3\s+3\s+3\s+0/);
    expect(text).toContain('https://sukamajupos.example/2026/03/10/c');
    expect(await fx.core.call('media.contracts.save', { outletId: s.pos.id, number: 'x', periodStart: '2026-02-01', periodEnd: '2026-01-01', value: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('distribution lists', () => {
  it('resolves fixed lists and saved filters to today\'s recipients; contacts only with media.personal; withdrawn consent left out', async () => {
    fx = openTestCore();
    const s = await seed(fx);
    const verifiedOnline = await fx.core.invoke('media.lists.save', { name: 'Media siber terverifikasi', kind: 'filter', filter: { kinds: ['online'], pressCouncil: ['administrative', 'factual'] } });
    const tvRadio = await fx.core.invoke('media.lists.save', { name: 'TV dan radio', kind: 'filter', filter: { kinds: ['tv', 'radio'] } });
    const fixed = await fx.core.invoke('media.lists.save', { name: 'Pilihan', kind: 'fixed', outletIds: [s.pos.id], journalistIds: [s.rina.id, s.budi.id] });
    expect((await fx.core.invoke('media.lists.resolve', { id: verifiedOnline.id })).map((r) => r.name)).toEqual(['Lembah Hijau Online', 'Rina Wulandari']);
    expect((await fx.core.invoke('media.lists.resolve', { id: tvRadio.id })).map((r) => r.name).sort()).toEqual(['Radio Suara Sukamaju', 'Sukamaju TV']);
    const r = await fx.core.invoke('media.lists.resolve', { id: fixed.id });
    // Budi withdrew consent: not a recipient.
    expect(r).toEqual([
      { outletId: s.pos.id, outletName: 'Harian Sukamaju Pos', journalistId: null, name: 'Harian Sukamaju Pos', email: null, whatsapp: null, doNotSend: false, embargoTrusted: false },
      { outletId: s.lembah.id, outletName: 'Lembah Hijau Online', journalistId: s.rina.id, name: 'Rina Wulandari', email: 'rina@lembahhijau.example', whatsapp: '+6281200005001', doNotSend: false, embargoTrusted: false },
    ]);
    // A newly verified online outlet joins the saved filter at once.
    await fx.core.invoke('media.outlets.save', { name: 'Kabar Baru', kind: 'online', pressCouncilStatus: 'factual' });
    expect((await fx.core.invoke('media.lists.resolve', { id: verifiedOnline.id })).map((x) => x.name)).toContain('Kabar Baru');
    // Editing a fixed list tombstones removed members.
    await fx.core.invoke('media.lists.save', { id: fixed.id, name: 'Pilihan', kind: 'fixed', outletIds: [], journalistIds: [s.rina.id] });
    expect((await fx.core.invoke('media.lists.list')).find((l) => l.id === fixed.id)).toMatchObject({ outletIds: [], journalistIds: [s.rina.id] });
    fx.core.context.currentCaller = () => callerFor('u-data', 'Staf Data', ['data_staff']);
    expect((await fx.core.invoke('media.lists.resolve', { id: fixed.id }))[0]).toMatchObject({ name: 'Rina Wulandari', email: null, whatsapp: null });
    expect(await fx.core.call('media.lists.save', { name: 'x', kind: 'fixed' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
