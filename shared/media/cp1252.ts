/**
 * Windows-1252, the encoding of CSV files saved by Excel on Indonesian Windows. Node's
 * TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters (so ‘ ’ “ ” – €
 * vanish); the WHATWG table below gives the characters Excel meant.
 */
const HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) {
      const b = bytes[j] as number;
      codes.push(b >= 0x80 && b <= 0x9f ? (HIGH[b - 0x80] as number) : b);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
