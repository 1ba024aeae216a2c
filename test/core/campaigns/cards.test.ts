/**
 * Infographic cards on a real core: each template drawn at each platform size (PNG measured by
 * sharp, SVG read back for its text and for every outline point inside the canvas), the office's
 * emblem, colour and regional-script letterhead line on the card with every character covered by
 * a bundled face; a card saved with a post is in the posting package as PNG and SVG. Bad input:
 * text that does not fit (the field and how much to cut named), empty figures, emoji, no emblem.
 */
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_SIZES, CARD_SIZE_NAMES, type CardSpec } from '../../../shared/campaigns/cards';
import { paperFonts } from '../../../electron/core/features/paper/fonts';
import type { CoreFixture } from '../../support/core-fixture';
import { emblemPng } from '../../support/emblem-png';
import { photoUpdate } from '../../support/release-photo';
import { SCRIPT_LINES } from '../paper/fonts.test';
import { PROFILE, releaseCore, writeBody } from '../releases/helpers';

let fx: CoreFixture;
beforeEach(async () => {
  fx = await releaseCore();
});
afterEach(() => fx.cleanup());

const CARDS: Record<CardSpec['template'], CardSpec> = {
  figure: { template: 'figure', title: 'Penumpang “Trans Sukamaju” per hari', entries: [{ value: '12.450', label: 'penumpang rata-rata per hari, November 2026' }], source: 'Sumber: Dishub Kota Sukamaju' },
  figures: {
    template: 'figures',
    title: 'Capaian ‘Selasa Tanpa Rokok’',
    entries: [
      { value: '1.204', label: 'kawasan tanpa rokok' },
      { value: '86%', label: 'sekolah patuh' },
      { value: '3.500', label: 'warga ikut penyuluhan' },
      { value: 'Rp2,1 M', label: 'denda tertagih' },
    ],
    source: '',
  },
  timeline: { template: 'timeline', title: 'Rangkaian Hari Jadi Kota', entries: [{ value: '07.00', label: 'Upacara di Balai Kota' }, { value: '09.30', label: 'Pawai budaya dari alun-alun' }], source: '' },
  quote: { template: 'quote', title: '', entries: [{ value: '“Kota ini milik pejalan kaki, bukan hanya kendaraan.”', label: 'Wali Kota Sukamaju' }], source: '' },
};

/** The text of the labelled groups of an SVG card (its outlines carry their words in aria-label). */
function svgText(svg: string): string[] {
  return [...svg.matchAll(/<g role="img" aria-label="([^"]*)"/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

/** Every point of every outline: fontkit writes absolute commands, so the numbers alternate x, y. */
function outlinePoints(svg: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of svg.matchAll(/ d="([^"]*)"/g)) {
    const n = (m[1]!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    for (let i = 0; i + 1 < n.length; i += 2) out.push([n[i]!, n[i + 1]!]);
  }
  return out;
}

async function withEmblem(scriptLine = SCRIPT_LINES.sunda) {
  const emblem = await fx.core.invoke('attachments.putImage', { mime: 'image/png', base64: (await emblemPng()).toString('base64') });
  await fx.core.invoke('office.save', { ...PROFILE, scriptLine, emblemHash: emblem.hash });
}

