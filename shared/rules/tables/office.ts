import { checkNumberPattern } from '../../office/number-pattern';
import { ZONE_LABELS } from '../../office/time-zones';
import { oneOf } from '../domains';
import type { Domain, TableRules } from '../types';

const numberPattern: Domain = (v) =>
  typeof v === 'string' && checkNumberPattern(v).ok
    ? null
    : { id: 'pola nomor tidak sah (perlu {seq} dan penanda yang dikenal)', en: 'not a valid number pattern (needs {seq} and known placeholders)' };

/** The office profile and the OPD list: administrators write them, every device reads them. */
export const officeRules = {
  office_profile: {
    write: 'office.manage',
    fields: { time_zone: { domain: oneOf(ZONE_LABELS) }, number_pattern: { domain: numberPattern } },
    read: { permission: 'office.read' },
  },
  opd: {
    write: 'office.manage',
    read: { permission: 'office.read' },
  },
} as const satisfies Record<string, TableRules>;
