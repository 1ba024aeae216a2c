/**
 * The parts of an exported release, in order, for every format (plain text, WhatsApp, HTML
 * here; PDF and DOCX in the core walk the same parts): letterhead, label, number, urgency or
 * embargo line, title, subtitle, date line (in the office form that has one), body opening
 * with the dateline, quotes, closing block, end mark (*-selesai-* or ###), contact, boilerplate.
 */
import { formatLongDate, instantFromZoned } from '../format/dates';
import type { ZoneLabel } from '../office/time-zones';
import { bodyBlocks, bodyHtml, escapeHtml, type PhotoRef, type PmNode } from './body-text';
import { embargoLine, IMMEDIATE_LINE, isEmbargoed } from './embargo';
import { applyDateline, datelineDateLine, type DatelineForm } from './dateline';
import { letterheadLines, letterheadText, type LetterheadFields } from '../office/letterhead';
import type { EndMark } from '../office/profile';
import type { Contact, Quote, ReleaseFields } from './model';

export type { LetterheadFields } from '../office/letterhead';

export interface ReleaseForExport {
  letterhead: LetterheadFields;
  zone: ZoneLabel;
  number: string | null;
  fields: ReleaseFields;
  body: PmNode;
  /** The office's dateline form and end mark (office profile). */
  datelineForm: DatelineForm;
  endMark: EndMark;
  /** When this copy is made: an embargo that has passed by then is not printed. */
  madeAt: number;
}

/** "Sukamaju, Senin, 21 Oktober 2019": the long date, as the editor shows it beside the date field. */
export function datelineOf(r: Pick<ReleaseForExport, 'fields' | 'zone'>): string {
  const [y, m, d] = r.fields.releaseDate.split('-').map(Number) as [number, number, number];
  const date = formatLongDate(instantFromZoned({ year: y, month: m, day: d, hour: 12, minute: 0 }, r.zone), r.zone);
  return r.fields.datelineCity ? `${r.fields.datelineCity}, ${date}` : date;
}

/** The separate date line above the body (only in the office form that has one). */
export function dateLineOf(r: Pick<ReleaseForExport, 'fields' | 'zone' | 'datelineForm'>): string | null {
  return datelineDateLine(r.datelineForm, r.fields.datelineCity, r.fields.releaseDate, r.zone);
}

/** The body with its opening dateline in the office's form. */
export function bodyOf(r: Pick<ReleaseForExport, 'fields' | 'zone' | 'datelineForm' | 'body'>): PmNode {
  return applyDateline(r.body, r.datelineForm, r.fields.datelineCity, r.fields.releaseDate, r.zone);
}

/**
 * The embargo line while the embargo runs at `now`; after it, a copy is a normal release
 * (an email the outbox sends at the embargo time, a press kit downloaded later).
 */
export function urgencyLineOf(f: Pick<ReleaseFields, 'urgency' | 'embargoAt' | 'embargoZone'>, zone: ZoneLabel, now: number): string {
  return isEmbargoed(f, now) && f.embargoAt ? embargoLine(f.embargoAt, f.embargoZone ?? zone) : IMMEDIATE_LINE;
}

export function numberLineOf(number: string | null): string {
  return `Nomor: ${number ?? '(belum bernomor)'}`;
}

export function quoteLine(q: Quote): string {
  const who = [q.speaker, q.role].filter(Boolean).join(', ');
  return `“${q.text}”${who ? ` — ${who}` : ''}`;
}

export function closingLines(f: ReleaseFields): string[] {
  return [
    ['Sumber', f.source],
    ['Penulis', f.writer],
    ['Fotografer', f.photographer],
    ['Editor', f.editor],
  ]
    .filter(([, v]) => v && v.trim())
    .map(([k, v]) => `${k}: ${v}`);
}

export function contactLines(contacts: Contact[]): string[] {
  return contacts
    .filter((c) => c.name || c.phone || c.email)
    .map((c) => [c.name + (c.position ? ` (${c.position})` : ''), c.phone, c.email].filter(Boolean).join(' · '));
}

export function composePlainText(r: ReleaseForExport): string {
  const f = r.fields;
  const parts: string[] = [
    letterheadLines(r.letterhead).join('\n'),
    `${f.label || 'SIARAN PERS'}\n${numberLineOf(r.number)}\n${urgencyLineOf(f, r.zone, r.madeAt)}`,
    [f.title.toUpperCase(), f.subtitle].filter(Boolean).join('\n'),
    dateLineOf(r) ?? '',
    ...bodyBlocks(bodyOf(r), 'plain'),
  ];
  if (f.quotes.length) parts.push(f.quotes.map(quoteLine).join('\n\n'));
  const closing = closingLines(f);
  if (closing.length) parts.push(closing.join('\n'));
  parts.push(r.endMark);
  const contacts = contactLines(f.contacts);
  if (contacts.length) parts.push(`Narahubung:\n${contacts.join('\n')}`);
  if (f.boilerplate) parts.push(`Tentang kami:\n${f.boilerplate}`);
  return parts.filter((p) => p.trim()).join('\n\n') + '\n';
}

