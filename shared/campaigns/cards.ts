/**
 * Infographic cards (issue 15, item 4): the office's own figures and words laid out in one of a
 * few common shapes, drawn in the office's identity (emblem, letterhead, colours) at the
 * platforms' image sizes. What is stored is only this spec; the picture is drawn from it on the
 * device each time, so a card follows the office profile and never goes stale.
 */
export const CARD_TEMPLATES = ['figure', 'figures', 'timeline', 'quote'] as const;
export type CardTemplate = (typeof CARD_TEMPLATES)[number];

/** The platforms' image shapes; the photo variants of a posting package use the same. */
export const CARD_SIZES = {
  square: { width: 1080, height: 1080 },
  portrait: { width: 1080, height: 1350 },
  story: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
  link: { width: 1200, height: 628 },
} as const;
export type CardSize = keyof typeof CARD_SIZES;
export const CARD_SIZE_NAMES = Object.keys(CARD_SIZES) as CardSize[];

/**
 * One entry of a card. figure/figures: value "1.250" and label "penumpang per hari";
 * timeline: value "08.00" (when) and label "Upacara" (what); quote: value is the quotation
 * and label the speaker ("Wali Kota Bandung").
 */
export interface CardEntry {
  value: string;
  label: string;
}

export interface CardSpec {
  template: CardTemplate;
  title: string;
  entries: CardEntry[];
  /** "Sumber: BPS Kota Bandung, 2026" — printed small above the footer. */
  source: string;
}

export const CARD_LIMITS = { title: 160, value: 40, quote: 400, label: 160, source: 160 } as const;

/** How many entries each template takes. */
export const CARD_ENTRIES: Record<CardTemplate, { min: number; max: number }> = {
  figure: { min: 1, max: 1 },
  figures: { min: 2, max: 4 },
  timeline: { min: 2, max: 6 },
  quote: { min: 1, max: 1 },
};

export interface CardProblem {
  field: string;
  id: string;
  en: string;
}

const blank = (s: string) => s.trim() === '';

/** What is wrong with a card spec before it is drawn (null: nothing); used by the contract and the rulebook. */
export function cardProblem(card: CardSpec): CardProblem | null {
  if (!(CARD_TEMPLATES as readonly string[]).includes(card.template)) return { field: 'card.template', id: 'Bentuk kartu tidak dikenal', en: 'Unknown card template' };
  const { min, max } = CARD_ENTRIES[card.template];
  if (card.entries.length < min || card.entries.length > max)
    return min === max
      ? { field: 'card.entries', id: `Kartu ini berisi tepat ${min} isian`, en: `This card holds exactly ${min} entry` }
      : { field: 'card.entries', id: `Kartu ini berisi ${min}–${max} isian`, en: `This card holds ${min}–${max} entries` };
  for (const [i, e] of card.entries.entries()) {
    if (blank(e.value))
      return card.template === 'quote'
        ? { field: `card.entries.${i}.value`, id: 'Isi kutipannya', en: 'Type the quotation' }
        : card.template === 'timeline'
          ? { field: `card.entries.${i}.value`, id: `Isian ${i + 1}: isi waktunya`, en: `Entry ${i + 1}: give its time` }
          : { field: `card.entries.${i}.value`, id: `Isian ${i + 1}: angkanya kosong`, en: `Entry ${i + 1}: the figure is empty` };
    if (blank(e.label) && card.template !== 'figure')
      return { field: `card.entries.${i}.label`, id: `Isian ${i + 1}: isi keterangannya`, en: `Entry ${i + 1}: give its label` };
    const valueMax = card.template === 'quote' ? CARD_LIMITS.quote : CARD_LIMITS.value;
    if (e.value.length > valueMax) return { field: `card.entries.${i}.value`, id: `Isian ${i + 1}: maksimal ${valueMax} karakter`, en: `Entry ${i + 1}: at most ${valueMax} characters` };
    if (e.label.length > CARD_LIMITS.label) return { field: `card.entries.${i}.label`, id: `Isian ${i + 1}: keterangan maksimal ${CARD_LIMITS.label} karakter`, en: `Entry ${i + 1}: label at most ${CARD_LIMITS.label} characters` };
  }
  if (card.template !== 'quote' && blank(card.title)) return { field: 'card.title', id: 'Judul kartu wajib diisi', en: 'The card needs a title' };
  if (card.title.length > CARD_LIMITS.title) return { field: 'card.title', id: `Judul kartu maksimal ${CARD_LIMITS.title} karakter`, en: `Card title: at most ${CARD_LIMITS.title} characters` };
  if (card.source.length > CARD_LIMITS.source) return { field: 'card.source', id: `Sumber maksimal ${CARD_LIMITS.source} karakter`, en: `Source: at most ${CARD_LIMITS.source} characters` };
  return null;
}

/** A stored card (JSON text) back to a spec; null when absent or not a card. */
export function parseCard(json: string | null | undefined): CardSpec | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<CardSpec>;
    if (!v || typeof v !== 'object' || !Array.isArray(v.entries) || typeof v.template !== 'string') return null;
    return { template: v.template as CardTemplate, title: String(v.title ?? ''), entries: v.entries.map((e) => ({ value: String(e?.value ?? ''), label: String(e?.label ?? '') })), source: String(v.source ?? '') };
  } catch {
    return null;
  }
}
