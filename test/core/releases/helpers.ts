import * as Y from 'yjs';
import { callerFor } from '../../../electron/core/caller';
import type { Core } from '../../../electron/core/create-core';
import type { Role } from '../../../shared/contract/permissions';
import { BODY_FRAGMENT } from '../../../shared/releases/editor-schema';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';
import { fakeClock } from '../../support/fake-clock';

export const PROFILE = { ...SAMPLE_PROFILE, numberPattern: '{seq3}/{unit}/{institution}/{month-roman}/{year}' };

export async function releaseCore(start?: number): Promise<CoreFixture & { clock: ReturnType<typeof fakeClock> }> {
  const clock = fakeClock(start);
  const fx = openTestCore({ clock: clock.now });
  await fx.core.invoke('office.save', PROFILE);
  return { ...fx, clock };
}

/** A Yjs update that appends paragraphs to the body held in `stateB64`, as the editor would. */
export function appendParagraphs(stateB64: string, ...texts: string[]): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(stateB64, 'base64'));
  const before = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(BODY_FRAGMENT);
  doc.transact(() => {
    for (const t of texts) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(t)]);
      frag.insert(frag.length, [p]);
    }
  });
  return Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
}

export async function writeBody(core: Core, id: string, ...texts: string[]): Promise<void> {
  const d = await core.invoke('releases.get', { id });
  await core.invoke('releases.appendBody', { id, update: appendParagraphs(d.bodyState, ...texts) });
}

export function actAs(core: Core, roles: Role[], name = 'Uji'): void {
  core.context.currentCaller = () => callerFor(null, name, roles);
}

/** Creates a release with a title and some text and takes it to `approved`. */
export async function approvedRelease(core: Core, title: string): Promise<string> {
  const r = await core.invoke('releases.create', { title });
  await writeBody(core, r.id, `Isi rilis ${title}.`);
  await core.invoke('releases.transition', { id: r.id, to: 'in_review' });
  const a = await core.invoke('releases.transition', { id: r.id, to: 'approved' });
  return a.id;
}
