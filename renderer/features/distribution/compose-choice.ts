import { DEFAULT_GREETING, type AttachmentKind } from '../../../shared/distribution/model';
import type { MethodInput } from '../../../shared/contract/methods';

export interface ChosenPerson {
  id: string;
  name: string;
  outletName: string;
}

/** What the officer has chosen in "Kirim ke media" so far. */
export interface ComposeChoice {
  listIds: string[];
  people: ChosenPerson[];
  email: boolean;
  whatsapp: boolean;
  greeting: string;
  attachments: AttachmentKind[];
  paper: 'A4' | 'F4';
}

export const INITIAL_CHOICE: ComposeChoice = {
  listIds: [],
  people: [],
  email: true,
  whatsapp: true,
  greeting: DEFAULT_GREETING,
  attachments: ['pdf'],
  paper: 'A4',
};

/** The choice as `distribution.queue` (and, with `withAttachments`, `distribution.preview`) takes it. */
export function composeInput(releaseId: string, c: ComposeChoice): MethodInput<'distribution.queue'> {
  return {
    releaseId,
    listIds: c.listIds,
    journalistIds: c.people.map((p) => p.id),
    outletIds: [],
    channels: { email: c.email, whatsapp: c.whatsapp },
    greeting: c.greeting,
    attachments: c.email ? c.attachments : [],
    paper: c.paper,
  };
}
