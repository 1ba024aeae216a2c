import { EMAIL_STATUSES, SMTP_SECURITY } from '../../distribution/model';
import { intAtLeast, isBlank, isoInstant, oneOf } from '../domains';
import { onlyFields, refuse } from '../refuse';
import type { Refusal, RuleInput, TableRules } from '../types';
import { erasureOlderThanEdits } from './media';

/** A recipient row copies a journalist's name and addresses: erased with the journalist. */
export const RECIPIENT_ERASED_FIELDS = ['name', 'email', 'whatsapp', 'last_error'] as const;

/**
 * Recipients are written by those who send (distribution.send). Whoever may erase a journalist
 * (media.personal) may also scrub that journalist's recipient rows, and nothing else there.
 */
function recipientCheck(j: RuleInput): Refusal | null {
  if (j.before && !isBlank(j.before.erased_at))
    return refuse('erased', null, 'Penerima ini sudah dihapus atas permintaan; tidak dapat diubah.', 'This recipient was erased on request.');
  if (!j.actor.can('distribution.send')) {
    const erasure = !isBlank(j.fields.erased_at) && j.before !== null && onlyFields(j.fields, [...RECIPIENT_ERASED_FIELDS, 'erased_at', 'email_status', 'next_attempt_at']);
    if (!erasure)
      return refuse('table_forbidden', null, 'Penerima kiriman hanya diubah oleh pengirim (izin distribution.send).', 'Recipients are changed by those who send (distribution.send).');
  }
  return erasureOlderThanEdits(j, 'erased_at', RECIPIENT_ERASED_FIELDS);
}

/** Distribution: recipients carry email addresses and WhatsApp numbers, so only media.personal reads them. */
export const distributionRules = {
  distributions: { write: 'distribution.send', read: { permission: 'media.personal' } },
  distribution_recipients: {
    write: ['distribution.send', 'media.personal'],
    fields: {
      email_status: { domain: oneOf(EMAIL_STATUSES) },
      attempts: { domain: intAtLeast(0) },
      erased_at: { domain: isoInstant },
    },
    check: recipientCheck,
    read: { permission: 'media.personal' },
    erasure: { marker: 'erased_at', fields: RECIPIENT_ERASED_FIELDS },
  },
  distribution_settings: {
    write: 'distribution.send',
    fields: { smtp_security: { domain: oneOf(SMTP_SECURITY) }, smtp_port: { domain: intAtLeast(1) } },
    read: { permission: 'media.read' },
  },
} as const satisfies Record<string, TableRules>;
