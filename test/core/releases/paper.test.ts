/**
 * The release on paper as a reader gets it: embedded fonts that print every Indonesian text as
 * typed, the letterhead centred with or without an emblem, the regional-script line, the kop
 * rule, the dateline in the office's form with its space, page numbers, the end mark, the
 * urgency line after an embargo, DOCX language and fonts. Read back with pdffonts, pdftotext
 * and LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_FRAGMENT } from '../../../shared/releases/editor-schema';
import { emblemPng } from '../../support/emblem-png';
import { INDONESIAN_SAMPLE, SCRIPT_LINES } from '../paper/fonts.test';
import { PROFILE, releaseCore, writeBody } from './helpers';

let fx: Awaited<ReturnType<typeof releaseCore>>;
let id = '';
const TITLE = 'Jembatan Ā “Kalisari” ≤ 5 km diresmikan';

/** Continues the first paragraph (the one holding the dateline opening), as typing after "SUKAMAJU – " does. */
function continueOpening(stateB64: string, text: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(stateB64, 'base64'));
  const before = Y.encodeStateVector(doc);
  const first = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
  const t = first.get(0) as Y.XmlText;
  t.insert(t.length, text, {});
  return Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
}

async function exported(format: 'pdf' | 'docx' | 'text' | 'whatsapp' | 'html' | 'zip') {
  const f = await fx.core.invoke('releases.export', { id, format, paper: 'A4' });
  const file = path.join(fx.dir, `${format}-${Math.random().toString(36).slice(2)}.${format === 'docx' ? 'docx' : format === 'pdf' ? 'pdf' : 'txt'}`);
  const data = Buffer.from(f.base64, 'base64');
  fs.writeFileSync(file, data);
  return { ...f, data, file };
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const raw = (pdf: string) => run('pdftotext', ['-raw', pdf, '-']);

function toPdfWithLibreOffice(docx: string): string {
  const out = path.join(fx.dir, 'lo');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(fx.dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', out, docx], { timeout: 120_000, stdio: 'ignore' });
  return path.join(out, path.basename(docx).replace(/\.docx$/, '.pdf'));
}

/** Centre of the words of the first line that contains `word`, and the page width, from pdftotext -bbox. */
function lineCentre(pdf: string, word: string): { centre: number; page: number } {
  const html = run('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', pdf, '-']);
  const page = Number(/<page width="([\d.]+)"/.exec(html)![1]);
  for (const line of html.split('<line ').slice(1)) {
    const words = [...line.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)];
    if (words.some((w) => w[3] === word)) return { centre: (Number(words[0]![1]) + Number(words[words.length - 1]![2])) / 2, page };
  }
  throw new Error(`no line with ${word}`);
}

beforeAll(async () => {
  fx = await releaseCore(Date.UTC(2026, 11, 5, 2, 0));
  await fx.core.invoke('office.save', { ...PROFILE, scriptLine: SCRIPT_LINES.bali });
  const r = await fx.core.invoke('releases.create', { title: TITLE });
  id = r.id;
  await fx.core.invoke('releases.appendBody', { id, update: continueOpening(r.bodyState, `Wali Kota meresmikan jembatan. ${INDONESIAN_SAMPLE}`) });
  await writeBody(fx.core, id, ...Array.from({ length: 14 }, (_, i) => `Paragraf ${i + 2}: warga dua desa kini dapat menyeberang sepanjang tahun tanpa menunggu air surut, kata kepala desa yang hadir bersama ratusan warga dan pelajar.`));
  await fx.core.invoke('releases.update', {
    id,
    fields: { writer: 'Rina Wulandari', contacts: [{ name: 'Budi Santoso', position: 'Kasubag Peliputan', phone: '0812-0000-1111', email: '' }], boilerplate: 'Bagian Humas melayani informasi publik.' },
  });
});
afterAll(() => fx.cleanup());

