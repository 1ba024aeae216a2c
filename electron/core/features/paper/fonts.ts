/**
 * The one font set of everything Warta prints (PDF) and names (DOCX): Tinos for text, which
 * is metric-compatible with Times New Roman (the font the DOCX names, and LibreOffice's
 * Liberation Serif), so a release set by Warta and the same release opened in Word or
 * LibreOffice break their lines alike. The fonts come from npm (fontsource) and are embedded
 * in every PDF; nothing relies on the 14 standard PDF fonts, which print only Latin-1.
 *
 * fontsource splits each family by Unicode range (latin, latin-ext, vietnamese, …), so a
 * style is a chain of faces and every character goes to the first face that has a glyph for
 * it; after the text faces come Noto Sans Math (≤, →, ∞ …), Noto Sans Symbols 2 (✓, ☎ …) and
 * the regional scripts (Aksara Bali, Jawa, Sunda). The `.woff` files are used because
 * fontkit's subsetter throws on the `.woff2` ones (`RangeError: Offset is outside the bounds
 * of the DataView` at `doc.end()`).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { woffToSfnt } from './woff';

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
}

export type RegionalScript = 'bali' | 'jawa' | 'sunda';

interface FaceSpec {
  key: string;
  pkg: string;
  file: string;
  bold: boolean;
  italic: boolean;
  /** Fallback faces exist in one weight or two; they serve every style. */
  fallback: boolean;
}

/** The name DOCX files give the text font (Tinos is drawn to its metrics). */
export const DOCX_TEXT_FONT = 'Times New Roman';

export const REGIONAL_SCRIPTS: Record<RegionalScript, { name: string; pkg: string; subset: string; range: [number, number]; label: string }> = {
  bali: { name: 'Noto Sans Balinese', pkg: '@fontsource/noto-sans-balinese', subset: 'noto-sans-balinese-balinese', range: [0x1b00, 0x1b7f], label: 'Aksara Bali' },
  jawa: { name: 'Noto Sans Javanese', pkg: '@fontsource/noto-sans-javanese', subset: 'noto-sans-javanese-javanese', range: [0xa980, 0xa9df], label: 'Aksara Jawa' },
  sunda: { name: 'Noto Sans Sundanese', pkg: '@fontsource/noto-sans-sundanese', subset: 'noto-sans-sundanese-sundanese', range: [0x1b80, 0x1bbf], label: 'Aksara Sunda' },
};

const TEXT_SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'];

function faceSpecs(): FaceSpec[] {
  const out: FaceSpec[] = [];
  for (const bold of [false, true]) {
    for (const italic of [false, true]) {
      for (const subset of TEXT_SUBSETS) {
        const file = `tinos-${subset}-${bold ? 700 : 400}-${italic ? 'italic' : 'normal'}.woff`;
        out.push({ key: file.replace(/\.woff$/, ''), pkg: '@fontsource/tinos', file, bold, italic, fallback: false });
      }
    }
  }
  out.push({ key: 'noto-sans-math', pkg: '@fontsource/noto-sans-math', file: 'noto-sans-math-latin-400-normal.woff', bold: false, italic: false, fallback: true });
  out.push({ key: 'noto-sans-symbols-2', pkg: '@fontsource/noto-sans-symbols-2', file: 'noto-sans-symbols-2-symbols-400-normal.woff', bold: false, italic: false, fallback: true });
  for (const s of Object.values(REGIONAL_SCRIPTS)) {
    for (const bold of [false, true]) {
      const file = `${s.subset}-${bold ? 700 : 400}-normal.woff`;
      out.push({ key: file.replace(/\.woff$/, ''), pkg: s.pkg, file, bold, italic: false, fallback: true });
    }
  }
  return out;
}

const require = createRequire(import.meta.url);

