import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../shared/releases/editor-schema';

/** A Yjs update that appends a photo block to a release body, as the editor does after `releases.putPhoto`. */
export function photoUpdate(stateB64: string, hash: string, thumb: string, caption = 'Wali kota membuka pasar', credit = 'Foto: Humas'): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(stateB64, 'base64'));
  const before = Y.encodeStateVector(doc);
  const el = new Y.XmlElement('photo');
  el.setAttribute('hash', hash);
  el.setAttribute('thumb', thumb);
  el.setAttribute('caption', caption);
  el.setAttribute('credit', credit);
  doc.getXmlFragment(BODY_FRAGMENT).push([el]);
  return Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
}
