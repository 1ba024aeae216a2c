import { checkNumberPattern, formatReleaseNumber, type PatternCheck } from '../../../shared/office/number-pattern';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import { zonedParts } from '../../../shared/format/dates';
import type { Translate } from '../../i18n/use-t';

/** The sequence number used in examples: small, and with a leading zero under {seq3}. */
export const EXAMPLE_SEQ = 7;

export interface NumberPreviewInput {
  pattern: string;
  unitCode: string;
  institutionCode: string;
  zone: ZoneLabel;
  now: number;
}

/** The number a release would get today, or null while the pattern is not valid. */
export function previewReleaseNumber(input: NumberPreviewInput): string | null {
  if (!checkNumberPattern(input.pattern).ok) return null;
  const p = zonedParts(input.now, input.zone);
  return formatReleaseNumber(input.pattern, {
    seq: EXAMPLE_SEQ,
    unit: input.unitCode.trim(),
    institution: input.institutionCode.trim(),
    year: p.year,
    month: p.month,
    day: p.day,
  });
}

/** The reason a pattern is refused, in the user's language; null when it is valid. */
export function patternProblem(check: PatternCheck, t: Translate): string | null {
  if (check.ok) return null;
  if (check.reason === 'unknown_placeholder') return t('pattern.unknown', { placeholder: `{${check.placeholder}}` });
  if (check.reason === 'missing_seq') return t('pattern.missingSeq');
  return t('pattern.unbalanced');
}
