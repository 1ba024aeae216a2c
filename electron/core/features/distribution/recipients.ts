import { z } from 'zod';
import { WartaError } from '../../../../shared/contract/errors';
import { MAX_RECIPIENTS, type ExcludedContact, type PlannedRecipient } from '../../../../shared/distribution/model';
import { whatsappNumber } from '../../../../shared/distribution/message';
import { normalizePhone } from '../../../../shared/media/phone';

const isLandline = (raw: string) => {
  const r = normalizePhone(raw);
  return r.ok && r.kind !== 'mobile';
};
import type { Recipient } from '../../../../shared/media/types';
import type { CoreContext } from '../../rpc/handler-types';
import { recipientsOf, resolveList } from '../media/lists';

const emailSchema = z.string().email();

export interface RecipientChoice {
  listIds: readonly string[];
  journalistIds: readonly string[];
  outletIds: readonly string[];
  channels: { email: boolean; whatsapp: boolean };
}

/**
 * Who gets the release: the chosen lists and people, once each, with an address for at least
 * one chosen channel. Everyone left out is listed with the reason, so the officer sees that
 * "Budi (jangan dikirimi)" was skipped rather than wondering.
 */
export function planRecipients(ctx: CoreContext, choice: RecipientChoice): { recipients: PlannedRecipient[]; excluded: ExcludedContact[] } {
  if (!choice.channels.email && !choice.channels.whatsapp) {
    throw new WartaError('invalid_input', 'Pilih setidaknya satu saluran: email atau WhatsApp.', { field: 'channels' });
  }
  const contacts: Recipient[] = [];
  for (const id of choice.listIds) contacts.push(...resolveList(ctx, id, true));
  contacts.push(...recipientsOf(ctx, choice.outletIds, choice.journalistIds, true));

  const recipients: PlannedRecipient[] = [];
  const excluded: ExcludedContact[] = [];
  const seenPeople = new Set<string>();
  const seenEmails = new Set<string>();
  const seenNumbers = new Set<string>();
  const skip = (c: Recipient, reason: ExcludedContact['reason'], detail = '') => excluded.push({ name: c.name, outletName: c.outletName, reason, detail });

  for (const c of contacts) {
    const key = c.journalistId ? `j:${c.journalistId}` : `o:${c.outletId}`;
    if (seenPeople.has(key)) continue; // the same person through two lists: silently once
    seenPeople.add(key);
    if (c.doNotSend) {
      skip(c, 'do_not_send');
      continue;
    }
    const rawEmail = choice.channels.email ? (c.email ?? '').trim().toLowerCase() : '';
    const emailOk = rawEmail !== '' && emailSchema.safeParse(rawEmail).success;
    const number = choice.channels.whatsapp ? whatsappNumber(c.whatsapp) : null;
    const email = emailOk && !seenEmails.has(rawEmail) ? rawEmail : null;
    const whatsapp = number && !seenNumbers.has(number) ? number : null;
    if (!email && !whatsapp) {
      if (emailOk || number) skip(c, 'duplicate', emailOk ? rawEmail : `+${number}`);
      else if (rawEmail) skip(c, 'invalid_email', rawEmail);
      else if (choice.channels.whatsapp && c.whatsapp) skip(c, isLandline(c.whatsapp) ? 'not_mobile' : 'invalid_whatsapp', c.whatsapp);
      else skip(c, 'no_address');
      continue;
    }
    if (email) seenEmails.add(email);
    if (whatsapp) seenNumbers.add(whatsapp);
    recipients.push({
      journalistId: c.journalistId,
      outletId: c.outletId || null,
      name: c.name,
      outletName: c.outletName,
      email,
      whatsapp,
      embargoTrusted: c.embargoTrusted,
    });
    if (recipients.length > MAX_RECIPIENTS) {
      throw new WartaError(
        'payload_too_large',
        `Penerima lebih dari ${MAX_RECIPIENTS.toLocaleString('id-ID')}. Satu pengiriman paling banyak ${MAX_RECIPIENTS.toLocaleString('id-ID')} penerima; bagi menjadi beberapa daftar.`,
        { limit: MAX_RECIPIENTS },
      );
    }
  }
  return { recipients, excluded };
}