/** WhatsApp: `*bold*`, `_italic_`, no HTML; photo captions as their own lines. */
export function composeWhatsApp(r: ReleaseForExport): string {
  const f = r.fields;
  const parts: string[] = [
    `*${(f.label || 'SIARAN PERS').trim()}*\n${numberLineOf(r.number)}\n_${urgencyLineOf(f, r.zone, r.madeAt)}_`,
    `*${f.title.trim()}*${f.subtitle ? `\n_${f.subtitle.trim()}_` : ''}`,
    dateLineOf(r) ?? '',
    ...bodyBlocks(bodyOf(r), 'whatsapp'),
  ];
  if (f.quotes.length) parts.push(f.quotes.map((q) => `_${quoteLine(q)}_`).join('\n\n'));
  const closing = closingLines(f);
  if (closing.length) parts.push(closing.join('\n'));
  parts.push(r.endMark);
  const contacts = contactLines(f.contacts);
  if (contacts.length) parts.push(`*Narahubung:*\n${contacts.join('\n')}`);
  parts.push(`${r.letterhead.unit}\n${r.letterhead.institution}`);
  return parts.filter((p) => p.trim()).join('\n\n') + '\n';
}

export function composeHtml(r: ReleaseForExport, opts: { emblemSrc?: string | null; photoSrc?: (p: PhotoRef) => string | null; paper?: 'A4' | 'F4' } = {}): string {
  const f = r.fields;
  const e = escapeHtml;
  const t = letterheadText(r.letterhead);
  const kop = [
    t.scriptLine && `<div class="script">${e(t.scriptLine)}</div>`,
    t.institution && `<div class="institution">${e(t.institution)}</div>`,
    t.unit && `<div class="unit">${e(t.unit)}</div>`,
    ...t.contact.map((c) => `<div class="contact">${e(c)}</div>`),
  ].filter(Boolean);
  const closing = closingLines(f);
  const contacts = contactLines(f.contacts);
  const dateLine = dateLineOf(r);
  const size = opts.paper === 'F4' ? '215mm 330mm' : 'A4';
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>${e(f.title || 'Siaran pers')}</title>
<style>
@page { size: ${size}; margin: 20mm; }
body { font-family: "Times New Roman", Tinos, "Liberation Serif", serif; max-width: 170mm; margin: 0 auto; line-height: 1.5; color: #111; }
.kop { display: flex; gap: 16px; align-items: center; padding-bottom: 8px; }
.kop img { width: 72px; height: auto; }
.kop .lines { text-align: center; flex: 1; }
.kop img + .lines { margin-right: 88px; }
.kop .institution { font-weight: bold; font-size: 1.15em; }
.kop .unit { font-weight: bold; }
.kop .script { font-family: "Noto Sans Balinese", "Noto Sans Javanese", "Noto Sans Sundanese", sans-serif; font-size: 1.1em; }
.kop .contact { font-size: .85em; }
.label { text-align: center; font-weight: bold; margin-top: 16px; letter-spacing: .08em; }
.number, .urgency { text-align: center; }
.urgency { font-weight: bold; }
h1 { font-size: 1.4em; margin: 16px 0 4px; }
.subtitle { font-style: italic; margin: 0 0 8px; }
.dateline { color: #333; }
figure { margin: 12px 0; } figure img { max-width: 100%; } figcaption { font-size: .9em; color: #333; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #666; padding: 4px 6px; vertical-align: top; }
blockquote { margin: 8px 24px; font-style: italic; }
.closing, .contacts, .about { margin-top: 16px; }
.end-mark { text-align: center; margin: 16px 0; }
.kop { border-bottom: 3px solid #111; box-shadow: 0 2px 0 #fff, 0 3px 0 #111; }
</style>
</head>
<body>
<header class="kop">${opts.emblemSrc ? `<img src="${e(opts.emblemSrc)}" alt="Lambang">` : ''}<div class="lines">${kop.join('')}</div></header>
<div class="label">${e(f.label || 'SIARAN PERS')}</div>
<div class="number">${e(numberLineOf(r.number))}</div>
<div class="urgency">${e(urgencyLineOf(f, r.zone, r.madeAt))}</div>
<h1>${e(f.title)}</h1>
${f.subtitle ? `<p class="subtitle">${e(f.subtitle)}</p>` : ''}
${dateLine ? `<p class="dateline">${e(dateLine)}</p>` : ''}
<article>${bodyHtml(bodyOf(r), opts.photoSrc)}</article>
${f.quotes.length ? `<section class="quotes">${f.quotes.map((q) => `<blockquote>${e(quoteLine(q))}</blockquote>`).join('')}</section>` : ''}
${closing.length ? `<section class="closing">${closing.map((l) => `<div>${e(l)}</div>`).join('')}</section>` : ''}
<p class="end-mark">${e(r.endMark)}</p>
${contacts.length ? `<section class="contacts"><strong>Narahubung:</strong>${contacts.map((l) => `<div>${e(l)}</div>`).join('')}</section>` : ''}
${f.boilerplate ? `<section class="about"><strong>Tentang kami:</strong> ${e(f.boilerplate)}</section>` : ''}
</body>
</html>
`;
}
