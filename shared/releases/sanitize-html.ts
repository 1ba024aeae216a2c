/**
 * HTML from outside (a Word file saved as HTML, a web page, a paste that reached the core)
 * cleaned down to the body schema: paragraphs, headings, bold/italic/underline, links
 * (http, https, mailto), lists, block quotes, tables, line breaks. Everything else goes:
 * script/style/iframe/object/svg elements with their content, comments, every attribute but
 * a link's href (so event handlers and style bombs vanish), Word's `o:` tags. Pure string
 * work, no DOM: the core runs it under plain Node.
 */
import type { PmMark, PmNode } from './body-text';

const DROP_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'head', 'title', 'textarea', 'select', 'button', 'canvas', 'video', 'audio', 'frameset', 'frame', 'xml']);
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'main', 'aside', 'center', 'pre', 'address', 'dd', 'dt', 'figcaption', 'caption']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function hrefOf(attrs: string): string | null {
  const m = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  if (!m) return null;
  const href = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '').trim();
  return /^(https?:\/\/|mailto:)/i.test(href) && !/[\s<>"]/.test(href) && href.length <= 2000 ? href : null;
}

export function sanitizeHtmlToDoc(html: string): PmNode {
  // Comments and conditional comments (Word) first, then elements dropped with their content.
  let src = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[[\s\S]*?\]>/g, '').replace(/<!doctype[^>]*>/gi, '');
  for (const tag of DROP_WITH_CONTENT) {
    src = src.replace(new RegExp(`<${tag}\\b[\\s\\S]*?(</${tag}\\s*>|$)`, 'gi'), '');
  }
  const doc: PmNode = { type: 'doc', content: [] };
  // Containers: doc, blockquote, list, listItem, table, row, cell.
  const stack: PmNode[] = [doc];
  let para: PmNode | null = null;
  const marks: PmMark[] = [];
  const top = () => stack[stack.length - 1] as PmNode;
  const push = (parent: PmNode, child: PmNode) => (parent.content ??= []).push(child);

  const closePara = () => {
    if (para && (para.content?.length ?? 0) === 0 && para.type === 'paragraph') {
      const parent = top();
      parent.content = parent.content?.filter((c) => c !== para);
    }
    para = null;
  };
  const ensurePara = (): PmNode => {
    if (para) return para;
    let parent = top();
    // Text straight inside a list or a table row has no place in the schema: give it one.
    if (parent.type === 'bulletList' || parent.type === 'orderedList') {
      const li: PmNode = { type: 'listItem', content: [] };
      push(parent, li);
      stack.push(li);
      parent = li;
    }
    if (parent.type === 'table' || parent.type === 'tableRow') {
      parent = doc;
    }
    para = { type: 'paragraph', content: [] };
    push(parent, para);
    return para;
  };
  const addText = (raw: string) => {
    const t = decodeEntities(raw).replace(/[\s\u00a0]+/g, ' ');
    if (!t.trim() && !para) return;
    const p = ensurePara();
    const text: PmNode = { type: 'text', text: t };
    if (marks.length) text.marks = marks.map((m) => ({ ...m }));
    push(p, text);
  };
  const popTo = (types: string[]) => {
    for (let i = stack.length - 1; i > 0; i--) {
      if (types.includes((stack[i] as PmNode).type)) {
        stack.length = i;
        return;
      }
    }
  };

  const re = /<\/?([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    if (m.index > last) addText(src.slice(last, m.index).replace(/</g, ''));
    last = re.lastIndex;
    const closing = m[0][1] === '/';
    const tag = (m[1] as string).toLowerCase();
    const attrs = m[2] ?? '';
    const markType = tag === 'b' || tag === 'strong' ? 'bold' : tag === 'i' || tag === 'em' ? 'italic' : tag === 'u' ? 'underline' : tag === 'a' ? 'link' : null;
    if (markType) {
      if (closing) {
        const idx = marks.map((x) => x.type).lastIndexOf(markType);
        if (idx >= 0) marks.splice(idx, 1);
      } else if (markType === 'link') {
        const href = hrefOf(attrs);
        if (href) marks.push({ type: 'link', attrs: { href } });
      } else if (!marks.some((x) => x.type === markType)) {
        marks.push({ type: markType });
      }
      continue;
    }
    if (tag === 'br') {
      if (para) push(para, { type: 'hardBreak' });
      continue;
    }
    if (BLOCKS.has(tag) || /^h[1-6]$/.test(tag)) {
      closePara();
      if (!closing) {
        const level = /^h([1-6])$/.exec(tag);
        if (level) {
          para = { type: 'heading', attrs: { level: Number(level[1]) <= 2 ? 2 : 3 }, content: [] };
          push(top().type === 'table' || top().type === 'tableRow' ? doc : top(), para);
        }
      }
      continue;
    }
    closePara();
    switch (tag) {
      case 'blockquote':
        if (closing) popTo(['blockquote']);
        else {
          const q: PmNode = { type: 'blockquote', content: [] };
          push(top(), q);
          stack.push(q);
        }
        break;
      case 'ul':
      case 'ol':
        if (closing) popTo([tag === 'ul' ? 'bulletList' : 'orderedList']);
        else {
          const l: PmNode = { type: tag === 'ul' ? 'bulletList' : 'orderedList', content: [] };
          if (tag === 'ol') l.attrs = { start: 1 };
          let parent = top();
          if (parent.type === 'table' || parent.type === 'tableRow') parent = doc;
          push(parent, l);
          stack.push(l);
        }
        break;
      case 'li':
        if (closing) popTo(['listItem']);
        else {
          if (top().type === 'listItem') stack.pop();
          if (top().type !== 'bulletList' && top().type !== 'orderedList') {
            const l: PmNode = { type: 'bulletList', content: [] };
            push(top(), l);
            stack.push(l);
          }
          const li: PmNode = { type: 'listItem', content: [] };
          push(top(), li);
          stack.push(li);
        }
        break;
      case 'table':
        if (closing) popTo(['table']);
        else {
          const t: PmNode = { type: 'table', content: [] };
          push(top().type === 'tableRow' || top().type === 'table' ? doc : top(), t);
          stack.push(t);
        }
        break;
      case 'tr':
        if (closing) popTo(['tableRow']);
        else {
          if (top().type === 'tableRow') stack.pop();
          if (top().type !== 'table') break;
          const r: PmNode = { type: 'tableRow', content: [] };
          push(top(), r);
          stack.push(r);
        }
        break;
      case 'td':
      case 'th':
        if (closing) popTo(['tableCell', 'tableHeader']);
        else {
          if (top().type === 'tableCell' || top().type === 'tableHeader') stack.pop();
          if (top().type !== 'tableRow') break;
          const c: PmNode = { type: tag === 'th' ? 'tableHeader' : 'tableCell', content: [] };
          push(top(), c);
          stack.push(c);
        }
        break;
      default:
        // Unknown element (span, font, o:p, img, form …): dropped, its text kept.
        break;
    }
  }
  if (last < src.length) addText(src.slice(last).replace(/</g, ''));
  closePara();
  return normalize(doc);
}

