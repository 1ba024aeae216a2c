import type { AuditEntry } from '../../../shared/people/audit';
import type { Language } from '../../../shared/contract/methods';
import { ROLES, type Role } from '../../../shared/contract/permissions';
import { RELEASE_STATUSES, type ReleaseStatus } from '../../../shared/releases/model';
import type { Translate } from '../../i18n/use-t';
import { plural } from '../../i18n/plural';

/**
 * An audit entry as a sentence a person reads ("3 baris dari berkas media.csv", "peran: Penulis
 * → Editor"), never its stored keys, JSON or ids. The stored entry (and the CSV export) keeps
 * the raw details; unknown keys are left out here rather than shown raw.
 */
export function auditDetails(entry: AuditEntry, t: Translate, language: Language): string {
  const d = entry.details;
  const parts: string[] = [];
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const roles = (v: unknown) =>
    Array.isArray(v) ? v.map((r) => ((ROLES as readonly string[]).includes(String(r)) ? t(`people.role.${r as Role}` as const) : String(r))).join(', ') : '';
  const status = (v: unknown) => ((RELEASE_STATUSES as readonly string[]).includes(String(v)) ? t(`releases.status.${v as ReleaseStatus}` as const) : str(v));
  const count = (key: 'entries' | 'rows' | 'recipients' | 'failures', v: unknown) => (typeof v === 'number' ? plural(language, v, t(`people.audit.unit.${key}` as const)) : '');

  if (typeof d.login === 'string') parts.push(t('people.audit.detail.login', { login: d.login }));
  if (typeof d.failures === 'number') parts.push(count('failures', d.failures));
  if (Array.isArray(d.roles)) parts.push(t('people.audit.detail.roles', { roles: roles(d.roles) }));
  if (d.firstRun === true) parts.push(t('people.audit.detail.firstRun'));
  if ('from' in d || 'to' in d) {
    const [from, to] = [d.from, d.to];
    if (Array.isArray(from) || Array.isArray(to)) parts.push(t('people.audit.detail.rolesChanged', { from: roles(from), to: roles(to) }));
    else if (entry.action === 'machine.settings_changed') parts.push(machine(to, t));
    else if (entry.action === 'release.renumber') parts.push(t('people.audit.detail.change', { from: str(from) || '—', to: str(to) || '—' }));
    else parts.push(t('people.audit.detail.change', { from: status(from), to: status(to) }));
  }
  if (typeof d.number === 'string' && d.number) parts.push(t('people.audit.detail.number', { number: d.number }));
  if (typeof d.entries === 'number') parts.push(count('entries', d.entries));
  if (typeof d.rows === 'number') parts.push(count('rows', d.rows));
  if (typeof d.file === 'string' && d.file) parts.push(t('people.audit.detail.file', { file: d.file }));
  if (typeof d.format === 'string') parts.push(t('people.audit.detail.format', { format: d.format.toUpperCase() }));
  if (typeof d.recipients === 'number') parts.push(count('recipients', d.recipients));
  if (typeof d.ok === 'boolean') parts.push(t(d.ok ? 'people.audit.detail.intact' : 'people.audit.detail.broken'));
  if (d.reason === 'idle' || d.reason === 'manual') parts.push(t(`people.audit.detail.lock.${d.reason}`));
  else if (typeof d.reason === 'string' && d.reason) parts.push(t('people.audit.detail.reason', { reason: d.reason }));
  if (typeof d.versionId === 'string') parts.push(t('people.audit.detail.fromVersion'));
  if (typeof d.serverUrl === 'string') parts.push(t('people.audit.detail.server', { server: d.serverUrl }));
  return parts.filter(Boolean).join(' · ');
}

function machine(to: unknown, t: Translate): string {
  const v = (to ?? {}) as { pressRoom?: unknown; idleLockMinutes?: unknown };
  return t('people.audit.detail.machine', {
    mode: t(v.pressRoom ? 'people.audit.detail.pressRoom' : 'people.audit.detail.staffMachine'),
    minutes: typeof v.idleLockMinutes === 'number' ? v.idleLockMinutes : '—',
  });
}

/** What the entry was about, by kind, without its id. */
export function auditTarget(entry: AuditEntry, t: Translate): string {
  const kind = entry.targetType;
  if (!kind) return '';
  const known = ['release', 'account', 'media_journalist', 'media_import_batch', 'guestbook', 'device', 'network_contact'] as const;
  return (known as readonly string[]).includes(kind) ? t(`people.audit.target.${kind as (typeof known)[number]}` as const) : '';
}
