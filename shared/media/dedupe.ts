import { fold } from './vocabulary';

/** Legal forms and filler words that differ between two sheets naming the same outlet. */
const NOISE = new Set(['pt', 'cv', 'tbk', 'persero', 'perseroan', 'terbatas', 'the']);

/** A name for comparing: folded, legal forms dropped ("PT Sukamaju Pos Tbk." = "sukamaju pos"). */
export function normalizeName(name: string): string {
  return fold(name)
    .split(' ')
    .filter((w) => w && !NOISE.has(w))
    .join(' ');
}

export interface DedupeFields {
  name: string;
  phone?: string | null;
  email?: string | null;
}

/**
 * The keys two records of the same outlet or person share: the normalised name together with
 * the (normalised) phone or the email. A person with neither is keyed by name alone, and so is an
 * outlet (outlet names are unique in practice; two sheets rarely agree on the office phone).
 */
export function dedupeKeys(record: DedupeFields, kind: 'outlet' | 'journalist'): string[] {
  const name = normalizeName(record.name);
  if (!name) return [];
  if (kind === 'outlet') return [`n:${name}`];
  const keys: string[] = [];
  if (record.phone) keys.push(`p:${name}|${record.phone}`);
  if (record.email) keys.push(`e:${name}|${record.email.toLowerCase()}`);
  if (keys.length === 0) keys.push(`n:${name}`);
  return keys;
}

/** Duplicates within one list: for each index, the index of the first record sharing a key, or -1. */
export function findDuplicatesWithin<T extends DedupeFields>(records: readonly (T | null)[], kind: 'outlet' | 'journalist'): number[] {
  const first = new Map<string, number>();
  return records.map((r, i) => {
    if (!r) return -1;
    const keys = dedupeKeys(r, kind);
    let dup = -1;
    for (const k of keys) {
      const seen = first.get(k);
      if (seen !== undefined) {
        dup = seen;
        break;
      }
    }
    if (dup === -1) for (const k of keys) first.set(k, i);
    return dup;
  });
}
