/**
 * Materialising a release body from its Yjs updates: one implementation for the core's body
 * cache (electron/core/features/releases/body-store.ts) and the sync server's public feed
 * (server/public-feed.ts), so a press-room device shows exactly the text the desk wrote.
 * Pure JavaScript (Yjs, tiptap's schema and its Yjs binding touch no DOM here).
 */
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { WartaError } from '../contract/errors';
import { BODY_FRAGMENT, releaseExtensions } from './editor-schema';
import { bodyPlainText, type PmNode } from './body-text';
import { countWords } from './model';

let schemaMemo: ReturnType<typeof getSchema> | null = null;
export function bodySchema() {
  return (schemaMemo ??= getSchema(releaseExtensions()));
}

export function docToJson(doc: Y.Doc): PmNode {
  return yDocToProsemirrorJSON(doc, BODY_FRAGMENT) as PmNode;
}

/** A Yjs update that creates a body from ProseMirror JSON (templates, imports, restores start here). */
export function docFromJson(json: PmNode): Y.Doc {
  const node = bodySchema().nodeFromJSON(json);
  node.check();
  return prosemirrorJSONToYDoc(bodySchema(), json, BODY_FRAGMENT);
}

/** Throws a typed error when `data` is not a Yjs update we can merge. */
export function checkUpdate(data: Uint8Array): void {
  try {
    Y.decodeUpdate(data);
    const probe = new Y.Doc();
    Y.applyUpdate(probe, data);
    probe.destroy();
  } catch {
    throw new WartaError('invalid_input', 'Perubahan isi rilis rusak dan tidak disimpan; isi yang tersimpan tetap utuh.');
  }
}

/**
 * Merges Yjs updates (on top of a compacted state) into the body and what is derived from it.
 * The one place a body is materialised: the core's cache and the sync server's public feed
 * (server/public-feed.ts) both call it.
 */
export function mergeBody(base: Uint8Array | null, updates: Iterable<Uint8Array>): { state: Uint8Array; docJson: PmNode; text: string; wordCount: number } {
  // Applying each row inside one transaction is fast (5,000 typing updates in ~15 ms);
  // Y.mergeUpdates on the same rows takes hundreds of milliseconds.
  const doc = new Y.Doc();
  doc.transact(() => {
    if (base) Y.applyUpdate(doc, base);
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  const state = Y.encodeStateAsUpdate(doc);
  const docJson = docToJson(doc);
  doc.destroy();
  const text = bodyPlainText(docJson);
  return { state, docJson, text, wordCount: countWords(text) };
}