/** Fills what the schema requires: non-empty list items, cells and quotes; rows of one width. */
function normalize(doc: PmNode): PmNode {
  const fix = (n: PmNode): PmNode | null => {
    if (n.type === 'text') return n.text ? n : null;
    if (n.type === 'hardBreak') return n;
    const content = (n.content ?? []).map(fix).filter((c): c is PmNode => c !== null);
    const out: PmNode = { ...n, content };
    switch (n.type) {
      case 'paragraph':
      case 'heading':
        if (n.type === 'heading' && content.length === 0) return null;
        return out;
      case 'listItem':
      case 'tableCell':
      case 'tableHeader':
      case 'blockquote':
        if (content.length === 0 || content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph', content: [] });
        return out;
      case 'bulletList':
      case 'orderedList':
      case 'tableRow':
        return content.length ? out : null;
      case 'table': {
        if (!content.length) return null;
        const width = Math.max(...content.map((r) => r.content?.length ?? 0));
        for (const r of content) while ((r.content?.length ?? 0) < width) (r.content ??= []).push({ type: 'tableCell', content: [{ type: 'paragraph', content: [] }] });
        return out;
      }
      default:
        return out;
    }
  };
  const fixed = fix(doc) ?? { type: 'doc', content: [] };
  if (!fixed.content?.length) fixed.content = [{ type: 'paragraph', content: [] }];
  for (const n of fixed.content) if (n.content?.length === 0 && n.type === 'paragraph') delete n.content;
  return fixed;
}

/**
 * First pass over HTML pasted into the editor, before ProseMirror parses it with the schema:
 * drops script-like elements with their content, comments, and every attribute that is not
 * harmless structure (href, colspan/rowspan, our own data-* of photos). Event handlers and
 * style bombs therefore never reach a DOM parser, not even an inert one.
 */
export function cleanPastedHtml(html: string): string {
  let src = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[[\s\S]*?\]>/g, '');
  for (const tag of DROP_WITH_CONTENT) {
    src = src.replace(new RegExp(`<${tag}\\b[\\s\\S]*?(</${tag}\\s*>|$)`, 'gi'), '');
  }
  return src.replace(/<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g, (_m, tag: string, attrs: string) => {
    const kept: string[] = [];
    const re = /([a-zA-Z_:][a-zA-Z0-9_:.-]*)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
    let a: RegExpExecArray | null;
    while ((a = re.exec(attrs))) {
      const name = (a[1] as string).toLowerCase();
      const raw = a[2] ?? '""';
      const value = decodeEntities(raw.replace(/^["']|["']$/g, ''));
      if (name === 'href' && /^(https?:\/\/|mailto:)/i.test(value.trim())) kept.push(`href="${value.trim().replace(/"/g, '&quot;')}"`);
      else if ((name === 'colspan' || name === 'rowspan') && /^\d{1,2}$/.test(value)) kept.push(`${name}="${value}"`);
      else if (/^data-(hash|thumb)$/.test(name) && /^[0-9a-f]{64}$/.test(value)) kept.push(`${name}="${value}"`);
    }
    return `<${tag}${kept.length ? ' ' + kept.join(' ') : ''}>`;
  });
}