describe('release PDF', () => {
  it('embeds its fonts (no standard PDF font) and prints every character as typed, no "?"', async () => {
    const pdf = await exported('pdf');
    const fonts = run('pdffonts', [pdf.file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(2);
    for (const f of fonts) expect(f, f).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a ToUnicode map
    expect(fonts.join('\n')).not.toMatch(/Times-Roman|Helvetica|Courier/);
    expect(fonts.join('\n')).toMatch(/Tinos-Regular/);
    expect(fonts.join('\n')).toMatch(/NotoSansBalinese/);
    const text = raw(pdf.file);
    for (const piece of ['≤ 5 km', '“kutipan”', 'Ā ā Ē ē', 'ő ű', '30 °C', '½ ¼ ¾', '→ ←', '✓', 'ậ', 'Ω', 'Ж ж', TITLE]) expect(text, piece).toContain(piece);
    expect(text).not.toContain('?');
  });

  it('keeps the space after the bold dateline city, carries the urgency line, page numbers and the end mark', async () => {
    const text = raw((await exported('pdf')).file);
    expect(text).toContain('SUKAMAJU – Wali Kota meresmikan');
    expect(text).toContain('UNTUK SEGERA DISIARKAN');
    expect(text).toMatch(/Halaman 1 dari 2[\s\S]*Halaman 2 dari 2/);
    const end = text.indexOf('-selesai-');
    expect(end).toBeGreaterThan(text.indexOf('Penulis: Rina Wulandari'));
    expect(end).toBeLessThan(text.indexOf('Narahubung:'));
  });

  it('centres the letterhead on the page without an emblem and with one (no empty emblem slot)', async () => {
    const bare = lineCentre((await exported('pdf')).file, 'PEMERINTAH');
    expect(Math.abs(bare.centre - bare.page / 2)).toBeLessThan(2);
    const emblem = await fx.core.invoke('attachments.putImage', { mime: 'image/png', base64: (await emblemPng()).toString('base64') });
    await fx.core.invoke('office.save', { ...PROFILE, scriptLine: SCRIPT_LINES.bali, emblemHash: emblem.hash });
    try {
      const withEmblem = lineCentre((await exported('pdf')).file, 'PEMERINTAH');
      expect(Math.abs(withEmblem.centre - withEmblem.page / 2)).toBeLessThan(2);
    } finally {
      await fx.core.invoke('office.save', { ...PROFILE, scriptLine: SCRIPT_LINES.bali });
    }
  });

  it('prints the contact lines in the tata naskah dinas form', async () => {
    const text = raw((await exported('pdf')).file);
    expect(text).toContain('Jalan Merdeka Nomor 1, Sukamaju, Telepon (0271) 555-0101');
    expect(text).toContain('Laman sukamaju.example.go.id, Pos-el humas@sukamaju.example.go.id');
    expect(text).not.toMatch(/Telp\.|Email:|Surel:/);
  });
});

describe('release DOCX', () => {
  it('is Indonesian (w:lang id-ID), names its fonts, embeds the regional script font and has the thick-over-thin kop rule', async () => {
    const docx = await exported('docx');
    const zip = await JSZip.loadAsync(docx.data);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(styles).toContain('<w:lang w:val="id-ID"');
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('w:val="thickThinSmallGap"');
    expect(body).toContain('w:ascii="Noto Sans Balinese"');
    expect(await zip.file('word/fontTable.xml')!.async('string')).toContain('Noto Sans Balinese');
    expect(Object.keys(zip.files).some((n) => /^word\/fonts\/.*\.odttf$/.test(n))).toBe(true);
  });

  it('opened by LibreOffice: the embedded Balinese font is used, page numbers and end mark print, the letterhead is centred', async () => {
    const pdf = toPdfWithLibreOffice((await exported('docx')).file);
    expect(run('pdffonts', [pdf])).toMatch(/NotoSansBalinese/);
    const text = raw(pdf);
    expect(text).toContain('SUKAMAJU – Wali Kota meresmikan');
    expect(text).toMatch(/Halaman 1 dari \d/);
    expect(text).toContain('-selesai-');
    const c = lineCentre(pdf, 'PEMERINTAH');
    expect(Math.abs(c.centre - c.page / 2)).toBeLessThan(3);
  }, 180_000);
});

describe('office settings on paper', () => {
  it('the dateline form and the end mark follow the office profile in every export', async () => {
    await fx.core.invoke('office.save', { ...PROFILE, datelineForm: 'kota-hari-tanggal', endMark: '###' });
    try {
      const opening = 'SUKAMAJU, Sabtu (5/12/2026) – Wali Kota meresmikan';
      const pdf = raw((await exported('pdf')).file);
      expect(pdf).toContain(opening);
      expect(pdf).not.toContain('Sukamaju, Sabtu, 5 Desember 2026');
      expect(pdf).toContain('###');
      for (const format of ['text', 'whatsapp', 'html'] as const) {
        const t = (await exported(format)).data.toString('utf8').replace(/<[^>]+>|\*/g, '');
        expect(t, format).toContain(opening);
        expect(t, format).toContain('###');
      }
      expect(raw(toPdfWithLibreOffice((await exported('docx')).file))).toContain(opening);
    } finally {
      await fx.core.invoke('office.save', { ...PROFILE, scriptLine: SCRIPT_LINES.bali });
    }
  }, 180_000);

  it('a copy made after the embargo is a normal release: no EMBARGO line in PDF, text or press kit', async () => {
    const at = Date.UTC(2026, 11, 7, 3, 0);
    await fx.core.invoke('releases.update', { id, fields: { urgency: 'embargo', embargoAt: new Date(at).toISOString(), embargoZone: 'WIB' } });
    expect(raw((await exported('pdf')).file)).toContain('EMBARGO: Tidak untuk disiarkan sebelum Senin, 7 Desember 2026 pukul 10.00 WIB');
    fx.clock.set(at + 60_000);
    const pdf = raw((await exported('pdf')).file);
    expect(pdf).not.toContain('EMBARGO');
    expect(pdf).toContain('UNTUK SEGERA DISIARKAN');
    expect((await exported('text')).data.toString('utf8')).not.toContain('EMBARGO');
    const kit = await JSZip.loadAsync((await exported('zip')).data);
    const kitPdf = path.join(fx.dir, 'kit.pdf');
    fs.writeFileSync(kitPdf, await kit.file(/\.pdf$/)[0]!.async('nodebuffer'));
    expect(raw(kitPdf)).not.toContain('EMBARGO');
  });
});

describe('file names', () => {
  it('never end in "-" after the cut to 80 characters; the press kit is named Paket media', async () => {
    // 'siaran-pers-' is 12 characters; a word boundary lands exactly on the 80th character.
    const title = `${'a'.repeat(67)} ${'b'.repeat(20)}`;
    await fx.core.invoke('releases.update', { id, fields: { title } });
    const pdf = await exported('pdf');
    expect(pdf.fileName).toMatch(/^siaran-pers-a+\.pdf$/);
    expect(pdf.fileName.length).toBeLessThanOrEqual(84);
    expect((await exported('zip')).fileName).toMatch(/^paket-media-a+\.zip$/);
    await fx.core.invoke('releases.update', { id, fields: { title: TITLE } });
  });
});
