/**
 * The personal parts of a distributed release, the same for the core (email) and the screens
 * (preview, WhatsApp links): the greeting, the subject with or without the embargo line, and
 * the click-to-chat link.
 */
import { whatsappDigits } from '../media/phone';
import { escapeHtml } from '../releases/body-text';

/** Placeholders of the greeting template; anything else in braces is refused. */
export const GREETING_PLACEHOLDERS = ['nama', 'media'] as const;

export function unknownPlaceholders(template: string): string[] {
  const found = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
  return found.filter((p) => !(GREETING_PLACEHOLDERS as readonly string[]).includes(p));
}

/**
 * "Yth. {nama} — {media}" filled in. An outlet's own newsroom address has no person's name:
 * it is greeted as "Redaksi <media>", and a dash with nothing after it is dropped.
 */
export function greetingFor(template: string, r: { name: string; outletName: string; journalistId: string | null }): string {
  const name = r.journalistId ? r.name.trim() : `Redaksi ${r.outletName.trim()}`.trim();
  const media = r.journalistId ? r.outletName.trim() : '';
  return template
    .replace(/\{nama\}/g, name)
    .replace(/\{media\}/g, media)
    .replace(/\s*[—–-]\s*$/u, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** "[EMBARGO …] Judul" before the embargo for trusted recipients; the plain title otherwise. */
export function subjectFor(title: string, embargoLine: string | null): string {
  const t = title.trim() || 'Siaran Pers';
  return embargoLine ? `[${embargoLine}] ${t}` : t;
}

/** The greeting and an optional embargo notice placed above the release in plain text. */
export function textWithGreeting(greeting: string, embargoNotice: string | null, releaseText: string): string {
  return [greeting, '', ...(embargoNotice ? [embargoNotice, ''] : []), releaseText].join('\n');
}

/** The same for HTML: inserted right after <body>, so the letterhead layout stays intact. */
export function htmlWithGreeting(greeting: string, embargoNotice: string | null, releaseHtml: string): string {
  const top =
    `<p style="font-family:Georgia,serif;font-size:12pt">${escapeHtml(greeting)}</p>` +
    (embargoNotice ? `<p style="font-family:Georgia,serif;font-size:12pt;font-weight:bold;color:#b00020">${escapeHtml(embargoNotice)}</p>` : '');
  const at = releaseHtml.search(/<body[^>]*>/i);
  if (at < 0) return top + releaseHtml;
  const end = releaseHtml.indexOf('>', at) + 1;
  return releaseHtml.slice(0, end) + top + releaseHtml.slice(end);
}

/** +6281234567890 or 0812-3456-7890 → "6281234567890" as wa.me wants it; null if not a mobile number (a landline has no WhatsApp). */
export function whatsappNumber(raw: string | null | undefined): string | null {
  return whatsappDigits(raw);
}

/**
 * WhatsApp's official click-to-chat link (https://wa.me/<number>?text=…). It opens a chat with
 * the text filled in; the officer presses send. No unofficial automation of WhatsApp.
 */
export function whatsappLink(number: string, text: string): string {
  return `https://wa.me/${number}?text=${encodeURIComponent(text)}`;
}
