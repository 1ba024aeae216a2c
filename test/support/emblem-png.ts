import sharp from 'sharp';

// The same invented emblem as the end-to-end tests (shield, star, gate): not any region's real coat of arms.
export const EMBLEM_SVG = `
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="230" viewBox="0 0 200 230">
  <path d="M100 6 L188 34 V112 C188 168 148 204 100 224 C52 204 12 168 12 112 V34 Z" fill="#1d4f8c" stroke="#d9a520" stroke-width="8"/>
  <path d="M100 30 L108 52 L131 52 L113 66 L120 88 L100 75 L80 88 L87 66 L69 52 L92 52 Z" fill="#f2c230"/>
  <path d="M62 170 V122 Q100 96 138 122 V170 H118 V136 Q100 124 82 136 V170 Z" fill="#ffffff"/>
  <path d="M40 110 Q34 150 60 186" fill="none" stroke="#f2c230" stroke-width="6" stroke-linecap="round" stroke-dasharray="2 9"/>
  <path d="M160 110 Q166 150 140 186" fill="none" stroke="#ffffff" stroke-width="6" stroke-linecap="round" stroke-dasharray="2 9"/>
  <rect x="52" y="176" width="96" height="14" rx="3" fill="#c0392b"/>
</svg>`;

/** The emblem as PNG bytes, rendered by sharp (no browser needed in core tests). */
export function emblemPng(): Promise<Buffer> {
  return sharp(Buffer.from(EMBLEM_SVG)).png().toBuffer();
}
