import { describe, expect, it } from 'vitest';
import { checkNumberPattern, formatReleaseNumber } from '../../shared/office/number-pattern';

const values = { seq: 7, unit: 'Humas', institution: 'Pemkot-SKJ', year: 2026, month: 11, day: 3 };

describe('release number patterns', () => {
  it('fills the common patterns', () => {
    expect(formatReleaseNumber('{seq}/{unit}/{institution}/{month-roman}/{year}', values)).toBe('7/Humas/Pemkot-SKJ/XI/2026');
    expect(formatReleaseNumber('000.8.3/{seq3}/Humas/{year}', values)).toBe('000.8.3/007/Humas/2026');
  });

  it('names an unknown placeholder', () => {
    expect(checkNumberPattern('{seq}/{bulan}/{year}')).toEqual({ ok: false, reason: 'unknown_placeholder', placeholder: 'bulan' });
  });

  it('refuses unbalanced braces and a pattern without a sequence', () => {
    expect(checkNumberPattern('{seq/{year}')).toMatchObject({ ok: false, reason: 'unbalanced_brace' });
    expect(checkNumberPattern('seq}/{year}')).toMatchObject({ ok: false, reason: 'unbalanced_brace' });
    expect(checkNumberPattern('Humas/{year}')).toMatchObject({ ok: false, reason: 'missing_seq' });
  });
});
