/**
 * Walks the ProseMirror JSON of a release body (the schema of ./editor-schema.ts) into plain
 * text, WhatsApp text and HTML. Every string from the document is escaped for HTML; unknown
 * nodes render their text only, so nothing outside the schema can reach an export.
 */
export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}
export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  marks?: PmMark[];
  text?: string;
}

export interface PhotoRef {
  hash: string;
  thumb: string | null;
  caption: string;
  credit: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function photosOf(doc: PmNode): PhotoRef[] {
  const out: PhotoRef[] = [];
  const walk = (n: PmNode) => {
    if (n.type === 'photo' && typeof n.attrs?.hash === 'string') {
      out.push({ hash: n.attrs.hash, thumb: typeof n.attrs.thumb === 'string' ? n.attrs.thumb : null, caption: str(n.attrs.caption), credit: str(n.attrs.credit) });
    }
    n.content?.forEach(walk);
  };
  walk(doc);
  return out;
}

export function photoCaptionLine(p: { caption: string; credit: string }): string {
  return [p.caption.trim(), p.credit.trim() ? `(${p.credit.trim()})` : ''].filter(Boolean).join(' ');
}

function inlineText(n: PmNode, mode: 'plain' | 'whatsapp'): string {
  if (n.type === 'text') {
    let t = n.text ?? '';
    if (mode === 'whatsapp' && t.trim()) {
      const marks = new Set((n.marks ?? []).map((m) => m.type));
      // WhatsApp markers must hug the words: keep surrounding spaces outside them.
      const lead = /^\s*/.exec(t)?.[0] ?? '';
      const trail = /\s*$/.exec(t)?.[0] ?? '';
      let core = t.trim();
      if (marks.has('italic')) core = `_${core}_`;
      if (marks.has('bold')) core = `*${core}*`;
      t = lead + core + trail;
      const link = n.marks?.find((m) => m.type === 'link');
      if (link && typeof link.attrs?.href === 'string' && link.attrs.href !== n.text) t += ` (${link.attrs.href})`;
    }
    return t;
  }
  if (n.type === 'hardBreak') return '\n';
  return (n.content ?? []).map((c) => inlineText(c, mode)).join('');
}

/** Blocks as text paragraphs, for plain text (mode plain) and WhatsApp (markers, bullets). */
export function bodyBlocks(doc: PmNode, mode: 'plain' | 'whatsapp'): string[] {
  const out: string[] = [];
  const block = (n: PmNode, prefix = '') => {
    switch (n.type) {
      case 'doc':
        n.content?.forEach((c) => block(c));
        return;
      case 'paragraph':
        out.push(prefix + inlineText(n, mode));
        return;
      case 'heading': {
        const t = inlineText(n, mode === 'whatsapp' ? 'plain' : mode);
        out.push(mode === 'whatsapp' ? `*${t.trim()}*` : t.toUpperCase());
        return;
      }
      case 'blockquote':
        n.content?.forEach((c) => block(c, '> '));
        return;
      case 'bulletList':
        n.content?.forEach((li) => out.push(`${prefix}- ${(li.content ?? []).map((p) => inlineText(p, mode)).join(' ')}`));
        return;
      case 'orderedList': {
        const start = typeof n.attrs?.start === 'number' ? n.attrs.start : 1;
        n.content?.forEach((li, i) => out.push(`${prefix}${start + i}. ${(li.content ?? []).map((p) => inlineText(p, mode)).join(' ')}`));
        return;
      }
      case 'table':
        for (const row of n.content ?? []) {
          out.push((row.content ?? []).map((cell) => (cell.content ?? []).map((p) => inlineText(p, mode)).join(' ')).join(' | '));
        }
        return;
      case 'photo': {
        const line = photoCaptionLine({ caption: str(n.attrs?.caption), credit: str(n.attrs?.credit) });
        out.push(mode === 'whatsapp' ? `_[Foto] ${line}_` : `[Foto] ${line}`);
        return;
      }
      default:
        out.push(prefix + inlineText(n, mode));
    }
  };
  block(doc);
  return out.filter((l) => l.trim() !== '' && l.trim() !== '>');
}

export function bodyPlainText(doc: PmNode): string {
  return bodyBlocks(doc, 'plain').join('\n\n');
}

function inlineHtml(n: PmNode): string {
  if (n.type === 'text') {
    let t = escapeHtml(n.text ?? '');
    for (const m of n.marks ?? []) {
      if (m.type === 'bold') t = `<strong>${t}</strong>`;
      else if (m.type === 'italic') t = `<em>${t}</em>`;
      else if (m.type === 'underline') t = `<u>${t}</u>`;
      else if (m.type === 'link' && typeof m.attrs?.href === 'string' && /^(https?:|mailto:)/i.test(m.attrs.href)) {
        t = `<a href="${escapeHtml(m.attrs.href)}" rel="noopener noreferrer">${t}</a>`;
      }
    }
    return t;
  }
  if (n.type === 'hardBreak') return '<br>';
  return (n.content ?? []).map(inlineHtml).join('');
}

/** `photoSrc` maps a photo to the src the HTML should use (a data URL, a file name in the press kit…). */
export function bodyHtml(doc: PmNode, photoSrc: (p: PhotoRef) => string | null = () => null): string {
  const html = (n: PmNode): string => {
    const inner = () => (n.content ?? []).map(html).join('');
    switch (n.type) {
      case 'doc':
        return inner();
      case 'paragraph':
        return `<p>${inlineHtml(n)}</p>`;
      case 'heading': {
        const level = n.attrs?.level === 3 ? 3 : 2;
        return `<h${level}>${inlineHtml(n)}</h${level}>`;
      }
      case 'blockquote':
        return `<blockquote>${inner()}</blockquote>`;
      case 'bulletList':
        return `<ul>${inner()}</ul>`;
      case 'orderedList':
        return `<ol>${inner()}</ol>`;
      case 'listItem':
        return `<li>${inner()}</li>`;
      case 'table':
        return `<table>${inner()}</table>`;
      case 'tableRow':
        return `<tr>${inner()}</tr>`;
      case 'tableHeader':
        return `<th>${inner()}</th>`;
      case 'tableCell':
        return `<td>${inner()}</td>`;
      case 'photo': {
        const ref: PhotoRef = { hash: str(n.attrs?.hash), thumb: null, caption: str(n.attrs?.caption), credit: str(n.attrs?.credit) };
        const src = photoSrc(ref);
        const img = src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(ref.caption)}">` : '';
        return `<figure>${img}<figcaption>${escapeHtml(ref.caption)}${ref.credit ? ` <span class="credit">${escapeHtml(ref.credit)}</span>` : ''}</figcaption></figure>`;
      }
      default:
        return `<p>${inlineHtml(n)}</p>`;
    }
  };
  return html(doc);
}
