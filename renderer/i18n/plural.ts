import type { Language } from '../../shared/contract/methods';
import { interpolate } from './interpolate';

/** "{n} {unit}", the number grouped and the unit's form chosen by the language's plural rules; `forms` is "one|other" or one form. */
export function plural(language: Language, n: number, forms: string): string {
  const word = interpolate(`{n|${forms}}`, { n }, language).slice(String(n).length + 1);
  return `${n.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB')} ${word}`;
}
