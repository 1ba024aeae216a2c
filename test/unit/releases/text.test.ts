import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { bodyBlocks, bodyHtml, bodyPlainText, type PmNode } from '../../../shared/releases/body-text';
import { composeWhatsApp, datelineOf } from '../../../shared/releases/compose';
import { diffBodies, diffWords, isSame } from '../../../shared/releases/diff';
import { BODY_MARKS, BODY_NODES, releaseExtensions } from '../../../shared/releases/editor-schema';
import { embargoLine, isEmbargoed, isPublic } from '../../../shared/releases/embargo';
import { countWords, readingMinutes, type ReleaseFields } from '../../../shared/releases/model';
import { sanitizeHtmlToDoc } from '../../../shared/releases/sanitize-html';
import { canTransition, transitionPermission } from '../../../shared/releases/workflow';

const doc: PmNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'SURAKARTA – ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'Wali Kota ' }, { type: 'text', text: 'meresmikan', marks: [{ type: 'italic' }] }, { type: 'text', text: ' <pasar>.' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'satu' }] }] }] },
    { type: 'photo', attrs: { hash: 'a'.repeat(64), caption: 'Peresmian', credit: 'Foto: Humas Pemkot Surakarta' } },
  ],
};

describe('release text', () => {
  it('the exports know every node and mark of the editor schema', () => {
    const schema = getSchema(releaseExtensions());
    expect(Object.keys(schema.nodes).sort()).toEqual([...BODY_NODES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...BODY_MARKS].sort());
  });

  it('plain text, WhatsApp markers and escaped HTML', () => {
    expect(bodyPlainText(doc)).toBe('SURAKARTA – Wali Kota meresmikan <pasar>.\n\n- satu\n\n[Foto] Peresmian (Foto: Humas Pemkot Surakarta)');
    expect(bodyBlocks(doc, 'whatsapp')[0]).toBe('*SURAKARTA –* Wali Kota _meresmikan_ <pasar>.');
    expect(bodyHtml(doc)).toContain('<p><strong>SURAKARTA – </strong>Wali Kota <em>meresmikan</em> &lt;pasar&gt;.</p>');
  });

  it('counts words and reading time', () => {
    expect(countWords('Wali Kota Surakarta, F.X. Hadi Rudyatmo, meresmikan 3 pasar – hari ini.')).toBe(11);
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(50)).toBe(1);
    expect(readingMinutes(1000)).toBe(5);
  });

  it('embargo line, visibility and dateline in the Indonesian forms', () => {
    const at = new Date(Date.UTC(2026, 11, 7, 3, 0)).toISOString();
    expect(embargoLine(at, 'WIB')).toBe('EMBARGO: Tidak untuk disiarkan sebelum Senin, 7 Desember 2026 pukul 10.00 WIB');
    expect(embargoLine(at, 'WITA')).toBe('EMBARGO: Tidak untuk disiarkan sebelum Senin, 7 Desember 2026 pukul 11.00 WITA');
    expect(isEmbargoed({ urgency: 'embargo', embargoAt: at }, Date.parse(at) - 1)).toBe(true);
    expect(isEmbargoed({ urgency: 'embargo', embargoAt: at }, Date.parse(at))).toBe(false);
    expect(isPublic({ status: 'approved', urgency: 'immediate', embargoAt: null }, 0)).toBe(false);
    expect(datelineOf({ zone: 'WIB', fields: { releaseDate: '2016-12-09', datelineCity: 'Surakarta' } as ReleaseFields })).toBe('Surakarta, Jumat, 9 Desember 2016');
  });

  it('WhatsApp text has no HTML even when the title has angle brackets', () => {
    const wa = composeWhatsApp({
      letterhead: { institution: 'Pemkot', unit: 'Humas', address: '', phone: '', email: '', website: '' },
      zone: 'WIB',
      number: '1/Humas/2026',
      fields: { label: 'SIARAN PERS', urgency: 'immediate', embargoAt: null, embargoZone: null, title: 'Judul <b>', subtitle: '', datelineCity: 'Surakarta', releaseDate: '2026-01-02', quotes: [], boilerplate: '', source: '', writer: 'A', photographer: '', editor: '', contacts: [], opdId: null, tags: [], eventId: null, eventEndAt: null, infoCategory: 'berkala' },
      body: doc,
      datelineForm: 'kota',
      endMark: '-selesai-',
      madeAt: Date.UTC(2026, 0, 2),
    });
    expect(wa).toContain('*Judul <b>*');
    expect(wa).toContain('_UNTUK SEGERA DISIARKAN_');
    expect(wa).toContain('\n-selesai-\n');
    expect(wa).not.toContain('<strong>');
  });

  it('workflow table: allowed steps and the permission of each', () => {
    expect(canTransition('draft', 'in_review')).toBe(true);
    expect(canTransition('draft', 'published')).toBe(false);
    expect(canTransition('published', 'withdrawn')).toBe(true);
    expect(transitionPermission('in_review', 'approved')).toBe('releases.review');
    expect(transitionPermission('approved', 'in_review')).toBe('releases.review');
    expect(transitionPermission('draft', 'in_review')).toBe('releases.write');
    expect(transitionPermission('approved', 'published')).toBe('releases.publish');
  });

  it('compare: a one-letter correction, formatting alone, a change inside a table, and an untouched text', () => {
    const p = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
    const t = (text: string, ...marks: string[]): PmNode => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((m) => ({ type: m })) } : {}) });
    const table = (...rows: string[][]): PmNode => ({
      type: 'table',
      content: rows.map((cells) => ({ type: 'tableRow', content: cells.map((c) => ({ type: 'tableCell', content: [p(t(c))] })) })),
    });
    const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content });
    const before = doc(p(t('Wali Kota meresmikan jembatan Kalisarri.')), p(t('Warga menyambut gembira.')), table(['Desa', 'Penerima'], ['Kalisari', '1.200 jiwa']));

    // One letter corrected: the word shows struck and retyped, the rest stays.
    const typo = diffBodies(before, doc(p(t('Wali Kota meresmikan jembatan Kalisari.')), p(t('Warga menyambut gembira.')), table(['Desa', 'Penerima'], ['Kalisari', '1.200 jiwa'])));
    expect(isSame(typo)).toBe(false);
    expect(typo[0]).toEqual({ kind: 'changed', text: 'Wali Kota meresmikan jembatan Kalisari.', words: [{ kind: 'same', text: 'Wali Kota meresmikan jembatan ' }, { kind: 'removed', text: 'Kalisarri' }, { kind: 'added', text: 'Kalisari' }, { kind: 'same', text: '.' }] });
    expect(typo.slice(1).every((b) => b.kind === 'same')).toBe(true);

    // Formatting only: the words are equal, the change is named.
    const bold = diffBodies(before, doc(p(t('Wali Kota meresmikan jembatan '), t('Kalisarri', 'bold'), t('.')), p(t('Warga menyambut gembira.')), table(['Desa', 'Penerima'], ['Kalisari', '1.200 jiwa'])));
    expect(isSame(bold)).toBe(false);
    expect(bold[0]).toMatchObject({ kind: 'changed', format: [{ text: 'Kalisarri', added: ['bold'], removed: [] }] });
    const heading = diffBodies(before, doc({ type: 'heading', attrs: { level: 2 }, content: [t('Wali Kota meresmikan jembatan Kalisarri.')] }, p(t('Warga menyambut gembira.')), table(['Desa', 'Penerima'], ['Kalisari', '1.200 jiwa'])));
    expect(heading[0]).toMatchObject({ kind: 'changed', format: [{ added: ['heading2'], removed: ['paragraph'] }] });

    // Inside a table: the row that changed, word by word.
    const cell = diffBodies(before, doc(p(t('Wali Kota meresmikan jembatan Kalisarri.')), p(t('Warga menyambut gembira.')), table(['Desa', 'Penerima'], ['Kalisari', '1.250 jiwa'])));
    expect(cell.map((b) => b.kind)).toEqual(['same', 'same', 'same', 'changed']);
    expect(cell[3]!.words).toContainEqual({ kind: 'removed', text: '200' });
    expect(cell[3]!.words).toContainEqual({ kind: 'added', text: '250' });

    // Paragraphs added and removed, and the same text.
    expect(diffBodies(before, doc(p(t('Warga menyambut gembira.')), table(['Desa', 'Penerima'], ['Kalisari', '1.200 jiwa']), p(t('Paragraf baru.')))).map((b) => b.kind)).toEqual(['removed', 'same', 'same', 'same', 'added']);
    expect(isSame(diffBodies(before, before))).toBe(true);
    expect(diffWords('Kalisarri', 'Kalisari')).toEqual([{ kind: 'removed', text: 'Kalisarri' }, { kind: 'added', text: 'Kalisari' }]);
  });

  it('sanitizer: Word HTML keeps structure, loses styles and scripts; result fits the schema', () => {
    const out = sanitizeHtmlToDoc('<div><h1 style="x">Judul</h1><p>a<br>b</p><li>lepas</li><td>sel</td><script>x()</script><a href="mailto:humas@x.go.id">surel</a></div>');
    const schema = getSchema(releaseExtensions());
    expect(() => schema.nodeFromJSON(out).check()).not.toThrow();
    const json = JSON.stringify(out);
    expect(json).toContain('"type":"heading"');
    expect(json).toContain('"type":"hardBreak"');
    expect(json).toContain('mailto:humas@x.go.id');
    expect(json).not.toContain('x()');
  });
});
