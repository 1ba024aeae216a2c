/**
 * The desk's papers on a real core and SQLite file: the PPID register and the objections register
 * as XLSX (read back with exceljs) and as PDF on the letterhead (read with pdftotext), columns and
 * fields in order; bad input refused clearly.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stopPdfThread } from '../../../electron/core/features/paper/pdf-thread';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
/** Friday 18 December 2026, 09:00 WIB. */
const FRIDAY = Date.parse('2026-12-18T02:00:00Z');
let now = FRIDAY;

beforeEach(async () => {
  now = FRIDAY;
  fx = openTestCore({ clock: () => now });
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
});
afterEach(() => fx.cleanup());
afterAll(() => stopPdfThread());

function request(over: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    kind: 'info_request' as const,
    channel: 'letter' as const,
    personName: 'Siti Aminah',
    personPhone: '0812 3456 7890',
    personAddress: 'Jl. Melati 4, Sukamaju',
    consent: true,
    body: 'Salinan DPA Dinas Pekerjaan Umum 2026',
    purpose: 'Penelitian skripsi',
    receiveBy: 'softcopy' as const,
    copyBy: 'email' as const,
    ...over,
  };
}

/** Two requests (one granted with a fee, one refused with its basis) and one objection. */
async function seed() {
  const a = await fx.core.invoke('publicdesk.receive', request());
  const b = await fx.core.invoke('publicdesk.receive', request({ personName: 'Budi Santoso', personAddress: 'Jl. Kenanga 9', body: '=HYPERLINK("x") data gaji pegawai', purpose: 'Liputan', receiveBy: 'hardcopy', copyBy: 'pickup' }));
  now = FRIDAY + 3 * 86_400_000;
  await fx.core.invoke('publicdesk.decide', { id: a.id, decision: 'granted', fee: 15000 });
  await fx.core.invoke('publicdesk.decide', { id: b.id, decision: 'refused', exemptionBasis: 'UU 14/2008 pasal 17 huruf h (rahasia pribadi)' });
  const o = await fx.core.invoke('publicdesk.receive', request({ kind: 'objection', personName: 'Budi Santoso', personAddress: 'Jl. Kenanga 9', body: 'Keberatan atas penolakan 0002/PPID/2026', purpose: 'Liputan', receiveBy: null, copyBy: null }));
  return { a, b, o };
}

