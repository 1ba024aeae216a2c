import sharp from 'sharp';
import { sniffImage } from './image-sniff';

/** JPEG or PNG bytes for PDF/DOCX (neither takes WebP), at most `maxWidth` pixels wide. */
export async function printableImage(data: Buffer, maxWidth: number): Promise<{ data: Buffer; width: number; height: number; type: 'jpg' | 'png' }> {
  const img = sharp(data).rotate().resize({ width: maxWidth, withoutEnlargement: true });
  const mime = sniffImage(data);
  const out = mime === 'image/png' ? await img.png().toBuffer({ resolveWithObject: true }) : await img.jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
  return { data: out.data, width: out.info.width, height: out.info.height, type: mime === 'image/png' ? 'png' : 'jpg' };
}
