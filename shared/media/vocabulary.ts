/**
 * The words of Kerja Sama Media, as stored values. Labels for people are in the renderer's
 * messages; the importer reads the many ways offices write them in their Excel sheets.
 */
export const OUTLET_KINDS = ['print', 'online', 'tv', 'radio', 'social'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

/** Dewan Pers: not registered, registered (data only), verified administratively, verified factually. */
export const PRESS_COUNCIL_STATUSES = ['none', 'registered', 'administrative', 'factual'] as const;
export type PressCouncilStatus = (typeof PRESS_COUNCIL_STATUSES)[number];

/** Uji Kompetensi Wartawan levels. */
export const UKW_LEVELS = ['muda', 'madya', 'utama'] as const;
export type UkwLevel = (typeof UKW_LEVELS)[number];

/** What a partnership contract pays for, each with its own quota. */
export const PRODUCTS = ['news', 'advertorial', 'infotorial', 'photo_gallery', 'psa', 'live'] as const;
export type Product = (typeof PRODUCTS)[number];

export const CONTRACT_STATUSES = ['draft', 'active', 'ended', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Consent to keep a journalist's personal data (UU 27/2022). */
/** The tone of a clipping toward the government, as the media-cooperation staff judge it. */
export const TONES = ['positive', 'neutral', 'negative'] as const;
export type Tone = (typeof TONES)[number];

export const CONSENT_STATES = ['given', 'withdrawn', 'unknown'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** Folds case, accents and punctuation for matching free text. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const KIND_WORDS: [RegExp, OutletKind][] = [
  [/\b(cetak|koran|surat ?kabar|harian|mingguan|majalah|tabloid|print)\b/, 'print'],
  [/\b(televisi|tv|tvri)\b/, 'tv'],
  [/\b(radio|rri|fm|am)\b/, 'radio'],
  [/\b(medsos|media sosial|sosial media|social|instagram|youtube|tiktok|facebook)\b/, 'social'],
  [/\b(online|siber|cyber|daring|portal|website|situs|digital)\b/, 'online'],
];

export function parseOutletKind(raw: string): OutletKind | null {
  const f = fold(raw);
  if (!f) return null;
  for (const [re, kind] of KIND_WORDS) if (re.test(f)) return kind;
  return null;
}

export function parsePressCouncil(raw: string): PressCouncilStatus | null {
  const f = fold(raw);
  if (!f || /^(belum|tidak|none|no|ya tidak|0)\b/.test(f) || f === '-') return f ? 'none' : null;
  if (/faktual|factual/.test(f)) return 'factual';
  if (/administra/.test(f)) return 'administrative';
  if (/terverifikasi|verified|verifikasi/.test(f)) return 'administrative';
  if (/terdaftar|registered|daftar/.test(f)) return 'registered';
  return null;
}

export function parseUkwLevel(raw: string): UkwLevel | null {
  const f = fold(raw);
  if (!f) return null;
  if (/utama/.test(f)) return 'utama';
  if (/madya/.test(f)) return 'madya';
  if (/muda/.test(f)) return 'muda';
  return null;
}

const PRODUCT_WORDS: [RegExp, Product][] = [
  [/advertorial/, 'advertorial'],
  [/infotorial/, 'infotorial'],
  [/galeri|foto|photo/, 'photo_gallery'],
  [/ilm|iklan layanan|layanan masyarakat|psa/, 'psa'],
  [/siaran langsung|live|langsung/, 'live'],
  [/berita|news|rilis/, 'news'],
];

export function parseProduct(raw: string): Product | null {
  const f = fold(raw);
  for (const [re, p] of PRODUCT_WORDS) if (re.test(f)) return p;
  return null;
}
