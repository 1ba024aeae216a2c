import { contentSecurityPolicy, securityHeaders as rendererHeaders } from '../../../shared/security/csp';

/** The window's CSP: the renderer talks to the core over IPC, so no network origin is needed. */
export function appContentSecurityPolicy(): string {
  return contentSecurityPolicy();
}

/** Headers every app:// response carries. */
export function securityHeaders(): Record<string, string> {
  return rendererHeaders();
}
