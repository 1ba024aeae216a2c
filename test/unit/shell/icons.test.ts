/**
 * The committed icons (assets/icons) are what scripts/icons.ts renders from the SVGs, and each
 * container really holds the sizes the platforms ask for, as PNGs of those sizes.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES, renderIcons } from '../../../scripts/icons';

const iconsDir = path.resolve(import.meta.dirname, '../../../assets/icons');
const read = (name: string) => fs.readFileSync(path.join(iconsDir, name));
const sizeOf = async (png: Buffer) => {
  const meta = await sharp(png).metadata();
  expect(meta.format).toBe('png');
  return [meta.width, meta.height];
};

describe('Warta icons', () => {
  it('the committed files are exactly what the SVGs render to (run `npx tsx scripts/icons.ts` after editing them)', async () => {
    const rendered = await renderIcons(iconsDir);
    expect(rendered.size).toBeGreaterThanOrEqual(LINUX_SIZES.length + 4);
    for (const [name, bytes] of rendered) expect(read(name).equals(bytes), name).toBe(true);
  });

  it('the Linux set and icon.png have every size', async () => {
    for (const size of LINUX_SIZES) expect(await sizeOf(read(`png/${size}x${size}.png`))).toEqual([size, size]);
    expect(await sizeOf(read('icon.png'))).toEqual([1024, 1024]);
  });

  it('icon.ico holds 16–256 px PNG entries whose directory matches their pixels', async () => {
    const ico = read('icon.ico');
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    expect(count).toBe(ICO_SIZES.length);
    for (let i = 0; i < count; i++) {
      const at = 6 + 16 * i;
      const declared = ico.readUInt8(at) || 256;
      const png = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
      expect(await sizeOf(png)).toEqual([declared, declared]);
      expect(declared).toBe(ICO_SIZES[i]);
    }
  });

  it('icon.icns holds 16–1024 px PNG entries of the declared types', async () => {
    const icns = read('icon.icns');
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const seen: string[] = [];
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      const size = ICNS_TYPES.find(([t]) => t === type)?.[1];
      expect(size, type).toBeDefined();
      expect(await sizeOf(icns.subarray(at + 8, at + length))).toEqual([size, size]);
      seen.push(type);
      at += length;
    }
    expect(seen).toEqual(ICNS_TYPES.map(([t]) => t));
  });

  it('the tray has its images, the macOS template black on transparent', async () => {
    expect(await sizeOf(read('tray/tray.png'))).toEqual([16, 16]);
    expect(await sizeOf(read('tray/tray@2x.png'))).toEqual([32, 32]);
    const template = await sharp(read('tray/trayTemplate@2x.png')).raw().toBuffer({ resolveWithObject: true });
    expect(template.info.channels).toBe(4);
    for (let i = 0; i < template.data.length; i += 4) expect(template.data[i]! + template.data[i + 1]! + template.data[i + 2]!).toBe(0);
  });
});
