/**
 * Image variants with sharp, on real images: every platform size, the focal point kept in the
 * crop, EXIF orientation honoured, GPS and other metadata stripped with caption and credit kept;
 * a truncated or oversized file refused with a typed error; a missing credit warned about.
 */
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGE_VARIANTS, makeVariants, VARIANT_MAX_BYTES } from '../../../electron/core/features/campaigns/image-variants';
import { WartaError } from '../../../shared/contract/errors';

/** A 3000×2000 photo, grey, with a red 200×200 square centred at (2500, 500): the subject. */
async function photo(extra: (s: Sharp) => Sharp = (s) => s): Promise<Buffer> {
  const subject = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#ff0000' } }).png().toBuffer();
  const base = sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#808080' } }).composite([{ input: subject, left: 2400, top: 400 }]).jpeg();
  return extra(base).toBuffer();
}

async function pixel(jpeg: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

const isRed = ([r, g, b]: [number, number, number]) => r > 200 && g < 60 && b < 60;

describe('image variants', () => {
  it('makes all five sizes around the focal point, with caption and credit and no GPS', async () => {
    const input = await photo((s) => s.withExif({ IFD0: { Make: 'Kamera' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '7/1 33/1 0/1' } }));
    const inMeta = await sharp(input).metadata();
    expect(inMeta.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer
    const set = await makeVariants(input, { name: 'bus.jpg', focal: { x: 2500 / 3000, y: 500 / 2000 }, caption: 'Wali Kota meresmikan “Bus Listrik”', credit: 'Foto: Humas/Rina' });
    expect(set.warnings).toEqual([]);
    expect(set.variants.map((v) => v.name)).toEqual(Object.keys(IMAGE_VARIANTS));
    for (const v of set.variants) {
      const meta = await sharp(v.jpeg).metadata();
      expect([meta.width, meta.height], v.name).toEqual([IMAGE_VARIANTS[v.name].width, IMAGE_VARIANTS[v.name].height]);
      expect(meta.exif?.includes(Buffer.from([0x25, 0x88])) ?? false, `${v.name} has no GPS`).toBe(false);
      const exif = meta.exif?.toString('latin1') ?? '';
      expect(exif).toContain('Wali Kota meresmikan "Bus Listrik"');
      expect(exif).toContain('Foto: Humas/Rina');
      expect(exif).not.toContain('Kamera');
    }
    // The subject is inside every crop: the story (9:16) is cut from the right of the wide photo.
    const story = set.variants.find((v) => v.name === 'story')!;
    // Story crop of 3000×2000 is 1125×2000 at left 1875 (clamped): the subject's centre at x 625/1125, y 500/2000.
    expect(isRed(await pixel(story.jpeg, Math.round((625 / 1125) * 1080), Math.round((500 / 2000) * 1920)))).toBe(true);
    const centred = await makeVariants(input, { name: 'bus.jpg', focal: { x: 0.5, y: 0.5 }, caption: '', credit: 'x' });
    const storyCentred = centred.variants.find((v) => v.name === 'story')!;
    expect(isRed(await pixel(storyCentred.jpeg, 540, 480))).toBe(false);
  });

  it('honours EXIF orientation: a landscape file marked "rotate 90°" is a portrait photo', async () => {
    // Stored 400×300 with its left half red; shown upright (turned 90° clockwise) the red is the top half.
    const red = await sharp({ create: { width: 200, height: 300, channels: 3, background: '#ff0000' } }).png().toBuffer();
    const input = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080' } }).composite([{ input: red, left: 0, top: 0 }]).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const set = await makeVariants(input, { name: 'hp.jpg', focal: { x: 0.5, y: 0.5 }, caption: '', credit: 'Humas', only: ['portrait'] });
    const meta = await sharp(set.variants[0]!.jpeg).metadata();
    expect(meta.orientation ?? 1).toBe(1);
    // Upright it is 300×400 (3:4): a 4:5 crop takes its full width.
    expect([meta.width, meta.height]).toEqual([1080, 1350]);
    expect(isRed(await pixel(set.variants[0]!.jpeg, 540, 150))).toBe(true);
    expect(isRed(await pixel(set.variants[0]!.jpeg, 540, 1250))).toBe(false);
  });

  it('bad input: truncated file, oversized file, no credit', async () => {
    const whole = await photo();
    await expect(makeVariants(whole.subarray(0, Math.floor(whole.length / 2)), { name: 'potong.jpg', focal: { x: 0.5, y: 0.5 }, caption: '', credit: 'x' })).rejects.toMatchObject({ code: 'unsupported_file' });
    const big = Buffer.alloc(VARIANT_MAX_BYTES + 1);
    const err = await makeVariants(big, { name: 'besar.jpg', focal: { x: 0.5, y: 0.5 }, caption: '', credit: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WartaError);
    expect(err).toMatchObject({ code: 'payload_too_large' });
    const noCredit = await makeVariants(whole, { name: 'tanpa.jpg', focal: { x: 0.5, y: 0.5 }, caption: '', credit: ' ', only: ['square'] });
    expect(noCredit.warnings[0]).toContain('tanpa kredit');
  });
});
