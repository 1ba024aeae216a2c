/**
 * The typing benchmark's baselines, outside the app: the same 10,000-word body in (a) a plain
 * contenteditable and (b) a tiptap editor with the release schema and the Yjs binding Warta
 * uses, both styled by the release editor's own stylesheet. Typing in them with the same
 * measure says how much of keystroke-to-paint is the browser and the editor library, and how
 * much is Warta around them.
 */
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import { BODY_FRAGMENT, releaseExtensions } from '../../../shared/releases/editor-schema';
import '../../../renderer/styles/base.css';
import '../../../renderer/features/releases/releases.css';

declare global {
  interface Window {
    wartaBareEditor: (mode: 'contenteditable' | 'tiptap', html: string) => void;
  }
}

window.wartaBareEditor = (mode, html) => {
  const page = document.getElementById('page') as HTMLElement;
  if (mode === 'contenteditable') {
    page.innerHTML = `<div class="rel-body" contenteditable="true" role="textbox" aria-label="Isi rilis">${html}</div>`;
    return;
  }
  const editor = new Editor({
    element: page,
    extensions: [...releaseExtensions(), Collaboration.configure({ document: new Y.Doc(), field: BODY_FRAGMENT })],
    editorProps: { attributes: { class: 'rel-body', role: 'textbox', 'aria-label': 'Isi rilis' } },
  });
  editor.commands.setContent(html);
};
