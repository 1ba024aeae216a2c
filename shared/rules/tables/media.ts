import { CONSENT_STATES, CONTRACT_STATUSES, OUTLET_KINDS, PRESS_COUNCIL_STATUSES, PRODUCTS, TONES, UKW_LEVELS } from '../../media/vocabulary';
import { intAtLeast, isBlank, isoDateOrEmpty, isoInstant, oneOf } from '../domains';
import { refuse } from '../refuse';
import type { Refusal, RuleInput, TableRules } from '../types';

/** A journalist's contact data and card numbers: personal data under UU 27/2022 (media.personal). */
export const JOURNALIST_PERSONAL_FIELDS = ['phone', 'whatsapp', 'email', 'ukw_number', 'press_card_no'] as const;

/** What an erasure on request scrubs (media.journalists.erase), and so what the server redacts from its log. */
export const JOURNALIST_ERASED_FIELDS = [
  'name',
  ...JOURNALIST_PERSONAL_FIELDS,
  'notes',
  'beat',
  'role',
  'ukw_level',
  'ukw_valid_until',
  'data_source',
] as const;

/**
 * Refuses an erasure stamped before newer edits of the fields it scrubs: per-field last writer
 * wins would keep the newer value on every device that holds it. The device takes the office's
 * state and the person erases again, after every edit.
 */
export function erasureOlderThanEdits(j: RuleInput, marker: string, fields: readonly string[]): Refusal | null {
  if (isBlank(j.fields[marker]) || !j.before) return null;
  for (const f of fields) {
    const clock = j.beforeClock(f);
    if (clock !== undefined && clock > j.hlc)
      return refuse('wrong_state', f, 'Data ini diubah di komputer lain setelah penghapusan dibuat; sinkronkan lalu hapus lagi.', 'This record was edited elsewhere after the erasure was made; sync, then erase again.');
  }
  return null;
}

function journalistCheck(j: RuleInput): Refusal | null {
  if (j.before && !isBlank(j.before.erased_at))
    return refuse('erased', null, 'Data wartawan ini sudah dihapus atas permintaan; tidak dapat diubah.', "This journalist's data was erased on request; it cannot change.");
  return erasureOlderThanEdits(j, 'erased_at', JOURNALIST_ERASED_FIELDS);
}

const personal = Object.fromEntries(JOURNALIST_PERSONAL_FIELDS.map((f) => [f, { write: 'media.personal' as const }]));

/** The media directory: the media-cooperation unit (media.write) writes it; personal fields need media.personal. */
export const mediaRules = {
  media_outlet: {
    write: 'media.write',
    fields: {
      kind: { domain: oneOf(OUTLET_KINDS) },
      press_council_status: { domain: oneOf(PRESS_COUNCIL_STATUSES) },
      press_council_cert_date: { domain: isoDateOrEmpty },
    },
    read: { permission: 'media.read' },
  },
  media_journalist: {
    write: 'media.write',
    fields: {
      ...personal,
      ukw_level: { domain: oneOf(UKW_LEVELS) },
      ukw_valid_until: { domain: isoDateOrEmpty },
      consent: { domain: oneOf(CONSENT_STATES) },
      consent_at: { domain: isoInstant },
      erased_at: { write: 'media.personal', domain: isoInstant },
    },
    check: journalistCheck,
    read: { permission: 'media.read', groups: [{ fields: JOURNALIST_PERSONAL_FIELDS, visibleTo: (v) => v.can('media.personal') }] },
    erasure: { marker: 'erased_at', fields: JOURNALIST_ERASED_FIELDS },
  },
  media_contract: {
    write: 'media.write',
    fields: { status: { domain: oneOf(CONTRACT_STATUSES) }, period_start: { domain: isoDateOrEmpty }, period_end: { domain: isoDateOrEmpty } },
    read: { permission: 'media.read' },
  },
  media_contract_quota: { write: 'media.write', fields: { product: { domain: oneOf(PRODUCTS) }, quota: { domain: intAtLeast(0) } }, read: { permission: 'media.read' } },
  media_publication: {
    write: 'media.write',
    fields: { product: { domain: oneOf(PRODUCTS) }, published_on: { domain: isoDateOrEmpty }, tone: { domain: oneOf(TONES) } },
    read: { permission: 'media.read' },
  },
  media_list: { write: 'media.write', read: { permission: 'media.read' } },
  media_list_member: { write: 'media.write', read: { permission: 'media.read' } },
  media_import_batch: { write: 'media.write', read: { permission: 'media.read' } },
  media_import_preset: { write: 'media.write', read: { permission: 'media.read' } },
} as const satisfies Record<string, TableRules>;
