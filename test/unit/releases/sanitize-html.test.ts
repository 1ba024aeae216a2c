import { describe, expect, it } from 'vitest';
import { cleanPastedHtml, sanitizeHtmlToDoc } from '../../../shared/releases/sanitize-html';
import type { PmNode } from '../../../shared/releases/body-text';

const text = (n: PmNode): string => (n.type === 'text' ? (n.text ?? '') : (n.content ?? []).map(text).join(n.type === 'doc' ? '\n' : ''));

describe('HTML into the body schema, parsed by htmlparser2', () => {
  it('keeps a bare "<" and ">" of the text (a comparison is not a tag)', () => {
    expect(text(sanitizeHtmlToDoc('<p>Inflasi 2 < 3 persen dan 5 > 4</p>'))).toBe('Inflasi 2 < 3 persen dan 5 > 4');
  });

  it('decodes every named entity, not a short list', () => {
    expect(text(sanitizeHtmlToDoc('<p>Caf&eacute; &amp; r&eacute;sum&eacute; &ndash; &euro;5 &frac12;</p>'))).toBe('Café & résumé – €5 ½');
  });

  it('a "<script>" inside an attribute value does not swallow the rest of the text', () => {
    expect(text(sanitizeHtmlToDoc('<p title="<script>">Halo</p><p>Dunia</p>'))).toBe('Halo\nDunia');
  });

  it('drops script, style and Word conditional comments with their content, keeps the structure', () => {
    const doc = sanitizeHtmlToDoc(
      '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--><style>p{color:red}</style><h1>Judul</h1><p onclick="x()">Satu <b>tebal</b> <a href="javascript:alert(1)">bahaya</a> <a href="https://surakarta.go.id">laman</a></p><script>alert(1)</script><ul><li>a</li><li>b</li></ul><table><tr><td>1</td><td>2</td></tr></table>',
    );
    expect(doc.content?.map((n) => n.type)).toEqual(['heading', 'paragraph', 'bulletList', 'table']);
    const para = doc.content?.[1];
    expect(para?.content?.find((n) => n.text === 'tebal')?.marks).toEqual([{ type: 'bold' }]);
    expect(para?.content?.find((n) => n.text === 'bahaya')?.marks).toBeUndefined();
    expect(para?.content?.find((n) => n.text === 'laman')?.marks).toEqual([{ type: 'link', attrs: { href: 'https://surakarta.go.id' } }]);
    expect(JSON.stringify(doc)).not.toMatch(/alert|color:red|OfficeDocument/);
  });

  it('implied closes (unclosed <p> and <li>) still make separate blocks', () => {
    const doc = sanitizeHtmlToDoc('<p>satu<p>dua<ul><li>a<li>b</ul>');
    expect(doc.content?.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'bulletList']);
    expect(doc.content?.[2]?.content).toHaveLength(2);
  });
});

describe('the editor paste pass', () => {
  it('re-writes the paste with harmless attributes only and the text escaped', () => {
    const out = cleanPastedHtml('<p style="x" onmouseover="steal()">a &lt;img src=x onerror=alert(1)&gt; <a href="https://x.id/?a=1&amp;b=2" target="_blank">l</a></p><img src=x onerror=alert(1)><script>bad()</script>');
    expect(out).toBe('<p>a &lt;img src=x onerror=alert(1)&gt; <a href="https://x.id/?a=1&amp;b=2">l</a></p><img>');
  });
});
