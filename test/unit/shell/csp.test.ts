import { describe, expect, it } from 'vitest';
import { appContentSecurityPolicy, securityHeaders } from '../../../electron/shell/policy/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
}

describe('the window CSP', () => {
  const csp = directives(appContentSecurityPolicy());

  it('allows only our own scripts: no inline, no eval, no remote', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    const all = [...csp.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all.some((v) => /^(https?:|wss?:|\*)/.test(v))).toBe(false);
  });

  it('shuts plugins, frames, base and form targets', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is sent with the other hardening headers', () => {
    const h = securityHeaders();
    expect(h['content-security-policy']).toBe(appContentSecurityPolicy());
    expect(h['x-content-type-options']).toBe('nosniff');
  });
});
