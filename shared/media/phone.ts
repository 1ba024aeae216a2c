/**
 * Indonesian phone numbers as people type them in Excel: 0812-3456-7890, 62812…, +62 812 …,
 * (0271) 555-0101, a number that lost its leading zero (81234567890) because the cell was
 * numeric. Read with libphonenumber-js (Google's numbering plan data for Indonesia: which
 * prefixes are mobile, which are fixed lines of which area, how long each may be), stored as
 * E.164 (+62 and the national number without its 0), and told apart: only a mobile number
 * gets a WhatsApp click-to-chat link, a landline's would open a chat that cannot exist.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { PHONE_METADATA_ID } from './phone-metadata-id';

export type PhoneKind = 'mobile' | 'fixed' | 'other';
export type PhoneResult = { ok: true; value: string; kind: PhoneKind } | { ok: false; reason: 'empty' | 'chars' | 'length' | 'prefix' };

function kindOf(type: string | undefined): PhoneKind {
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') return 'fixed';
  return 'other';
}

export function normalizePhone(raw: string | number | null | undefined): PhoneResult {
  if (raw === null || raw === undefined) return { ok: false, reason: 'empty' };
  let text = typeof raw === 'number' ? (Number.isInteger(raw) ? raw.toFixed(0) : String(raw)) : String(raw);
  text = text.trim();
  if (!text) return { ok: false, reason: 'empty' };
  // An apostrophe is how Excel users force text; "ext" or "/" parts are not part of the number.
  text = text.replace(/^'/, '').split(/\s*(?:ext\.?|ekst\.?|\/|,|;)\s*/i)[0] ?? '';
  if (/[^0-9+()\-.\s]/.test(text)) return { ok: false, reason: 'chars' };
  let digits = text.replace(/[^0-9]/g, '');
  if (!digits) return { ok: false, reason: 'empty' };
  const plus = text.trim().startsWith('+');
  if ((plus && !digits.startsWith('62')) || (!plus && digits.startsWith('00') && !digits.startsWith('0062'))) return { ok: false, reason: 'prefix' };
  if (digits.startsWith('0062')) digits = digits.slice(4);
  else if (digits.startsWith('62')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  else if (!digits.startsWith('8')) return { ok: false, reason: 'prefix' }; // a bare number must be a mobile that lost its 0
  if (digits.startsWith('0')) digits = digits.slice(1); // +62 (0)812…: a zero typed after the country code
  const parsed = parsePhoneNumberFromString(`+62${digits}`, PHONE_METADATA_ID);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'length' };
  return { ok: true, value: parsed.number, kind: kindOf(parsed.getType()) };
}

/** True when the stored (or typed) number is an Indonesian mobile number. */
export function isMobile(raw: string | null | undefined): boolean {
  const r = normalizePhone(raw);
  return r.ok && r.kind === 'mobile';
}

/** +6281234567890 → 0812-3456-7890, +622715550101 → (0271) 5550101: the way Indonesians read numbers. */
export function formatPhoneLocal(e164: string): string {
  const parsed = e164.startsWith('+62') ? parsePhoneNumberFromString(e164, PHONE_METADATA_ID) : undefined;
  return parsed?.isValid() ? parsed.formatNational() : e164;
}

/** The number as wa.me wants it ("6281234567890"), only for a mobile number; null otherwise. */
export function whatsappDigits(raw: string | null | undefined): string | null {
  const r = normalizePhone(raw);
  return r.ok && r.kind === 'mobile' ? r.value.slice(1) : null;
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** A plausible address: one @, a dotted domain, no spaces; lower-cased. Null when it is not one. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const text = String(raw ?? '').trim().replace(/^mailto:/i, '');
  if (!text || text.length > 160 || !EMAIL.test(text)) return null;
  return text.toLowerCase();
}
