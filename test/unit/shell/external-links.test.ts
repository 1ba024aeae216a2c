import { describe, expect, it } from 'vitest';
import { describeExternalUrl, isAllowedExternalUrl } from '../../../electron/shell/policy/external-links';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://jatimprov.go.id/berita/123',
    'http://example.com/',
    'https://example.com:8443/a?b=c#d',
    'mailto:humas@example.go.id',
    'mailto:humas@example.go.id?subject=Siaran%20Pers',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/doc.docx',
    'data:text/html,<b>x</b>',
    'app://warta/index.html',
    'app://evil/',
    'ftp://example.com/file',
    'smb://server/share',
    'ms-settings:privacy',
    'vbscript:msgbox(1)',
    'chrome://settings',
    'http://127.0.0.1@evil.example/',
    'https://user:pass@example.com/',
    'https://',
    'http://',
    'mailto:',
    ' https://example.com/',
    'https://exa mple.com/',
    'https://example.com/\nline',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings and absurdly long links', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl(42)).toBe(false);
    expect(isAllowedExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });

  it('shows the real target in the confirmation', () => {
    expect(describeExternalUrl('https://EXAMPLE.com/a b')).toBe('https://example.com/a%20b');
    expect(describeExternalUrl('mailto:humas@example.go.id')).toBe('humas@example.go.id');
  });
});
