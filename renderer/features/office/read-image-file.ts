import { EMBLEM_MAX_BYTES, IMAGE_MIME } from '../../../shared/contract/methods/office';
import type { ErrorPayload } from '../../../shared/contract/errors';

export type ImageMime = (typeof IMAGE_MIME)[number];
export type ReadImage = { ok: true; mime: ImageMime; base64: string } | { ok: false; error: ErrorPayload };

/**
 * Reads a chosen file for `attachments.putImage`. Files that surely cannot pass (a declared
 * type that is not an allowed image, or more than the limit) are refused here, so a 50 MB
 * file never travels to the core; the core still checks the real content of the rest.
 */
export async function readImageFile(file: File): Promise<ReadImage> {
  if (!(IMAGE_MIME as readonly string[]).includes(file.type)) {
    return { ok: false, error: { code: 'unsupported_file', message: `Berkas “${file.name}” bukan gambar PNG, JPEG, atau WebP.` } };
  }
  if (file.size > EMBLEM_MAX_BYTES) {
    return { ok: false, error: { code: 'payload_too_large', message: 'Berkas gambar lebih dari 2 MB; perkecil dulu gambarnya.' } };
  }
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
  return { ok: true, mime: file.type as ImageMime, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}