function packageDir(pkg: string): string {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

export interface Piece {
  text: string;
  /** The key the face is registered under in a PDF document. */
  face: string;
}

/** Marks, joiners and variation selectors stay with the face of the character they modify. */
const CLINGS = /^(?:\p{M}|\u200c|\u200d)$/u;

export class FontSet {
  private readonly specs = faceSpecs();
  private readonly buffers = new Map<string, Buffer>();
  private readonly parsed = new Map<string, fontkit.Font>();
  private readonly chains = new Map<string, FaceSpec[]>();
  private readonly cache = new Map<string, string | null>();

  /** The file of a face, read once per process. */
  buffer(key: string): Buffer {
    let b = this.buffers.get(key);
    if (!b) {
      const spec = this.specs.find((s) => s.key === key);
      if (!spec) throw new Error(`Unknown font face ${key}`);
      b = fs.readFileSync(path.join(packageDir(spec.pkg), 'files', spec.file));
      this.buffers.set(key, b);
    }
    return b;
  }

  font(key: string): fontkit.Font {
    let f = this.parsed.get(key);
    if (!f) {
      f = fontkit.create(this.buffer(key)) as fontkit.Font;
      this.parsed.set(key, f);
    }
    return f;
  }

  /** The faces tried for a style, in order. */
  chain(style: TextStyle = {}): FaceSpec[] {
    const id = `${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}`;
    let c = this.chains.get(id);
    if (!c) {
      const text = this.specs.filter((s) => !s.fallback && s.bold === !!style.bold && s.italic === !!style.italic);
      const fallbacks = this.specs.filter((s) => s.fallback);
      // A bold style prefers the bold cut of a regional script; others take the regular one.
      fallbacks.sort((a, b) => Number(a.bold !== !!style.bold) - Number(b.bold !== !!style.bold));
      c = [...text, ...fallbacks];
      this.chains.set(id, c);
    }
    return c;
  }

  /** The first face of the style with a glyph for the code point, or null when none has one. */
  faceFor(cp: number, style: TextStyle = {}): string | null {
    const id = `${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}:${cp}`;
    if (this.cache.has(id)) return this.cache.get(id) ?? null;
    const face = this.chain(style).find((s) => this.font(s.key).hasGlyphForCodePoint(cp))?.key ?? null;
    this.cache.set(id, face);
    return face;
  }

  has(face: string, cp: number): boolean {
    return this.font(face).hasGlyphForCodePoint(cp);
  }

  /** Splits text into runs of one face each. A character no face has goes to the style's first face (it prints as a box). */
  pieces(text: string, style: TextStyle = {}): Piece[] {
    const primary = this.chain(style)[0]!.key;
    const out: Piece[] = [];
    let current: Piece | null = null;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let face: string;
      if (current && (CLINGS.test(ch) || /\s/.test(ch)) && this.has(current.face, cp)) face = current.face;
      else face = this.faceFor(cp, style) ?? (current && /\s/.test(ch) ? current.face : primary);
      if (current && current.face === face) current.text += ch;
      else {
        current = { text: ch, face };
        out.push(current);
      }
    }
    return out;
  }

  /** Characters of the text that no face of the set can print (whitespace and controls aside). */
  missing(text: string, style: TextStyle = {}): string[] {
    const out = new Set<string>();
    for (const ch of text) {
      if (/^(?:\s|\p{Cc}|\u200c|\u200d)$/u.test(ch)) continue;
      if (!this.faceFor(ch.codePointAt(0)!, style)) out.add(ch);
    }
    return [...out];
  }

  /** Registers every face with a pdfkit document (embedding happens only for faces used). */
  register(doc: PDFKit.PDFDocument): void {
    for (const s of this.specs) doc.registerFont(s.key, this.buffer(s.key));
  }

  /** The plain TrueType file of a regional script's face, for embedding in DOCX. */
  regionalSfnt(script: RegionalScript, bold = false): Buffer {
    return woffToSfnt(this.buffer(`${REGIONAL_SCRIPTS[script].subset}-${bold ? 700 : 400}-normal`));
  }

  primary(style: TextStyle = {}): string {
    return this.chain(style)[0]!.key;
  }

  /** Faces whose glyphs are taller than text (the regional scripts): their lines grow to fit. */
  tall(face: string): boolean {
    return Object.values(REGIONAL_SCRIPTS).some((s) => face.startsWith(s.subset));
  }

  /** The file of a face on disk (pdfkit's default font is given as a path). */
  path(key: string): string {
    const spec = this.specs.find((s) => s.key === key);
    if (!spec) throw new Error(`Unknown font face ${key}`);
    return path.join(packageDir(spec.pkg), 'files', spec.file);
  }
}

let shared: FontSet | null = null;

/** The process-wide font set (files are read once and kept). */
export function paperFonts(): FontSet {
  shared ??= new FontSet();
  return shared;
}

/** The regional script a text is written in, from its characters (the first one found). */
export function regionalScriptOf(text: string): RegionalScript | null {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    for (const [k, s] of Object.entries(REGIONAL_SCRIPTS)) if (cp >= s.range[0] && cp <= s.range[1]) return k as RegionalScript;
  }
  return null;
}
