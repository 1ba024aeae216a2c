import { describe, expect, it } from 'vitest';
import { checkPayload, isTrustedSender } from '../../../electron/shell/policy/ipc-guard';

describe('isTrustedSender', () => {
  const trusted = { frameUrl: 'app://warta/index.html', isOurWindow: true, isMainFrame: true };

  it('trusts the top frame of our window showing our origin', () => {
    expect(isTrustedSender(trusted)).toBe(true);
  });

  it.each([
    ['another window', { ...trusted, isOurWindow: false }],
    ['an iframe', { ...trusted, isMainFrame: false }],
    ['a destroyed frame', { ...trusted, frameUrl: null }],
    ['a remote page', { ...trusted, frameUrl: 'https://evil.example/' }],
    ['a local file', { ...trusted, frameUrl: 'file:///tmp/x.html' }],
    ['another app:// host', { ...trusted, frameUrl: 'app://evil/index.html' }],
    ['credentials disguising the host', { ...trusted, frameUrl: 'app://warta@evil/' }],
    ['a loopback web page', { ...trusted, frameUrl: 'http://127.0.0.1:5173/' }],
    ['about:blank', { ...trusted, frameUrl: 'about:blank' }],
  ])('refuses %s', (_what, facts) => {
    expect(isTrustedSender(facts)).toBe(false);
  });
});

describe('checkPayload', () => {
  it('lets normal calls through', () => {
    expect(checkPayload('app.info', {})).toBeNull();
    expect(checkPayload('app.info', undefined)).toBeNull();
    expect(checkPayload('office.save', { name: 'Diskominfo Kabupaten Sleman' })).toBeNull();
  });

  it('refuses payloads over the limit, measured in UTF-8 bytes', () => {
    expect(checkPayload('x.y', { s: 'a'.repeat(90) }, 100)).toBeNull();
    expect(checkPayload('x.y', { s: 'a'.repeat(100) }, 100)?.code).toBe('payload_too_large');
    // 40 characters but 120 bytes: the limit is about bytes on the wire, not characters.
    expect(checkPayload('x.y', { s: 'ꦮ'.repeat(40) }, 100)?.code).toBe('payload_too_large');
  });

  it('uses the shared 8 MB transport limit by default', () => {
    expect(checkPayload('attachments.putImage', { base64: 'A'.repeat(3 * 1024 * 1024) })).toBeNull();
    expect(checkPayload('attachments.putImage', { base64: 'A'.repeat(9 * 1024 * 1024) })?.code).toBe('payload_too_large');
  });

  it('refuses what cannot be measured and methods that are not names', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkPayload('x.y', cyclic)?.code).toBe('invalid_input');
    expect(checkPayload('x.y', { n: 10n })?.code).toBe('invalid_input');
    expect(checkPayload(42, {})?.code).toBe('unknown_method');
    expect(checkPayload('m'.repeat(500), {})?.code).toBe('unknown_method');
  });
});
