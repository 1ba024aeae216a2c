import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, NodeViewWrapper, ReactNodeViewRenderer, useEditor, useEditorState, type Editor, type NodeViewProps } from '@tiptap/react';
import { memo, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { BODY_FRAGMENT, Photo, releaseExtensions } from '../../../shared/releases/editor-schema';
import { PASTE_MAX_BYTES, PHOTO_MAX_BYTES } from '../../../shared/releases/model';
import { cleanPastedHtml } from '../../../shared/releases/sanitize-html';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFileDrop } from '../../components/use-file-drop';
import { useT } from '../../i18n/use-t';
import { clickBelowEnd, withoutDoubledDateline } from './body-gestures';

/** Photo in the editor: the thumbnail from the core, caption and credit edited in place. */
function PhotoView({ node, updateAttributes, selected, editor }: NodeViewProps) {
  const { t } = useT();
  const [src, setSrc] = useState<string | null>(null);
  const { thumb, hash, caption, credit } = node.attrs as { thumb: string | null; hash: string; caption: string; credit: string };
  useEffect(() => {
    let live = true;
    void call('releases.photo', { hash: thumb || hash }).then((r) => live && r.ok && setSrc(r.value.dataUrl));
    return () => {
      live = false;
    };
  }, [thumb, hash]);
  return (
    <NodeViewWrapper className={`rel-photo${selected ? ' rel-photo--selected' : ''}`} data-drag-handle="">
      {src ? <img src={src} alt={caption} /> : <div className="rel-photo__placeholder" />}
      <label className="rel-photo__field">
        <span>{t('releases.photo.caption')}</span>
        <input type="text" value={caption} disabled={!editor.isEditable} onChange={(e) => updateAttributes({ caption: e.target.value })} />
      </label>
      <label className="rel-photo__field">
        <span>{t('releases.photo.credit')}</span>
        <input type="text" value={credit} disabled={!editor.isEditable} onChange={(e) => updateAttributes({ credit: e.target.value })} />
      </label>
    </NodeViewWrapper>
  );
}

const PhotoWithView = Photo.extend({
  addNodeView() {
    return ReactNodeViewRenderer(PhotoView);
  },
});

async function fileToBase64(file: File): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(s);
}

interface BodyEditorProps {
  doc: Y.Doc;
  editable: boolean;
  defaultCredit: string;
  onEditor?: (editor: Editor | null) => void;
  /** The release's dateline city, to recognise a pasted article's own dateline. */
  datelineCity?: string;
}

/** What the photo upload takes (releases.putPhoto reads JPEG, PNG and WebP). */
const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp'];

