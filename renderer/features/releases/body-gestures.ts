import { Slice, type Fragment, type Node as PmNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { splitDateline } from '../../../shared/releases/dateline';

/** The text at the start of a textblock, up to its first non-text child (a hard break, a photo). */
function leadingText(block: PmNode): string {
  let lead = '';
  for (let i = 0; i < block.childCount; i++) {
    const child = block.child(i);
    if (!child.isText) break;
    lead += child.text ?? '';
  }
  return lead;
}

/**
 * A pasted article that opens with its own dateline ("Surakarta – …"), pasted where the body
 * already opens with one: the pasted dateline is dropped, so the body does not read
 * "SURAKARTA – Surakarta – …". Anywhere else the paste is left as it is.
 */
export function withoutDoubledDateline(slice: Slice, view: EditorView, knownCity: string): Slice {
  const { doc, selection } = view.state;
  const first = doc.firstChild;
  if (!first || !first.isTextblock || selection.$from.index(0) !== 0) return slice;
  if (!splitDateline(leadingText(first), knownCity)) return slice;
  const target = firstTextblock(slice.content);
  if (!target) return slice;
  const found = splitDateline(leadingText(target.node), knownCity);
  if (!found) return slice;
  const trimmed = target.node.copy(target.node.content.cut(found.length));
  return new Slice(replaceAt(slice.content, target.path, trimmed), slice.openStart, slice.openEnd);
}

/** The first textblock of a fragment, with the child indexes that lead to it. */
function firstTextblock(fragment: Fragment, path: number[] = []): { node: PmNode; path: number[] } | null {
  const node = fragment.firstChild;
  if (!node) return null;
  if (node.isTextblock) return { node, path: [...path, 0] };
  return node.isLeaf ? null : firstTextblock(node.content, [...path, 0]);
}

function replaceAt(fragment: Fragment, path: number[], node: PmNode): Fragment {
  const [index, ...rest] = path as [number, ...number[]];
  if (rest.length === 0) return fragment.replaceChild(index, node);
  const parent = fragment.child(index);
  return fragment.replaceChild(index, parent.copy(replaceAt(parent.content, rest, node)));
}

/**
 * A click in the empty space below the body's last block puts the caret at the end of the text
 * (the browser would put it at the nearest text, often before the bold dateline of a short body,
 * so what was typed came out bold and ahead of the dateline).
 */
export function clickBelowEnd(view: EditorView, event: MouseEvent): boolean {
  if (event.button !== 0 || event.target !== view.dom || !view.editable) return false;
  const last = view.dom.lastElementChild;
  if (!last || event.clientY <= last.getBoundingClientRect().bottom) return false;
  event.preventDefault();
  view.focus();
  const end = TextSelection.atEnd(view.state.doc);
  view.dispatch(view.state.tr.setSelection(end).setStoredMarks([]).scrollIntoView());
  return true;
}
