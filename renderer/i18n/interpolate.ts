import type { Language } from '../../shared/contract/methods';

const pluralRules: Partial<Record<Language, Intl.PluralRules>> = {};
const ruleOf = (language: Language) => (pluralRules[language] ??= new Intl.PluralRules(language === 'id' ? 'id-ID' : 'en-GB'));

/**
 * Fills `{name}` from values; braces without a value (like the pattern placeholder `{seq}`) stay as
 * written. `{name|one|other}` fills the number followed by the word its count asks for under the
 * language's plural rules (Intl.PluralRules): "{count|recipient|recipients}" → "1 recipient",
 * "3 recipients". Indonesian needs no second form ("{count|penerima}").
 */
export function interpolate(template: string, values?: Record<string, string | number>, language: Language = 'id'): string {
  if (!values) return template;
  return template.replace(/\{([A-Za-z0-9_-]+)((?:\|[^{}|]+)+)?\}/g, (whole, name: string, forms: string | undefined) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) return whole;
    const value = values[name]!;
    if (!forms) return String(value);
    const [one, other = one] = forms.slice(1).split('|') as [string, string?];
    const n = typeof value === 'number' ? value : Number(value);
    return `${value} ${Number.isFinite(n) && ruleOf(language).select(n) === 'one' ? one : other}`;
  });
}
