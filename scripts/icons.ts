/**
 * `npx tsx scripts/icons.ts`: every icon the installers and the tray use, drawn from the two SVGs
 * in assets/icons and rendered with sharp (which the app already ships for photos). The outputs
 * are committed, so packaging needs no tool beyond electron-builder; test/unit/shell/icons.test.ts
 * renders them again and fails when the committed files no longer match the SVGs.
 *
 *   icon.png            1024 px, electron-builder's fallback and the Linux window icon
 *   png/NxN.png         the Linux icon set (electron-builder `linux.icon` takes the folder)
 *   icon.ico            Windows: 16–256 px, PNG-compressed entries (Windows Vista and later)
 *   icon.icns           macOS: 16–1024 px, PNG entries
 *   tray/…              the tray: the app icon at 16/32 px, and the W alone as a macOS template image
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** ICNS entry types that hold PNG data, by pixel size (Apple's icns types). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
] as const;

async function renderPng(svg: Buffer, size: number): Promise<Buffer> {
  // Rendered at the target size from the vector (not downscaled from 1024), so small sizes stay sharp.
  const density = Math.max(1, Math.round((72 * size) / 512));
  return sharp(svg, { density }).resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } }).png({ compressionLevel: 9 }).toBuffer();
}

/** ICO with PNG entries: ICONDIR (6 bytes), one 16-byte ICONDIRENTRY per image, then the images. */
export function packIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

/** ICNS: 'icns' + total length, then per entry its 4-letter type, its length (header included) and PNG data. */
export function packIcns(entries: { type: string; png: Buffer }[]): Buffer {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** Every output file, relative to assets/icons, with its bytes. */
export async function renderIcons(iconsDir: string): Promise<Map<string, Buffer>> {
  const appSvg = fs.readFileSync(path.join(iconsDir, 'warta.svg'));
  const traySvg = fs.readFileSync(path.join(iconsDir, 'tray.svg'));
  const bySize = new Map<number, Buffer>();
  for (const size of new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])) bySize.set(size, await renderPng(appSvg, size));
  const at = (size: number) => bySize.get(size) as Buffer;

  const out = new Map<string, Buffer>();
  out.set('icon.png', at(1024));
  for (const size of LINUX_SIZES) out.set(`png/${size}x${size}.png`, at(size));
  out.set('icon.ico', packIco(ICO_SIZES.map((size) => ({ size, png: at(size) }))));
  out.set('icon.icns', packIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: at(size) }))));
  out.set('tray/tray.png', at(16));
  out.set('tray/tray@2x.png', at(32));
  out.set('tray/trayTemplate.png', await renderPng(traySvg, 16));
  out.set('tray/trayTemplate@2x.png', await renderPng(traySvg, 32));
  return out;
}

async function main(): Promise<void> {
  const iconsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
  const files = await renderIcons(iconsDir);
  for (const [name, bytes] of files) {
    const target = path.join(iconsDir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  process.stdout.write(`icons: ${files.size} files written to assets/icons\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
