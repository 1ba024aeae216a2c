import sharp from 'sharp';
import { WartaError } from '../../../../shared/contract/errors';
import type { PhotoStored } from '../../../../shared/contract/methods/releases';
import { PHOTO_MAX_BYTES } from '../../../../shared/releases/model';
import type { CoreContext } from '../../rpc/handler-types';
import { sniffImage } from '../attachments/image-sniff';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
export const THUMB_WIDTH = 640;

/**
 * A release photo: the full-size file stored by content hash (the press kit ships it as is),
 * plus a JPEG thumbnail for the editor and lists. The bytes decide what a file is, not its name.
 */
export async function storePhoto(ctx: CoreContext, base64: string, fileName: string): Promise<PhotoStored> {
  const name = fileName || 'berkas';
  if (base64.length > Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 4) {
    throw new WartaError('payload_too_large', `Foto "${name}" lebih dari 20 MB; perkecil dulu (misalnya ekspor ulang dari kamera atau ponsel).`, {
      limit: PHOTO_MAX_BYTES,
      fileName: name,
    });
  }
  if (!BASE64.test(base64)) throw new WartaError('invalid_input', `Data foto "${name}" tidak terbaca.`);
  const data = Buffer.from(base64, 'base64');
  if (data.length === 0) throw new WartaError('unsupported_file', `Berkas "${name}" kosong.`, { fileName: name });
  const mime = sniffImage(data);
  if (!mime) {
    throw new WartaError('unsupported_file', `Berkas "${name}" bukan gambar JPEG, PNG, atau WebP, walaupun namanya seperti gambar.`, { fileName: name });
  }
  let meta: { width?: number; height?: number };
  let thumb: Buffer;
  try {
    const image = sharp(data, { failOn: 'error', limitInputPixels: 100_000_000 });
    meta = await image.metadata();
    thumb = await sharp(data).rotate().resize({ width: THUMB_WIDTH, withoutEnlargement: true }).jpeg({ quality: 78 }).toBuffer();
  } catch {
    throw new WartaError('unsupported_file', `Gambar "${name}" rusak atau tidak bisa dibaca.`, { fileName: name });
  }
  const full = ctx.blobs.put(data);
  const small = ctx.blobs.put(thumb);
  return { hash: full.hash, thumb: small.hash, mime, width: meta.width ?? 0, height: meta.height ?? 0, size: full.size };
}

/** A photo (thumbnail or full size: the caller names the hash) as a data URL. */
export function photoDataUrl(ctx: CoreContext, hash: string): { dataUrl: string; mime: string } {
  if (!ctx.blobs.has(hash)) throw new WartaError('not_found', 'Foto tidak ditemukan.', { hash });
  const data = ctx.blobs.get(hash);
  const mime = sniffImage(data) ?? 'application/octet-stream';
  return { mime, dataUrl: `data:${mime};base64,${data.toString('base64')}` };
}
