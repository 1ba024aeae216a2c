import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BODY_FRAGMENT } from '../../../shared/releases/editor-schema';
import { releaseCore } from './helpers';

let fx: Awaited<ReturnType<typeof releaseCore>>;
let id = '';
const NUMBER = '001/Humas/Pemkot-SKJ/XII/2026';
const EMBARGO = 'EMBARGO: Tidak untuk disiarkan sebelum Senin, 7 Desember 2026 pukul 10.00 WIB';

/** Builds a body the way the editor does: heading, bold/italic text, a table, a list and a photo. */
function richBody(stateB64: string, photo: { hash: string; thumb: string }): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(stateB64, 'base64'));
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(BODY_FRAGMENT);
  const para = (text: string, bold?: string) => {
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, text);
    if (bold) t.insert(text.length, bold, { bold: {} });
    p.insert(0, [t]);
    return p;
  };
  doc.transact(() => {
    const first = frag.get(0) as Y.XmlElement;
    const t = first.get(0) as Y.XmlText;
    t.insert(t.length, 'Wali Kota Sukamaju meresmikan Jembatan Gantung Kalisari pada Senin (7/12/2026).', {});
    frag.insert(frag.length, [para('Jembatan sepanjang 80 meter itu menghubungkan dua desa. ', 'Warga menyambut gembira.')]);
    const table = new Y.XmlElement('table');
    for (const cells of [['Desa', 'Penerima manfaat'], ['Kalisari', '1.200 jiwa']]) {
      const row = new Y.XmlElement('tableRow');
      row.insert(0, cells.map((c) => {
        const cell = new Y.XmlElement('tableCell');
        cell.insert(0, [para(c)]);
        return cell;
      }));
      table.insert(table.length, [row]);
    }
    frag.insert(frag.length, [table]);
    const photoEl = new Y.XmlElement('photo');
    photoEl.setAttribute('hash', photo.hash);
    photoEl.setAttribute('thumb', photo.thumb);
    photoEl.setAttribute('caption', 'Wali Kota menggunting pita peresmian');
    photoEl.setAttribute('credit', 'Foto: Humas Pemkot Sukamaju');
    frag.insert(frag.length, [photoEl]);
  });
  return Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
}

beforeAll(async () => {
  fx = await releaseCore(Date.UTC(2026, 11, 5, 2, 0));
  const { core } = fx;
  const r = await core.invoke('releases.create', { title: 'Wali Kota Resmikan Jembatan Gantung Kalisari' });
  id = r.id;
  const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
  const photo = await core.invoke('releases.putPhoto', { fileName: 'pita.jpg', base64: jpeg.toString('base64') });
  await core.invoke('releases.appendBody', { id, update: richBody(r.bodyState, photo) });
  await core.invoke('releases.update', {
    id,
    fields: {
      subtitle: 'Akses dua desa kini terbuka sepanjang tahun',
      urgency: 'embargo',
      embargoAt: new Date(Date.UTC(2026, 11, 7, 3, 0)).toISOString(),
      quotes: [{ text: 'Jembatan ini jawaban atas penantian warga', speaker: 'Wali Kota Sukamaju', role: '' }],
      writer: 'Rina Wulandari',
      photographer: 'Agus Prasetyo',
      editor: 'Dewi Anggraini',
      contacts: [
        { name: 'Budi Santoso', position: 'Kasubag Peliputan', phone: '0812-0000-1111', email: 'peliputan@sukamaju.example.go.id' },
        { name: 'Siti Aminah', position: 'Pranata Humas', phone: '0813-2222-3333', email: '' },
      ],
    },
  });
  await core.invoke('releases.transition', { id, to: 'in_review' });
  await core.invoke('releases.transition', { id, to: 'approved' });
});
afterAll(() => fx.cleanup());

