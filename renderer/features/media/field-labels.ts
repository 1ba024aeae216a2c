import type { ImportKind } from '../../../shared/media/columns';
import type { MessageKey } from '../../i18n/messages-id';

/** The label of each import field, in the UI language. */
export const FIELD_KEY: Record<ImportKind, Record<string, MessageKey>> = {
  outlets: {
    name: 'media.outlet.name',
    kind: 'media.outlet.kind',
    legalEntity: 'media.outlet.legal',
    pressCouncilStatus: 'media.outlet.press',
    pressCouncilCertNo: 'media.outlet.cert',
    pressCouncilCertDate: 'media.outlet.certDate',
    editorInChief: 'media.outlet.chief',
    personInCharge: 'media.outlet.pic',
    region: 'media.outlet.region',
    address: 'media.outlet.address',
    phone: 'media.outlet.phone',
    email: 'media.outlet.email',
    website: 'media.outlet.website',
    circulation: 'media.outlet.circulation',
    monthlyTraffic: 'media.outlet.traffic',
    broadcastLicence: 'media.outlet.licence',
  },
  journalists: {
    name: 'media.person.name',
    outletName: 'media.person.outlet',
    outletKind: 'media.outlet.kind',
    role: 'media.person.role',
    beat: 'media.person.beat',
    phone: 'media.person.phone',
    whatsapp: 'media.person.whatsapp',
    email: 'media.person.email',
    ukwLevel: 'media.person.ukwLevel',
    ukwNumber: 'media.person.ukwNumber',
    ukwValidUntil: 'media.person.ukwUntil',
    pressCardNo: 'media.person.card',
    dataSource: 'media.person.source',
    consent: 'media.person.consent',
  },
};
