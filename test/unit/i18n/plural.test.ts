import { describe, expect, it } from 'vitest';
import { interpolate } from '../../../renderer/i18n/interpolate';
import { plural } from '../../../renderer/i18n/plural';
import { messagesEn } from '../../../renderer/i18n/messages-en';
import { messagesId } from '../../../renderer/i18n/messages-id';

describe('plurals by Intl.PluralRules', () => {
  it('picks the English form by count and keeps Indonesian nouns as they are', () => {
    expect(interpolate(messagesEn['releases.count'], { count: 1 }, 'en')).toBe('1 release');
    expect(interpolate(messagesEn['releases.count'], { count: 0 }, 'en')).toBe('0 releases');
    expect(interpolate(messagesEn['releases.count'], { count: '1,234' }, 'en')).toBe('1,234 releases');
    expect(interpolate(messagesId['releases.count'], { count: 1 }, 'id')).toBe('1 rilis');
    expect(interpolate('{count|penerima}', { count: 3 }, 'id')).toBe('3 penerima');
    expect(plural('en', 1, 'entry|entries')).toBe('1 entry');
    expect(plural('en', 2000, 'entry|entries')).toBe('2,000 entries');
    expect(plural('id', 2000, 'entri')).toBe('2.000 entri');
  });

  it('leaves unfilled braces and plain placeholders alone', () => {
    expect(interpolate('{seq}/{count|x|xs}', { count: 2 }, 'en')).toBe('{seq}/2 xs');
    expect(interpolate('Hi {name}', { name: 'Rina' }, 'en')).toBe('Hi Rina');
  });

  it('no English message says "1 …s" for a count of one', () => {
    for (const [key, text] of Object.entries(messagesEn)) {
      if (!/\{(count|shown)\}/.test(text)) continue;
      const out = interpolate(text, { count: 1, shown: 1, total: 5, query: 'x', names: 'x', detail: 'x', done: 1 }, 'en');
      expect(out, key).not.toMatch(/\b1 (releases|recipients|entries|rows|items|journalists|contacts|columns|cells|outlets)\b/);
    }
  });
});