describe('infographic cards', () => {
  it('draws every template at every platform size, in the office identity, inside its edges', async () => {
    await withEmblem();
    for (const card of Object.values(CARDS)) {
      for (const size of CARD_SIZE_NAMES) {
        const r = await fx.core.invoke('campaigns.cards.render', { card, size, handles: ['@humassukamaju', '@pemkotsukamaju'] });
        const { width, height } = CARD_SIZES[size];
        const png = await sharp(Buffer.from(r.pngBase64, 'base64')).metadata();
        expect([png.format, png.width, png.height, r.width, r.height]).toEqual(['png', width, height, width, height]);
        expect(r.svg).toContain(`viewBox="0 0 ${width} ${height}"`);
        expect(r.warnings).toEqual([]);
        const text = svgText(r.svg);
        // The words typed (curly quotes and all), the letterhead in its regional script, the handles.
        for (const e of card.entries) expect(text).toContain(e.value);
        if (card.title) expect(text).toContain(card.title);
        expect(text).toContain(SCRIPT_LINES.sunda);
        expect(text).toContain('@humassukamaju   ·   @pemkotsukamaju');
        expect(r.svg).toMatch(/<image [^>]*href="data:image\/png;base64,/);
        for (const [x, y] of outlinePoints(r.svg)) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(width);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(height);
        }
      }
    }
    // No tofu: every character of the card's words and of the letterhead has a glyph in a bundled face.
    const fonts = paperFonts();
    const all = [SCRIPT_LINES.sunda, ...Object.values(CARDS).flatMap((c) => [c.title, c.source, ...c.entries.flatMap((e) => [e.value, e.label])])].join(' ');
    expect(fonts.missing(all)).toEqual([]);
    expect(fonts.missing(all, { bold: true })).toEqual([]);
    expect(fonts.missing(all, { italic: true })).toEqual([]);
  });

  it('takes its colour from the emblem, and without an emblem draws in the default colour with a warning', async () => {
    const bare = await fx.core.invoke('campaigns.cards.render', { card: CARDS.figure, size: 'square', handles: [] });
    expect(bare.svg).not.toContain('<image');
    expect(bare.svg).toContain('fill="#1d4e89"');
    expect(bare.warnings.join(' ')).toMatch(/tanpa lambang/);
    await withEmblem();
    const r = await fx.core.invoke('campaigns.cards.render', { card: CARDS.figure, size: 'square', handles: [] });
    // The invented emblem is a blue shield (#1d4f8c): the accent is that blue, dark enough for white text.
    const accent = /<rect x="0" y="[\d.]+" width="1080" height="[\d.]+" fill="(#[0-9a-f]{6})"/.exec(r.svg)![1]!;
    const [red, green, blue] = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16));
    expect(blue).toBeGreaterThan(red! + 40);
    expect(blue).toBeGreaterThan(green!);
  });

  it('shrinks long text to fit, then names the field and how much to cut', async () => {
    const long = 'Pelayanan administrasi kependudukan keliling menjangkau kelurahan terjauh di wilayah utara kota setiap Sabtu pagi bersama petugas';
    const fits = await fx.core.invoke('campaigns.cards.render', { card: { ...CARDS.figure, title: long, entries: [{ value: '12.450', label: long }] }, size: 'link', handles: [] });
    for (const [x, y] of outlinePoints(fits.svg)) expect(x >= 0 && x <= 1200 && y >= 0 && y <= 628).toBe(true);
    const tooLong = await fx.core.call('campaigns.cards.render', { card: { ...CARDS.figure, entries: [{ value: '1234567890'.repeat(4), label: '' }] }, size: 'story', handles: [] });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'card.entries.0.value', size: 'story' } } });
    if (tooLong.ok) return;
    expect(tooLong.error.message).toMatch(/Pendekkan sekitar \d+ karakter/);
    expect((tooLong.error.details as { shortenBy: number }).shortenBy).toBeGreaterThanOrEqual(10);
    // One unbroken 40-letter word still stays inside the card (broken between letters).
    const word = await fx.core.invoke('campaigns.cards.render', { card: { ...CARDS.timeline, entries: [{ value: '07.00', label: 'x'.repeat(40) }, { value: '08.00', label: 'Apel' }] }, size: 'square', handles: [] });
    for (const [x] of outlinePoints(word.svg)) expect(x).toBeLessThanOrEqual(1080);
  });

  it('bad input: empty figures, too many entries, emoji; clear errors and the core keeps working', async () => {
    const empty = await fx.core.call('campaigns.cards.render', { card: { ...CARDS.figures, entries: [{ value: '', label: 'kawasan' }, { value: '86%', label: 'sekolah' }] }, size: 'square', handles: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!empty.ok) expect(JSON.stringify(empty.error)).toMatch(/angkanya kosong/);
    const none = await fx.core.call('campaigns.cards.render', { card: { ...CARDS.figures, entries: [] }, size: 'square', handles: [] });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const emoji = await fx.core.call('campaigns.cards.render', { card: { ...CARDS.figure, title: 'Capaian luar biasa 🎉🎉' }, size: 'square', handles: [] });
    expect(emoji).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'card.title' } } });
    if (!emoji.ok) expect(emoji.error.message).toContain('🎉');
    // A heart with its emoji selector is a symbol the bundled faces have: drawn, selector dropped.
    const heart = await fx.core.invoke('campaigns.cards.render', { card: { ...CARDS.figure, title: 'Bandung ❤️ pejalan kaki' }, size: 'square', handles: [] });
    expect(svgText(heart.svg)).toContain('Bandung ❤️ pejalan kaki');
  });

  it('is saved with a post of a release and packed as PNG and SVG; a card that does not fit every size is refused', async () => {
    const core = fx.core;
    const r = await core.invoke('releases.create', { title: 'Bus Listrik Trans Sukamaju' });
    await writeBody(core, r.id, 'Pemerintah Kota Sukamaju meluncurkan sepuluh bus listrik.', 'Paragraf kedua.');
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
    const photo = await core.invoke('releases.putPhoto', { fileName: 'bus.jpg', base64: jpeg.toString('base64') });
    const d = await core.invoke('releases.get', { id: r.id });
    await core.invoke('releases.appendBody', { id: r.id, update: photoUpdate(d.bodyState, photo.hash, photo.thumb, 'Bus listrik', 'Humas/Rina') });
    await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
    await core.invoke('releases.transition', { id: r.id, to: 'approved' });
    const [ig] = await core.invoke('campaigns.posts.fromRelease', { releaseId: r.id, accounts: [{ platform: 'instagram', account: '@humas.sukamaju' }], date: '2030-01-09' });

    const refused = await core.call('campaigns.posts.card', { id: ig!.id, card: { ...CARDS.figure, entries: [{ value: '1234567890'.repeat(4), label: '' }] } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.context.db.prepare('SELECT card FROM campaign_posts WHERE id = ?').pluck().get(ig!.id)).toBeNull();

    const saved = await core.invoke('campaigns.posts.card', { id: ig!.id, card: CARDS.figures });
    expect(saved.card).toEqual(CARDS.figures);
    const pkg = await core.invoke('campaigns.posts.package', { ids: [ig!.id] });
    const zip = await JSZip.loadAsync(Buffer.from(pkg.base64, 'base64'));
    const names = Object.keys(zip.files).filter((n) => n.includes('kartu-')).sort();
    expect(names).toEqual(['portrait', 'square', 'story'].flatMap((s) => [`instagram-humas.sukamaju/kartu-${s}.png`, `instagram-humas.sukamaju/kartu-${s}.svg`]));
    const story = await sharp(await zip.file('instagram-humas.sukamaju/kartu-story.png')!.async('nodebuffer')).metadata();
    expect([story.width, story.height]).toEqual([1080, 1920]);
    expect(svgText(await zip.file('instagram-humas.sukamaju/kartu-square.svg')!.async('string'))).toContain('@humas.sukamaju');

    // Cleared again; a reviewed post's card is the reviewed one (no change after approval).
    expect((await core.invoke('campaigns.posts.card', { id: ig!.id, card: null })).card).toBeNull();
    await core.invoke('campaigns.posts.card', { id: ig!.id, card: CARDS.quote });
    await core.invoke('campaigns.posts.step', { id: ig!.id, to: 'review' });
    await core.invoke('campaigns.posts.step', { id: ig!.id, to: 'approved' });
    expect(await core.call('campaigns.posts.card', { id: ig!.id, card: CARDS.figure })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await core.invoke('campaigns.calendar', { from: '2030-01-09', to: '2030-01-09' })).days[0]!.posts[0]!.card).toEqual(CARDS.quote);
  });
});
