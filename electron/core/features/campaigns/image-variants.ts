/**
 * A release photo in each platform's shape (square, portrait 4:5, story 9:16, landscape 16:9,
 * link preview 1.91:1), cropped around a chosen focal point so the face or the ribbon being cut
 * stays in every shape. Made with sharp: the camera's orientation is applied first; nothing of the
 * original's metadata is carried (GPS position, camera serial) except the caption and credit,
 * written afresh.
 */
import sharp, { type OutputInfo } from 'sharp';
import { CARD_SIZES } from '../../../../shared/campaigns/cards';
import { WartaError } from '../../../../shared/contract/errors';

export const IMAGE_VARIANTS = CARD_SIZES;
export type VariantName = keyof typeof IMAGE_VARIANTS;

/** A photo file larger than this is refused before it is decoded. */
export const VARIANT_MAX_BYTES = 40 * 1024 * 1024;
const MAX_PIXELS = 100_000_000;

export interface Focal {
  /** 0 (left) … 1 (right) of the upright photo. */
  x: number;
  /** 0 (top) … 1 (bottom). */
  y: number;
}

export interface Variant {
  name: VariantName;
  width: number;
  height: number;
  jpeg: Buffer;
}

export interface VariantSet {
  variants: Variant[];
  /** Things the person should know, not stop for (a photo without a credit may lack the right to publish). */
  warnings: string[];
}

/** The largest box of the target's shape inside w×h, centred on the focal point as far as the edges allow. */
export function focalCrop(w: number, h: number, target: { width: number; height: number }, focal: Focal): { left: number; top: number; width: number; height: number } {
  const aspect = target.width / target.height;
  const width = w / h > aspect ? Math.round(h * aspect) : w;
  const height = w / h > aspect ? h : Math.round(w / aspect);
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  return { left: clamp(Math.round(focal.x * w - width / 2), w - width), top: clamp(Math.round(focal.y * h - height / 2), h - height), width, height };
}

/** Only printable ASCII goes into EXIF text (its ASCII type); other letters are transliterated or dropped. */
function exifText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, 500);
}

export async function makeVariants(data: Buffer, o: { name: string; focal: Focal; caption: string; credit: string; only?: readonly VariantName[] }): Promise<VariantSet> {
  if (data.length > VARIANT_MAX_BYTES)
    throw new WartaError('payload_too_large', `Foto "${o.name}" lebih dari ${VARIANT_MAX_BYTES / 1024 / 1024} MB; perkecil dulu. (The photo is larger than ${VARIANT_MAX_BYTES / 1024 / 1024} MB.)`, { limit: VARIANT_MAX_BYTES });
  let raw: { data: Buffer; info: OutputInfo };
  try {
    // Decoded once, upright; every shape is cut from the same pixels.
    raw = await sharp(data, { failOn: 'truncated', limitInputPixels: MAX_PIXELS }).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  } catch {
    throw new WartaError('unsupported_file', `Gambar "${o.name}" rusak, terpotong, atau terlalu besar untuk dibaca. (The image is damaged, truncated or too large.)`, { fileName: o.name });
  }
  const { width: w, height: h, channels } = raw.info;
  // sharp takes no empty EXIF text: only what there is.
  const fields = Object.entries({ ImageDescription: exifText(o.caption), Artist: exifText(o.credit), Copyright: exifText(o.credit) }).filter(([, v]) => v.trim() !== '');
  const exif = { IFD0: Object.fromEntries(fields) };
  const names = o.only ?? (Object.keys(IMAGE_VARIANTS) as VariantName[]);
  const variants = await Promise.all(
    names.map(async (name) => {
      const target = IMAGE_VARIANTS[name];
      const box = focalCrop(w, h, target, o.focal);
      const jpeg = await sharp(raw.data, { raw: { width: w, height: h, channels } })
        .extract(box)
        .resize(target.width, target.height, { fit: 'fill' })
        .jpeg({ quality: 85 })
        .withExif(exif)
        .toBuffer();
      return { name, width: target.width, height: target.height, jpeg };
    }),
  );
  const warnings: string[] = [];
  if (!o.credit.trim()) warnings.push(`Foto "${o.name}" tanpa kredit fotografer: pastikan hak untuk mempublikasikannya. (The photo has no credit: make sure it may be published.)`);
  return { variants, warnings };
}