const save = (name: string, base64: string) => {
  const file = path.join(fx.dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
};
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

async function sheetRows(base64: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('the PPID register', () => {
  it('XLSX: the columns the register asks for, one row per request in number order, dates and fee as values', async () => {
    await seed();
    const out = await fx.core.invoke('publicdesk.register', { kind: 'info_request', year: 2026, format: 'xlsx' });
    expect(out.fileName).toBe('register-permohonan-informasi-2026.xlsx');
    const rows = await sheetRows(out.base64);
    expect(rows[0]![0]).toBe('REGISTER PERMOHONAN INFORMASI PUBLIK TAHUN 2026');
    expect(rows[2]).toEqual([
      'No',
      'Nomor pendaftaran',
      'Tanggal permohonan',
      'Nama pemohon',
      'Alamat dan kontak',
      'Informasi yang diminta',
      'Tujuan penggunaan',
      'Cara memperoleh informasi',
      'Cara mendapatkan salinan',
      'Keputusan',
      'Dasar hukum pengecualian',
      'Tanggal dijawab',
      'Biaya (Rp)',
    ]);
    const [first, second] = [rows[3]!, rows[4]!];
    expect(first.slice(0, 2)).toEqual([1, '0001/PPID/2026']);
    expect((first[2] as Date).toISOString().slice(0, 10)).toBe('2026-12-18');
    expect(first.slice(3, 11)).toEqual(['Siti Aminah', 'Jl. Melati 4, Sukamaju\n0812 3456 7890', 'Salinan DPA Dinas Pekerjaan Umum 2026', 'Penelitian skripsi', 'Salinan elektronik (softcopy)', 'Email', 'Diberikan seluruhnya', '']);
    expect((first[11] as Date).toISOString().slice(0, 10)).toBe('2026-12-21');
    expect(first[12]).toBe(15000);
    // A cell that would run as a formula is kept as text.
    expect(second.slice(1, 6)).toEqual(['0002/PPID/2026', expect.any(Date), 'Budi Santoso', 'Jl. Kenanga 9\n0812 3456 7890', "'=HYPERLINK(\"x\") data gaji pegawai"]);
    expect(second.slice(9, 11)).toEqual(['Ditolak', 'UU 14/2008 pasal 17 huruf h (rahasia pribadi)']);
    expect(rows).toHaveLength(5);
  });

  it('PDF on the letterhead, landscape: title, year, header row and the requests in order (pdftotext)', async () => {
    await seed();
    const out = await fx.core.invoke('publicdesk.register', { kind: 'info_request', year: 2026, format: 'pdf', paper: 'F4' });
    const file = save(out.fileName, out.base64);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+935\.43 x 609\.45/);
    const text = pdfText(file);
    const order = ['PEMERINTAH KOTA SUKAMAJU', 'REGISTER PERMOHONAN INFORMASI PUBLIK', 'Tahun 2026', 'Nomor', 'Nama pemohon', 'Informasi yang', '0001/PPID/2026', 'Siti Aminah', 'Diberikan', '0002/PPID/2026', 'Budi Santoso', 'Ditolak', 'Halaman 1 dari 1'];
    let at = -1;
    for (const s of order) {
      const i = text.indexOf(s, at + 1);
      expect(i, `"${s}" after position ${at}`).toBeGreaterThan(at);
      at = i;
    }
    expect(text).toMatch(/18-12-2026/);
    expect(text).toMatch(/15\.000/);
    expect(text).toContain('rahasia pribadi');
  });

  it('an empty year prints an empty register, not an error', async () => {
    const out = await fx.core.invoke('publicdesk.register', { kind: 'info_request', year: 2025, format: 'pdf' });
    expect(pdfText(save(out.fileName, out.base64))).toContain('Belum ada yang tercatat.');
    expect(await sheetRows((await fx.core.invoke('publicdesk.register', { kind: 'info_request', year: 2025, format: 'xlsx' })).base64)).toHaveLength(3);
  });
});

describe('the objections register', () => {
  it('XLSX and PDF: the objection with its deadline, requests and complaints left out', async () => {
    const { o } = await seed();
    const x = await fx.core.invoke('publicdesk.register', { kind: 'objection', year: 2026, format: 'xlsx' });
    expect(x.fileName).toBe('register-keberatan-2026.xlsx');
    const rows = await sheetRows(x.base64);
    expect(rows[2]).toEqual(['No', 'Nomor registrasi keberatan', 'Tanggal keberatan', 'Nama pemohon', 'Alamat dan kontak', 'Alasan keberatan', 'Tujuan penggunaan', 'Batas waktu tanggapan', 'Keputusan', 'Dasar hukum pengecualian', 'Tanggal ditanggapi']);
    expect(rows).toHaveLength(4);
    expect(rows[3]!.slice(0, 2)).toEqual([1, '0001/KEB/2026']);
    expect((rows[3]![7] as Date).toISOString().slice(0, 10)).toBe(o.dueDate);
    expect(rows[3]![8]).toBe('Belum diputuskan');
    const p = await fx.core.invoke('publicdesk.register', { kind: 'objection', year: 2026, format: 'pdf' });
    const text = pdfText(save(p.fileName, p.base64));
    expect(text).toContain('REGISTER KEBERATAN ATAS PERMOHONAN INFORMASI PUBLIK');
    expect(text).toContain('0001/KEB/2026');
    expect(text).not.toContain('0001/PPID/2026');
  });
});

describe('bad input', () => {
  it('an unknown register, a year out of range or an unknown format is refused with a clear message; the core keeps serving', async () => {
    for (const input of [
      { kind: 'complaint', year: 2026, format: 'pdf' },
      { kind: 'info_request', year: 99, format: 'pdf' },
      { kind: 'info_request', year: 2026, format: 'docx' },
      { kind: 'info_request', year: '2026', format: 'pdf' },
    ]) {
      const r = await fx.core.call('publicdesk.register', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_input');
    }
    expect((await fx.core.invoke('publicdesk.list', {})).total).toBe(0);
  });
});

describe('the decision notice', () => {
  it('PDF on the letterhead: title, number, requester, the fields in order, refusal with its basis and the right to object (pdftotext)', async () => {
    const { b } = await seed();
    const out = await fx.core.invoke('publicdesk.notice', { id: b.id, format: 'pdf' });
    expect(out.fileName).toBe('pemberitahuan-tertulis-0002-PPID-2026.pdf');
    const text = pdfText(save(out.fileName, out.base64)).replace(/\s+/g, ' ');
    const order = [
      'PEMERINTAH KOTA SUKAMAJU',
      'PEMBERITAHUAN TERTULIS',
      'Nomor: 0002/PPID/2026',
      'tanggal 18 Desember 2026',
      'Nomor pendaftaran 0002/PPID/2026',
      'Nama pemohon Budi Santoso',
      'Alamat Jl. Kenanga 9',
      'Informasi yang diminta =HYPERLINK',
      'Tujuan penggunaan informasi Liputan',
      'Keputusan Ditolak',
      'Dasar hukum pengecualian UU 14/2008 pasal 17 huruf h',
      'Tanggal keputusan 21 Desember 2026',
      'mengajukan keberatan',
      'Sukamaju, 21 Desember 2026',
      'Pejabat Pengelola Informasi dan Dokumentasi (PPID)',
    ];
    let at = -1;
    for (const s of order) {
      const i = text.indexOf(s, at + 1);
      expect(i, `"${s}" after position ${at}`).toBeGreaterThan(at);
      at = i;
    }
    expect(text).not.toContain('Cara memperoleh');
  });

  it('DOCX opened by LibreOffice: a granted request with how it is received, the copy and the fee', async () => {
    const { a } = await seed();
    const out = await fx.core.invoke('publicdesk.notice', { id: a.id, format: 'docx' });
    const file = save(out.fileName, out.base64);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(fx.dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', fx.dir, file], { timeout: 120_000, stdio: 'ignore' });
    const text = pdfText(file.replace(/\.docx$/, '.pdf')).replace(/\s+/g, ' ');
    const order = ['PEMBERITAHUAN TERTULIS', 'Nomor: 0001/PPID/2026', 'Siti Aminah', 'Salinan DPA Dinas Pekerjaan Umum 2026', 'Diberikan seluruhnya', 'Salinan elektronik (softcopy)', 'Email', 'Rp15.000', 'Sukamaju, 21 Desember 2026'];
    let at = -1;
    for (const s of order) {
      const i = text.indexOf(s, at + 1);
      expect(i, `"${s}" after position ${at}`).toBeGreaterThan(at);
      at = i;
    }
    expect(text).not.toContain('Dasar hukum pengecualian');
  }, 180_000);

  it('no notice for an undecided request or for an objection; the core keeps serving', async () => {
    const { o } = await seed();
    const open = await fx.core.invoke('publicdesk.receive', request());
    const undecided = await fx.core.call('publicdesk.notice', { id: open.id, format: 'pdf' });
    expect(undecided.ok).toBe(false);
    if (!undecided.ok) expect(undecided.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/belum diputuskan/) });
    const objection = await fx.core.call('publicdesk.notice', { id: o.id, format: 'docx' });
    expect(objection.ok).toBe(false);
    if (!objection.ok) expect(objection.error.code).toBe('conflict');
    const missing = await fx.core.call('publicdesk.notice', { id: crypto.randomUUID(), format: 'pdf' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    expect((await fx.core.call('publicdesk.notice', { id: open.id, format: 'xlsx' })).ok).toBe(false);
    expect((await fx.core.invoke('publicdesk.list', {})).total).toBe(4);
  });
});
