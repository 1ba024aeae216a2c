/**
 * Reply templates of the public desk (issue 14 item 5): the office's own words with placeholders
 * in braces, filled from the item when the desk answers. One list of placeholders, here, for the
 * core (which refuses a template naming one it does not know), the server's rules and the screen.
 */
export const TEMPLATE_PLACEHOLDERS = ['nama', 'nomor', 'tiket', 'opd', 'hari', 'tenggat', 'kategori', 'lokasi'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

export const TEMPLATE_LIMITS = { name: 100, body: 4000 } as const;

/** How long a public reply may be where it is posted (characters, as each platform counts them for plain text). */
export const PLATFORM_LIMITS = { x: 280, instagram: 2200, facebook: 8000, tiktok: 150, whatsapp: 4096 } as const;
export type ReplyPlatform = keyof typeof PLATFORM_LIMITS;

const PLACEHOLDER = /\{([^{}\s]{0,40})\}/g;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_PLACEHOLDERS);

/** The placeholders in a template that are not known (so a typo such as {nmaa} is caught when saved, not sent). */
export function unknownPlaceholders(body: string): string[] {
  const out = new Set<string>();
  for (const m of body.matchAll(PLACEHOLDER)) if (!KNOWN.has(m[1] ?? '')) out.add(`{${m[1]}}`);
  return [...out];
}

export type TemplateValues = Record<TemplatePlaceholder, string>;

/** The template with each placeholder replaced by the item's value. */
export function fillTemplate(body: string, values: TemplateValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => (KNOWN.has(name) ? values[name as TemplatePlaceholder] : whole));
}

/**
 * Characters as people and platforms count them: an emoji or an accented letter made of several
 * code units counts once (X counts some characters twice; 280 here is a safe reading for
 * Indonesian text, not a copy of X's weighting).
 */
export function replyLength(text: string): number {
  return [...new Intl.Segmenter('id', { granularity: 'grapheme' }).segment(text)].length;
}

/** The platforms whose limit the reply exceeds. */
export function platformsExceeded(text: string): ReplyPlatform[] {
  const n = replyLength(text);
  return (Object.keys(PLATFORM_LIMITS) as ReplyPlatform[]).filter((p) => n > PLATFORM_LIMITS[p]);
}

export interface DeskTemplate {
  id: string;
  name: string;
  body: string;
}