/** Memoized: the form around it re-renders on field edits; the body editor only when its props change. */
export const BodyEditor = memo(function BodyEditor({ doc, editable, defaultCredit, onEditor, datelineCity = '' }: BodyEditorProps) {
  const { t } = useT();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  // Set once the editor exists (below); the editor's paste and drop handlers are made before it.
  const insertPhotoRef = useRef<((file: File) => Promise<void>) | null>(null);
  const photoDrop = useFileDrop({ extensions: PHOTO_EXTENSIONS, maxBytes: PHOTO_MAX_BYTES, multiple: true }, (files) => {
    void (async () => {
      for (const file of files) await insertPhotoRef.current?.(file);
    })();
  });
  const acceptDropRef = useRef(photoDrop.accept);
  acceptDropRef.current = photoDrop.accept;
  // Read by the paste handler, which the editor keeps from its first render.
  const cityRef = useRef(datelineCity);
  cityRef.current = datelineCity;
  const editor = useEditor(
    {
      extensions: [...releaseExtensions().filter((e) => e.name !== 'photo'), PhotoWithView, Collaboration.configure({ document: doc, field: BODY_FRAGMENT })],
      // tiptap's "delete" events are not listened to here; building them replays every
      // transaction's steps on a copy of the document after each key.
      enableCoreExtensions: { delete: false },
      editable,
      editorProps: {
        attributes: { 'aria-label': t('releases.editor.label'), 'aria-multiline': 'true', role: 'textbox', class: 'rel-body', spellcheck: 'true', lang: 'id' },
        // Word and web pages: scripts, handlers and styles are stripped first, then the schema
        // keeps only what a release may hold. An oversized paste is refused whole.
        transformPastedHTML: (html) => cleanPastedHtml(html),
        transformPasted: (slice, view) => withoutDoubledDateline(slice, view, cityRef.current),
        handleDOMEvents: { mousedown: (view, event) => clickBelowEnd(view, event) },
        // Photos dropped into the text: checked (a folder, a wrong type, an oversized file are refused whole), then inserted.
        handleDrop: (view, event) => {
          const data = (event as DragEvent).dataTransfer;
          if (!view.editable || !data || !Array.from(data.types).includes('Files')) return false;
          event.preventDefault();
          acceptDropRef.current(data);
          return true;
        },
        handlePaste: (_view, event) => {
          const data = event.clipboardData;
          // An image on the clipboard (a screenshot, "Copy image" in a browser) becomes a photo.
          const image = Array.from(data?.files ?? []).find((f) => /^image\/(jpeg|png|webp)$/.test(f.type));
          if (image) {
            void insertPhotoRef.current?.(image);
            return true;
          }
          const size = (data?.getData('text/html').length ?? 0) + (data?.getData('text/plain').length ?? 0);
          if (size > PASTE_MAX_BYTES) {
            setError({ code: 'payload_too_large', message: t('releases.paste.tooLarge') });
            return true;
          }
          return false;
        },
      },
    },
    [doc],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  // A refusal about the body (photo, paste) is over once the body changes again. Listening only
  // while one is shown: a state update queued on every key made React work on every key.
  useEffect(() => {
    if (!editor || !error) return;
    const clear = ({ transaction }: { transaction: { docChanged: boolean } }) => transaction.docChanged && setError(null);
    editor.on('update', clear);
    return () => void editor.off('update', clear);
  }, [editor, error]);
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            bold: e.isActive('bold'),
            italic: e.isActive('italic'),
            underline: e.isActive('underline'),
            h2: e.isActive('heading', { level: 2 }),
            h3: e.isActive('heading', { level: 3 }),
            bullet: e.isActive('bulletList'),
            ordered: e.isActive('orderedList'),
            quote: e.isActive('blockquote'),
            link: e.isActive('link'),
            table: e.isActive('table'),
          }
        : null,
  });
  if (!editor) return null;

  const insertPhoto = async (file: File) => {
    setError(null);
    if (file.size > PHOTO_MAX_BYTES) {
      setError({ code: 'payload_too_large', message: t('releases.photo.tooLarge', { name: file.name }) });
      return;
    }
    setBusy(true);
    const r = await call('releases.putPhoto', { fileName: file.name, base64: await fileToBase64(file) });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    editor
      .chain()
      .focus()
      .insertContent({ type: 'photo', attrs: { hash: r.value.hash, thumb: r.value.thumb, caption: '', credit: defaultCredit, width: r.value.width, height: r.value.height } })
      .run();
  };
  insertPhotoRef.current = insertPhoto;

  const b = (label: string, active: boolean | undefined, run: () => void, text: string) => (
    <button type="button" className={`rel-tool${active ? ' rel-tool--on' : ''}`} aria-pressed={active ?? undefined} aria-label={label} title={label} onMouseDown={(e) => e.preventDefault()} onClick={run} disabled={!editable}>
      {text}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className="rel-editor">
      {/* Sticky with its messages: a refused photo or paste is said where the person is, not above a long body. */}
      <div className="rel-editor__head">
      <div className="rel-toolbar" role="toolbar" aria-label={t('releases.tool.label')}>
        {b(t('releases.tool.bold'), state?.bold, () => chain().toggleBold().run(), 'B')}
        {b(t('releases.tool.italic'), state?.italic, () => chain().toggleItalic().run(), 'I')}
        {b(t('releases.tool.underline'), state?.underline, () => chain().toggleUnderline().run(), 'U')}
        <span className="rel-toolbar__sep" />
        {b(t('releases.tool.h2'), state?.h2, () => chain().toggleHeading({ level: 2 }).run(), 'H2')}
        {b(t('releases.tool.h3'), state?.h3, () => chain().toggleHeading({ level: 3 }).run(), 'H3')}
        {b(t('releases.tool.bullet'), state?.bullet, () => chain().toggleBulletList().run(), '•')}
        {b(t('releases.tool.ordered'), state?.ordered, () => chain().toggleOrderedList().run(), '1.')}
        {b(t('releases.tool.quote'), state?.quote, () => chain().toggleBlockquote().run(), '❝')}
        {b(t('releases.tool.link'), state?.link, () => {
          const href = window.prompt(t('releases.tool.linkPrompt'), (editor.getAttributes('link').href as string | undefined) ?? 'https://');
          if (href === null) return;
          if (!href.trim() || href.trim() === 'https://') chain().extendMarkRange('link').unsetLink().run();
          else if (/^(https?:\/\/|mailto:)/i.test(href.trim())) chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
        }, 'Link')}
        <span className="rel-toolbar__sep" />
        {b(t('releases.tool.table'), false, () => chain().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run(), '▦')}
        {state?.table ? (
          <>
            {b(t('releases.tool.addRow'), false, () => chain().addRowAfter().run(), '+≡')}
            {b(t('releases.tool.addCol'), false, () => chain().addColumnAfter().run(), '+⫴')}
            {b(t('releases.tool.deleteRow'), false, () => chain().deleteRow().run(), '−≡')}
            {b(t('releases.tool.deleteTable'), false, () => chain().deleteTable().run(), '✕▦')}
          </>
        ) : null}
        {b(t('releases.tool.photo'), false, () => fileRef.current?.click(), 'Foto')}
        <input
          ref={fileRef}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          hidden
          data-testid="photo-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void insertPhoto(file);
          }}
        />
        <span className="rel-toolbar__sep" />
        {b(t('releases.tool.undo'), false, () => chain().undo().run(), '↶')}
        {b(t('releases.tool.redo'), false, () => chain().redo().run(), '↷')}
      </div>
      {busy ? (
        <p className="rel-note" role="status">
          <span className="spinner" aria-hidden="true" /> {t('releases.photo.uploading')}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {photoDrop.problem ? (
        <p className="field__error" role="alert">
          {photoDrop.problem}
        </p>
      ) : null}
      </div>
      <EditorContent editor={editor} />
      <p className="field__hint">{t('drop.hint.photo')}</p>
    </div>
  );
});
