import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl } from '../../../electron/shell/policy/app-origin';

describe('isAppUrl', () => {
  it('accepts our own origin', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://warta/')).toBe(true);
    expect(isAppUrl('app://warta/assets/index-abc.js?x=1#top')).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://warta.evil/index.html',
    'app://warta@evil/index.html',
    'app://evil@warta/index.html',
    'app://warta:8080/index.html',
    'http://warta/index.html',
    'https://warta/',
    'file:///index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'warta/index.html',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses things that are not strings', () => {
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl({ href: 'app://warta/' })).toBe(false);
  });
});
