/**
 * HTML from outside (a Word file saved as HTML, a web page, a paste that reached the core)
 * cleaned down to the body schema: paragraphs, headings, bold/italic/underline, links
 * (http, https, mailto), lists, block quotes, tables, line breaks. Everything else goes:
 * script/style/iframe/object/svg elements with their content, comments, every attribute but
 * a link's href (so event handlers and style bombs vanish), Word's `o:` tags. Parsed by
 * htmlparser2 (a real, forgiving HTML tokenizer with entity decoding; no DOM, so the core runs
 * it under plain Node), its open/text/close events mapped onto the schema below.
 */
import { Parser } from 'htmlparser2';
import type { PmMark, PmNode } from './body-text';

const DROP_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'head', 'title', 'textarea', 'select', 'button', 'canvas', 'video', 'audio', 'frameset', 'frame', 'xml']);
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'main', 'aside', 'center', 'pre', 'address', 'dd', 'dt', 'figcaption', 'caption']);
/** Elements without content: htmlparser2 reports their close at once. */
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'col', 'wbr', 'area', 'base', 'source', 'track', 'param', 'embed']);

/** A link target the body may hold: http(s) or mailto, no spaces or markup, at most 2,000 characters. */
function safeHref(raw: string | undefined): string | null {
  const href = (raw ?? '').trim();
  return /^(https?:\/\/|mailto:)/i.test(href) && !/[\s<>"]/.test(href) && href.length <= 2000 ? href : null;
}

/**
 * Runs htmlparser2 over `html`, passing on only what is outside the elements dropped with their
 * content. Comments, doctypes, CDATA and processing instructions never reach the callbacks.
 */
function walk(html: string, on: { open(tag: string, attrs: Record<string, string>): void; text(text: string): void; close(tag: string): void }): void {
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipping > 0 || DROP_WITH_CONTENT.has(name)) {
          if (!VOID.has(name)) skipping++;
          return;
        }
        on.open(name, attrs);
      },
      ontext(text) {
        if (skipping === 0) on.text(text);
      },
      // Also for closes the parser implies (a <p> ended by the next <p>, a void element at once).
      onclosetag(name) {
        if (skipping > 0) {
          if (!VOID.has(name)) skipping--;
          return;
        }
        on.close(name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
}

export function sanitizeHtmlToDoc(html: string): PmNode {
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
    const t = raw.replace(/[\s\u00a0]+/g, ' ');
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

  const element = (tag: string, closing: boolean, attrs: Record<string, string>) => {
    const markType = tag === 'b' || tag === 'strong' ? 'bold' : tag === 'i' || tag === 'em' ? 'italic' : tag === 'u' ? 'underline' : tag === 'a' ? 'link' : null;
    if (markType) {
      if (closing) {
        const idx = marks.map((x) => x.type).lastIndexOf(markType);
        if (idx >= 0) marks.splice(idx, 1);
      } else if (markType === 'link') {
        const href = safeHref(attrs.href);
        if (href) marks.push({ type: 'link', attrs: { href } });
      } else if (!marks.some((x) => x.type === markType)) {
        marks.push({ type: markType });
      }
      return;
    }
    if (tag === 'br') {
      if (para) push(para, { type: 'hardBreak' });
      return;
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
      return;
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
  };
  walk(html, {
    open: (tag, attrs) => element(tag, false, attrs),
    // A void element (br) is opened and closed at once; only its opening means something.
    close: (tag) => {
      if (!VOID.has(tag)) element(tag, true, {});
    },
    text: addText,
  });
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
 * the paste re-written from htmlparser2's events, without script-like elements and their
 * content, comments, and every attribute that is not harmless structure (href, colspan/rowspan,
 * our own data-* of photos). Event handlers and style bombs therefore never reach a DOM parser,
 * not even an inert one; text is re-escaped, so nothing becomes markup that was not.
 */
export function cleanPastedHtml(html: string): string {
  const out: string[] = [];
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  walk(html, {
    open(tag, attrs) {
      if (!/^[a-z][a-z0-9:-]*$/.test(tag)) return;
      const kept: string[] = [];
      for (const [name, value] of Object.entries(attrs)) {
        if (name === 'href') {
          const href = safeHref(value);
          if (href) kept.push(`href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
        } else if ((name === 'colspan' || name === 'rowspan') && /^\d{1,2}$/.test(value)) kept.push(`${name}="${value}"`);
        else if (/^data-(hash|thumb)$/.test(name) && /^[0-9a-f]{64}$/.test(value)) kept.push(`${name}="${value}"`);
      }
      out.push(`<${tag}${kept.length ? ' ' + kept.join(' ') : ''}>`);
    },
    text: (t) => out.push(esc(t)),
    close(tag) {
      if (/^[a-z][a-z0-9:-]*$/.test(tag) && !VOID.has(tag)) out.push(`</${tag}>`);
    },
  });
  return out.join('');
}
