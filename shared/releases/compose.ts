/**
 * The parts of an exported release, in order, for every format (plain text, WhatsApp, HTML
 * here; PDF and DOCX in the core walk the same parts): letterhead, label, number, urgency or
 * embargo line, title, subtitle, dateline, body, quotes, closing block, contact, boilerplate.
 */
import { formatLongDate, instantFromZoned } from '../format/dates';
import type { ZoneLabel } from '../office/time-zones';
import { bodyBlocks, bodyHtml, escapeHtml, type PhotoRef, type PmNode } from './body-text';
import { embargoLine, IMMEDIATE_LINE } from './embargo';
import type { Contact, Quote, ReleaseFields } from './model';

export interface Letterhead {
  institution: string;
  unit: string;
  address: string;
  phone: string;
  email: string;
  website: string;
}

export interface ReleaseForExport {
  letterhead: Letterhead;
  zone: ZoneLabel;
  number: string | null;
  fields: ReleaseFields;
  body: PmNode;
}

/** "Sukamaju, Senin, 21 Oktober 2019" */
export function datelineOf(r: Pick<ReleaseForExport, 'fields' | 'zone'>): string {
  const [y, m, d] = r.fields.releaseDate.split('-').map(Number) as [number, number, number];
  const date = formatLongDate(instantFromZoned({ year: y, month: m, day: d, hour: 12, minute: 0 }, r.zone), r.zone);
  return r.fields.datelineCity ? `${r.fields.datelineCity}, ${date}` : date;
}

export function urgencyLineOf(f: ReleaseFields, zone: ZoneLabel): string {
  return f.urgency === 'embargo' && f.embargoAt ? embargoLine(f.embargoAt, f.embargoZone ?? zone) : IMMEDIATE_LINE;
}

export function numberLineOf(number: string | null): string {
  return `Nomor: ${number ?? '(belum bernomor)'}`;
}

export function letterheadLines(l: Letterhead): string[] {
  const contacts = [l.phone && `Telp. ${l.phone}`, l.email && `Email: ${l.email}`, l.website && l.website].filter(Boolean).join(' · ');
  return [l.institution.toUpperCase(), l.unit.toUpperCase(), l.address, contacts].filter((s) => s.trim() !== '');
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
    `${f.label || 'SIARAN PERS'}\n${numberLineOf(r.number)}\n${urgencyLineOf(f, r.zone)}`,
    [f.title.toUpperCase(), f.subtitle].filter(Boolean).join('\n'),
    datelineOf(r),
    ...bodyBlocks(r.body, 'plain'),
  ];
  if (f.quotes.length) parts.push(f.quotes.map(quoteLine).join('\n\n'));
  const closing = closingLines(f);
  if (closing.length) parts.push(closing.join('\n'));
  const contacts = contactLines(f.contacts);
  if (contacts.length) parts.push(`Narahubung:\n${contacts.join('\n')}`);
  if (f.boilerplate) parts.push(`Tentang kami:\n${f.boilerplate}`);
  return parts.filter((p) => p.trim()).join('\n\n') + '\n';
}

/** WhatsApp: `*bold*`, `_italic_`, no HTML; photo captions as their own lines. */
export function composeWhatsApp(r: ReleaseForExport): string {
  const f = r.fields;
  const parts: string[] = [
    `*${(f.label || 'SIARAN PERS').trim()}*\n${numberLineOf(r.number)}\n_${urgencyLineOf(f, r.zone)}_`,
    `*${f.title.trim()}*${f.subtitle ? `\n_${f.subtitle.trim()}_` : ''}`,
    datelineOf(r),
    ...bodyBlocks(r.body, 'whatsapp'),
  ];
  if (f.quotes.length) parts.push(f.quotes.map((q) => `_${quoteLine(q)}_`).join('\n\n'));
  const closing = closingLines(f);
  if (closing.length) parts.push(closing.join('\n'));
  const contacts = contactLines(f.contacts);
  if (contacts.length) parts.push(`*Narahubung:*\n${contacts.join('\n')}`);
  parts.push(`${r.letterhead.unit}\n${r.letterhead.institution}`);
  return parts.filter((p) => p.trim()).join('\n\n') + '\n';
}

export function composeHtml(r: ReleaseForExport, opts: { emblemSrc?: string | null; photoSrc?: (p: PhotoRef) => string | null; paper?: 'A4' | 'F4' } = {}): string {
  const f = r.fields;
  const e = escapeHtml;
  const kop = letterheadLines(r.letterhead);
  const closing = closingLines(f);
  const contacts = contactLines(f.contacts);
  const size = opts.paper === 'F4' ? '215mm 330mm' : 'A4';
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>${e(f.title || 'Siaran pers')}</title>
<style>
@page { size: ${size}; margin: 20mm; }
body { font-family: "Times New Roman", serif; max-width: 170mm; margin: 0 auto; line-height: 1.5; color: #111; }
.kop { display: flex; gap: 16px; align-items: center; border-bottom: 3px double #111; padding-bottom: 8px; }
.kop img { width: 72px; height: auto; }
.kop .lines { text-align: center; flex: 1; }
.kop .lines div:first-child { font-weight: bold; font-size: 1.15em; }
.kop .lines div:nth-child(2) { font-weight: bold; }
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
</style>
</head>
<body>
<header class="kop">${opts.emblemSrc ? `<img src="${e(opts.emblemSrc)}" alt="Lambang">` : ''}<div class="lines">${kop.map((l) => `<div>${e(l)}</div>`).join('')}</div></header>
<div class="label">${e(f.label || 'SIARAN PERS')}</div>
<div class="number">${e(numberLineOf(r.number))}</div>
<div class="urgency">${e(urgencyLineOf(f, r.zone))}</div>
<h1>${e(f.title)}</h1>
${f.subtitle ? `<p class="subtitle">${e(f.subtitle)}</p>` : ''}
<p class="dateline">${e(datelineOf(r))}</p>
<article>${bodyHtml(r.body, opts.photoSrc)}</article>
${f.quotes.length ? `<section class="quotes">${f.quotes.map((q) => `<blockquote>${e(quoteLine(q))}</blockquote>`).join('')}</section>` : ''}
${closing.length ? `<section class="closing">${closing.map((l) => `<div>${e(l)}</div>`).join('')}</section>` : ''}
${contacts.length ? `<section class="contacts"><strong>Narahubung:</strong>${contacts.map((l) => `<div>${e(l)}</div>`).join('')}</section>` : ''}
${f.boilerplate ? `<section class="about"><strong>Tentang kami:</strong> ${e(f.boilerplate)}</section>` : ''}
</body>
</html>
`;
}
