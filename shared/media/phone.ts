/**
 * Indonesian phone numbers as people type them in Excel: 0812-3456-7890, 62812…, +62 812 …,
 * (0271) 555-0101, a number that lost its leading zero (81234567890) because the cell was
 * numeric. All become E.164: +62 followed by the national number without its 0.
 */
export type PhoneResult = { ok: true; value: string } | { ok: false; reason: 'empty' | 'chars' | 'length' | 'prefix' };

export function normalizePhone(raw: string | number | null | undefined): PhoneResult {
  if (raw === null || raw === undefined) return { ok: false, reason: 'empty' };
  let text = typeof raw === 'number' ? (Number.isInteger(raw) ? raw.toFixed(0) : String(raw)) : String(raw);
  text = text.trim();
  if (!text) return { ok: false, reason: 'empty' };
  // An apostrophe is how Excel users force text; "ext" or "/" parts are not part of the number.
  text = text.replace(/^'/, '').split(/\s*(?:ext\.?|ekst\.?|\/|,|;)\s*/i)[0] ?? '';
  if (/[^0-9+()\-.\s]/.test(text)) return { ok: false, reason: 'chars' };
  const plus = text.trim().startsWith('+');
  let digits = text.replace(/[^0-9]/g, '');
  if (!digits) return { ok: false, reason: 'empty' };
  if (plus && !digits.startsWith('62')) return { ok: false, reason: 'prefix' };
  if (digits.startsWith('0062')) digits = digits.slice(4);
  else if (digits.startsWith('62')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  else if (!digits.startsWith('8')) return { ok: false, reason: 'prefix' };
  if (digits.startsWith('0')) digits = digits.slice(1); // +62 0812…: a zero typed after the country code
  // National numbers: mobile 9–12 digits (8xx…), fixed lines 7–10 digits plus area code.
  if (digits.length < 8 || digits.length > 12) return { ok: false, reason: 'length' };
  return { ok: true, value: `+62${digits}` };
}

/** +6281234567890 → 0812-3456-7890, the way Indonesians read numbers. */
export function formatPhoneLocal(e164: string): string {
  if (!e164.startsWith('+62')) return e164;
  const n = `0${e164.slice(3)}`;
  if (n.startsWith('08')) return n.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
  return n;
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** A plausible address: one @, a dotted domain, no spaces; lower-cased. Null when it is not one. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const text = String(raw ?? '').trim().replace(/^mailto:/i, '');
  if (!text || text.length > 160 || !EMAIL.test(text)) return null;
  return text.toLowerCase();
}