async function exported(format: 'pdf' | 'docx' | 'html' | 'text' | 'whatsapp' | 'zip', paper: 'A4' | 'F4' = 'A4') {
  const f = await fx.core.invoke('releases.export', { id, format, paper });
  return { ...f, data: Buffer.from(f.base64, 'base64') };
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function expectInOrder(text: string, parts: string[]): void {
  let at = -1;
  for (const p of parts) {
    const i = text.indexOf(p, at + 1);
    expect(i, `"${p}" after position ${at}`).toBeGreaterThan(at);
    at = i;
  }
}

const ORDER = [
  'PEMERINTAH KOTA SUKAMAJU',
  'SIARAN PERS',
  `Nomor: ${NUMBER}`,
  EMBARGO,
  'Wali Kota Resmikan Jembatan Gantung Kalisari',
  'Sukamaju, Sabtu, 5 Desember 2026',
  'SUKAMAJU – Wali Kota Sukamaju meresmikan',
  'Kalisari 1.200 jiwa',
  'Wali Kota menggunting pita peresmian (Foto: Humas Pemkot Sukamaju)',
  'Jembatan ini jawaban atas penantian warga',
  'Sumber: Bagian Humas dan Protokol Setda',
  'Penulis: Rina Wulandari',
  'Fotografer: Agus Prasetyo',
  'Editor: Dewi Anggraini',
  'Narahubung:',
  'Budi Santoso',
  'Siti Aminah (Pranata Humas)',
];

it('PDF (A4 and F4) on the letterhead: pdftotext finds title, number, dateline, embargo line and closing block in order', async () => {
  for (const paper of ['A4', 'F4'] as const) {
    const pdf = await exported('pdf', paper);
    expect(pdf.mime).toBe('application/pdf');
    const file = path.join(fx.dir, `rilis-${paper}.pdf`);
    fs.writeFileSync(file, pdf.data);
    const text = pdfText(file);
    expectInOrder(text, ORDER.map((s) => s.replace('Kalisari 1.200 jiwa', 'Kalisari')));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(paper === 'A4' ? /Page size:\s+595\.2\d? x 841\.8\d?/ : /Page size:\s+609\.4\d? x 935\.4\d?/);
  }
});

it('DOCX opened by LibreOffice (soffice --convert-to pdf) has the same parts in order', async () => {
  const docx = await exported('docx', 'F4');
  const file = path.join(fx.dir, 'rilis.docx');
  fs.writeFileSync(file, docx.data);
  const out = path.join(fx.dir, 'lo');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(fx.dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', out, file], { timeout: 120_000, stdio: 'ignore' });
  const pdf = path.join(out, 'rilis.pdf');
  expect(fs.existsSync(pdf)).toBe(true);
  expectInOrder(pdfText(pdf), ORDER.map((s) => s.replace('Kalisari 1.200 jiwa', 'Kalisari')));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  // LibreOffice rounds the page to its own units (609.987 × 936 pt); F4 is 609.45 × 935.43.
  const [, pw, ph] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
  expect(Math.abs(Number(pw) - 609.45)).toBeLessThan(2);
  expect(Math.abs(Number(ph) - 935.43)).toBeLessThan(2);
}, 180_000);

it('plain text, WhatsApp text and HTML carry the embargo line, the closing block and every narahubung in order; WhatsApp has no HTML', async () => {
  const text = (await exported('text')).data.toString('utf8');
  expectInOrder(text, ['PEMERINTAH KOTA SUKAMAJU', `Nomor: ${NUMBER}`, EMBARGO, 'WALI KOTA RESMIKAN', 'Sukamaju, Sabtu, 5 Desember 2026', 'Desa | Penerima manfaat', '[Foto] Wali Kota menggunting', 'Penulis: Rina Wulandari', 'Narahubung:', 'Budi Santoso (Kasubag Peliputan) · 0812-0000-1111', 'Siti Aminah (Pranata Humas) · 0813-2222-3333']);
  const wa = (await exported('whatsapp')).data.toString('utf8');
  expect(wa).not.toMatch(/<[a-z/]/i);
  expectInOrder(wa, ['*SIARAN PERS*', `Nomor: ${NUMBER}`, `_${EMBARGO}_`, '*Wali Kota Resmikan Jembatan Gantung Kalisari*', '_Akses dua desa', '*SUKAMAJU* – Wali Kota', '*Warga menyambut gembira.*', '_[Foto] Wali Kota menggunting pita peresmian (Foto: Humas Pemkot Sukamaju)_', 'Editor: Dewi Anggraini', '*Narahubung:*', 'Budi Santoso', 'Siti Aminah']);
  const html = (await exported('html')).data.toString('utf8');
  expectInOrder(html, ['PEMERINTAH KOTA SUKAMAJU', EMBARGO, '<h1>Wali Kota Resmikan', '<table>', '<img src="data:image/jpeg;base64,', 'Editor: Dewi Anggraini', 'Narahubung:', '<div>Budi Santoso', '<div>Siti Aminah']);
});

it('press-kit ZIP: PDF, DOCX, full-size photos and their captions; progress events on the way', async () => {
  const events: { label: string; done: number; total: number | null; finished: boolean }[] = [];
  const off = fx.core.on('progress', (p) => events.push(p));
  const zip = await exported('zip');
  off();
  const z = await JSZip.loadAsync(zip.data);
  const names = Object.keys(z.files).sort();
  expect(names.some((n) => n.endsWith('.pdf'))).toBe(true);
  expect(names.some((n) => n.endsWith('.docx'))).toBe(true);
  const photo = names.find((n) => n.startsWith('foto/') && n.endsWith('.jpg'));
  expect(photo).toBeDefined();
  const meta = await sharp(await z.file(photo!)!.async('nodebuffer')).metadata();
  expect(meta.width).toBe(1200); // full size, not the thumbnail
  expect(await z.file('foto/keterangan-foto.txt')!.async('string')).toContain('Wali Kota menggunting pita peresmian (Foto: Humas Pemkot Sukamaju)');
  expect(events.length).toBeGreaterThanOrEqual(3);
  expect(events.at(-1)).toMatchObject({ finished: true });
});
