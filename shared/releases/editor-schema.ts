/**
 * The body schema of a press release: one extension list for the renderer's editor and for
 * the core's exports, so a document can never hold a node that an export does not know.
 * Pure TypeScript (tiptap's extension objects do not touch the DOM until an editor mounts).
 */
import { Node, mergeAttributes, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';

/** The Y.XmlFragment of the release's Y.Doc that holds the body. */
export const BODY_FRAGMENT = 'body';

/**
 * A photo: a block atom holding the content hash of the full-size file (in the core's blob
 * store), the thumbnail's hash, caption and credit ("Foto: Humas Pemkot Surakarta"). The
 * document never holds image bytes; the renderer resolves hashes through the core.
 */
export const Photo = Node.create({
  name: 'photo',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      hash: { default: null, parseHTML: (el) => el.getAttribute('data-hash') },
      thumb: { default: null, parseHTML: (el) => el.getAttribute('data-thumb') },
      caption: { default: '', parseHTML: (el) => el.querySelector('figcaption .caption')?.textContent ?? '' },
      credit: { default: '', parseHTML: (el) => el.querySelector('figcaption .credit')?.textContent ?? '' },
      width: { default: null },
      height: { default: null },
    };
  },
  parseHTML() {
    // Only our own figures carry a hash; other images pasted from the web have none and are dropped.
    return [{ tag: 'figure[data-hash]' }];
  },
  renderHTML({ HTMLAttributes, node }) {
    const { hash, thumb, caption, credit } = node.attrs as { hash: string; thumb: string | null; caption: string; credit: string };
    return [
      'figure',
      mergeAttributes({ 'data-hash': hash, 'data-thumb': thumb ?? '', class: 'release-photo' }, { id: HTMLAttributes.id }),
      ['img', { alt: caption, 'data-hash': hash }],
      ['figcaption', {}, ['span', { class: 'caption' }, caption], ' ', ['span', { class: 'credit' }, credit]],
    ];
  },
});

export function releaseExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      codeBlock: false,
      code: false,
      horizontalRule: false,
      strike: false,
      // The editor binds undo to Yjs (Collaboration), so ProseMirror's own history is off.
      undoRedo: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null } },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Photo,
  ];
}

/** The node and mark names an export must handle; a test checks they match the schema. */
export const BODY_NODES = ['doc', 'paragraph', 'text', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'hardBreak', 'table', 'tableRow', 'tableHeader', 'tableCell', 'photo'] as const;
export const BODY_MARKS = ['bold', 'italic', 'underline', 'link'] as const;
