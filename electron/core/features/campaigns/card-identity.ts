/**
 * The office's identity on a card: the letterhead's words (and its regional-script line), the
 * emblem, and the office colour. The office profile keeps no colour field, so the colour is the
 * emblem's own — the most common saturated hue of its pixels — darkened until white text on it
 * reads (WCAG contrast ≥ 4.5). Without an emblem the card is drawn in a neutral government blue.
 */
import sharp from 'sharp';
import type { CoreContext } from '../../rpc/handler-types';
import { loadLetterhead, type Letterhead } from '../paper/letterhead';

export interface CardIdentity {
  scriptLine: string;
  institution: string;
  unit: string;
  emblem: Letterhead['emblem'];
  /** "#rrggbb" */
  accent: string;
  handles: string[];
}

export const DEFAULT_ACCENT = '#1d4e89';

const hex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** The emblem's dominant saturated colour, darkened to carry white text; null when it has none. */
export async function accentOf(image: Buffer): Promise<string | null> {
  const { data, info } = await sharp(image).resize(48, 48, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const buckets = Array.from({ length: 12 }, () => ({ n: 0, r: 0, g: 0, b: 0 }));
  for (let i = 0; i < data.length; i += info.channels) {
    const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    if (a < 128) continue;
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    const l = (max + min) / 510;
    const s = max === min ? 0 : (max - min) / 255 / (1 - Math.abs(2 * l - 1));
    if (s < 0.3 || l < 0.1 || l > 0.9) continue;
    const h = max === r ? ((g - b) / (max - min) + 6) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
    const bucket = buckets[Math.floor(h * 2) % 12]!;
    bucket.n++;
    bucket.r += r;
    bucket.g += g;
    bucket.b += b;
  }
  const best = buckets.reduce((a, b) => (b.n > a.n ? b : a));
  if (best.n === 0) return null;
  let rgb = [best.r / best.n, best.g / best.n, best.b / best.n];
  while ((1.05 / (luminance(rgb) + 0.05)) < 4.5) rgb = rgb.map((c) => c * 0.9);
  return hex(rgb);
}

/** The identity of this office for its cards, and what the person should know about it. */
export async function loadCardIdentity(ctx: Pick<CoreContext, 'db' | 'blobs'>, handles: string[]): Promise<{ identity: CardIdentity; warnings: string[] }> {
  const head = await loadLetterhead(ctx);
  const warnings: string[] = [];
  if (!head.institution) warnings.push('Profil kantor belum diisi; kartu dibuat tanpa kop. (The office profile is empty; the card has no letterhead.)');
  let accent: string | null = null;
  if (head.emblem) accent = await accentOf(head.emblem.data).catch(() => null);
  else warnings.push('Profil kantor belum punya lambang; kartu dibuat tanpa lambang. (The office profile has no emblem; the card is drawn without it.)');
  return {
    identity: { scriptLine: head.scriptLine, institution: head.institution, unit: head.unit, emblem: head.emblem, accent: accent ?? DEFAULT_ACCENT, handles },
    warnings,
  };
}
