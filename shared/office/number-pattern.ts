/**
 * Release number patterns are an office setting, e.g. `{seq}/{unit}/{institution}/{month-roman}/{year}`
 * or the archive-code style `000.8.3/{seq}/Humas/{year}`. Validated when saved so that a typo
 * is found in Settings, not on the day a release is approved.
 */
export const NUMBER_PLACEHOLDERS = ['seq', 'seq3', 'unit', 'institution', 'year', 'month', 'month-roman', 'day'] as const;
export type NumberPlaceholder = (typeof NUMBER_PLACEHOLDERS)[number];

export const DEFAULT_NUMBER_PATTERN = '{seq}/{unit}/{institution}/{month-roman}/{year}';

export type PatternCheck =
  | { ok: true; placeholders: NumberPlaceholder[] }
  | { ok: false; reason: 'unknown_placeholder'; placeholder: string }
  | { ok: false; reason: 'unbalanced_brace' }
  | { ok: false; reason: 'missing_seq' };

export function checkNumberPattern(pattern: string): PatternCheck {
  const found: NumberPlaceholder[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '}') return { ok: false, reason: 'unbalanced_brace' };
    if (ch !== '{') {
      i += 1;
      continue;
    }
    const end = pattern.indexOf('}', i + 1);
    if (end < 0) return { ok: false, reason: 'unbalanced_brace' };
    const name = pattern.slice(i + 1, end);
    if (name.includes('{')) return { ok: false, reason: 'unbalanced_brace' };
    if (!(NUMBER_PLACEHOLDERS as readonly string[]).includes(name)) return { ok: false, reason: 'unknown_placeholder', placeholder: name };
    found.push(name as NumberPlaceholder);
    i = end + 1;
  }
  // Without a sequence every release of a year would get the same number.
  if (!found.includes('seq') && !found.includes('seq3')) return { ok: false, reason: 'missing_seq' };
  return { ok: true, placeholders: found };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function romanMonth(month1to12: number): string {
  const r = ROMAN[month1to12 - 1];
  if (!r) throw new RangeError(`month out of range: ${month1to12}`);
  return r;
}

export interface NumberValues {
  seq: number;
  unit: string;
  institution: string;
  year: number;
  month: number;
  day: number;
}

/** Fills a pattern that passed `checkNumberPattern`. */
export function formatReleaseNumber(pattern: string, v: NumberValues): string {
  return pattern.replace(/\{([a-z0-9-]+)\}/g, (_, name: string) => {
    switch (name as NumberPlaceholder) {
      case 'seq':
        return String(v.seq);
      case 'seq3':
        return String(v.seq).padStart(3, '0');
      case 'unit':
        return v.unit;
      case 'institution':
        return v.institution;
      case 'year':
        return String(v.year);
      case 'month':
        return String(v.month).padStart(2, '0');
      case 'month-roman':
        return romanMonth(v.month);
      case 'day':
        return String(v.day).padStart(2, '0');
      default:
        throw new RangeError(`unknown placeholder {${name}}`);
    }
  });
}
