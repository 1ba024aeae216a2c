import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { paperFonts, REGIONAL_SCRIPTS, regionalScriptOf, type RegionalScript } from '../../../electron/core/features/paper/fonts';
import { woffToSfnt } from '../../../electron/core/features/paper/woff';
import { removeDir, tempDir } from '../../support/temp-dir';

/** What Indonesian copy carries beyond ASCII: names and loanwords, money, units, quotes, dashes, signs. */
export const INDONESIAN_SAMPLE =
  'Rp1.500.000 · 30 °C · ≤ 5 km · ≥ 2 · ± 10% · ½ ¼ ¾ · 2² m³ · “kutipan” ‘kata’ — – … · € £ ¥ · © ® ™ § ¶ † · → ← ↑ ↓ · ✓ · № · ' +
  'Ā ā Ē ē Ī ī Ō ō Ū ū é è ê ë ñ ç ö ü ß Ş ş Ğ ğ ı ą ę ł ń ś ź ż ř š č ž ő ű · Đ đ ơ ư ạ ả ấ ầ ẩ ẫ ậ · α β γ Ω · Ж ж';

export const SCRIPT_LINES: Record<RegionalScript, string> = {
  bali: 'ᬧᬾᬫᬾᬭᬶᬦ᭄ᬢᬄ ᬓᭀᬢ ᬤᬾᬦ᭄ᬧᬲᬃ',
  jawa: 'ꦥꦼꦩꦼꦫꦶꦤ꧀ꦠꦃ ꦏꦸꦛ ꦱꦸꦫꦏꦂꦠ',
  sunda: 'ᮕᮙᮛᮦᮔ᮪ᮒᮂ ᮊᮧᮒ ᮘᮔ᮪ᮓᮥᮀ',
};

const fonts = paperFonts();
const dir = tempDir('fonts');
afterAll(() => removeDir(dir));

describe('the font set', () => {
  it('has a glyph for every character of Indonesian copy in every style, in the face each piece is set in', () => {
    for (const style of [{}, { bold: true }, { italic: true }, { bold: true, italic: true }]) {
      expect(fonts.missing(INDONESIAN_SAMPLE, style), JSON.stringify(style)).toEqual([]);
      for (const piece of fonts.pieces(INDONESIAN_SAMPLE, style)) {
        for (const ch of piece.text) expect(fonts.has(piece.face, ch.codePointAt(0)!), `${ch} in ${piece.face}`).toBe(true);
      }
    }
    // Latin text stays in Tinos; only the signs Tinos lacks go to the fallbacks.
    expect(new Set(fonts.pieces('Wali Kota Surakarta', {}).map((p) => p.face))).toEqual(new Set(['tinos-latin-400-normal']));
    expect(fonts.pieces('≤', {})[0]!.face).toBe('noto-sans-math');
  });

  it('sets each regional-script letterhead line wholly in that script’s face, and knows the script from the text', () => {
    for (const [script, text] of Object.entries(SCRIPT_LINES) as [RegionalScript, string][]) {
      expect(regionalScriptOf(text)).toBe(script);
      const faces = new Set(fonts.pieces(text, {}).map((p) => p.face));
      expect([...faces]).toEqual([`${REGIONAL_SCRIPTS[script].subset}-400-normal`]);
      for (const ch of text) expect(fonts.has(`${REGIONAL_SCRIPTS[script].subset}-400-normal`, ch.codePointAt(0)!), ch).toBe(true);
    }
    expect(regionalScriptOf('PEMERINTAH KOTA')).toBeNull();
  });

  it('WOFF → TrueType keeps the font whole (same glyphs, same cmap)', () => {
    const woff = fonts.buffer('tinos-latin-700-italic');
    const ttf = woffToSfnt(woff);
    const a = fontkit.create(woff) as fontkit.Font;
    const b = fontkit.create(ttf) as fontkit.Font;
    expect(b.numGlyphs).toBe(a.numGlyphs);
    expect(b.glyphForCodePoint(0x41).id).toBe(a.glyphForCodePoint(0x41).id);
    expect(b.postscriptName).toBe(a.postscriptName);
    expect(() => woffToSfnt(Buffer.from('not a font at all, not a woff file header'))).toThrow(/WOFF/);
  });

  it('shapes Aksara Bali, Jawa and Sunda as HarfBuzz does (hb-shape, the reference shaper): the same glyphs in the same order', () => {
    for (const [script, text] of Object.entries(SCRIPT_LINES) as [RegionalScript, string][]) {
      const file = path.join(dir, `${script}.ttf`);
      fs.writeFileSync(file, fonts.regionalSfnt(script));
      const hb = execFileSync('hb-shape', ['--no-glyph-names', '--no-positions', '--no-clusters', file, text], { encoding: 'utf8' }).trim();
      // pdfkit lays text out with fontkit: what it embeds is this glyph run.
      const ours = fonts.font(`${REGIONAL_SCRIPTS[script].subset}-400-normal`).layout(text).glyphs.map((g) => g.id);
      expect(`[${ours.join('|')}]`, script).toBe(hb);
      // Shaping changed the run (reordered vowel signs, conjuncts): this is not a plain character map.
      const face = fonts.font(`${REGIONAL_SCRIPTS[script].subset}-400-normal`);
      expect(ours.join('|'), script).not.toBe([...text].map((ch) => face.glyphForCodePoint(ch.codePointAt(0)!).id).join('|'));
    }
  });
});
