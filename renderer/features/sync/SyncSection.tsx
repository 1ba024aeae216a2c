import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { SyncConflict, SyncRefusal, SyncReview } from '../../../shared/contract/methods';
import { ROLES, type Role } from '../../../shared/contract/permissions';
import { ENROLMENT_FILE_EXTENSION, enrolmentFileText } from '../../../shared/sync/enrolment-file';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { fieldLabel, tableLabel } from '../../i18n/data-labels';
import { useT } from '../../i18n/use-t';
import { asZone } from '../office/office-form-values';
import { useOfficeStore } from '../office/office-store';
import { useCan } from '../people/session-store';
import { useAppInfo } from '../settings/app-info-store';
import { useOpdStore } from '../settings/opd-store';
import { useSyncStatus } from '../status/sync-status-store';
import { DeviceReportPanel } from './DeviceReportPanel';
import { syncStateText } from './SyncStateLabel';
import './sync.css';

interface Issued {
  code: string;
  workspace: string;
  url: string;
  role: Role;
}

/** The code just made, as a `.warta-enrol` file the administrator hands to the new computer (first run › Gabung). */
function downloadEnrolmentFile(issued: Issued, workspaceName: string | null) {
  const text = enrolmentFileText({
    serverUrl: issued.url,
    workspace: issued.workspace,
    ...(workspaceName ? { workspaceName } : {}),
    code: issued.code,
    role: issued.role,
    issuedAt: new Date().toISOString(),
  });
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${(workspaceName ?? issued.workspace).replace(/[^\p{L}\p{N}-]+/gu, '-')}-${issued.role}${ENROLMENT_FILE_EXTENSION}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Settings › Sinkronisasi: enrolment, status, conflicts and reviews, hosting the office server. */
export function SyncSection() {
  const { t, language } = useT();
  const zone = asZone(useOfficeStore((s) => s.profile?.timeZone ?? 'WIB'));
  const canManage = useCan('sync.manage');
  const status = useSyncStatus((s) => s.status);
  const deviceId = useAppInfo((s) => s.info?.deviceId ?? null);
  const setStatus = useSyncStatus((s) => s.set);
  const [form, setForm] = useState({ serverUrl: '', workspace: '', code: '', deviceName: '' });
  const [host, setHost] = useState({ host: '127.0.0.1', port: '8787', allowInsecureHttp: false });
  const [role, setRole] = useState<Role>('writer');
  // A contributor's code is made for one OPD: the device it enrols is bound to that OPD.
  const [codeOpd, setCodeOpd] = useState('');
  const opds = useOpdStore((s) => s.items);
  const [issued, setIssuedState] = useState<Issued | null>(null);
  const setIssued = (v: { code: string; workspace: string; url: string }) => setIssuedState({ ...v, role });
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  const [reviews, setReviews] = useState<SyncReview[]>([]);
  const [refused, setRefused] = useState<SyncRefusal[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  const loadLists = useCallback(async () => {
    const [c, r, f] = await Promise.all([call('sync.conflicts', {}), call('sync.reviews', {}), call('sync.refused', {})]);
    if (c.ok) setConflicts(c.value);
    if (r.ok) setReviews(r.value);
    if (f.ok) setRefused(f.value);
  }, []);
  useEffect(() => {
    void useSyncStatus.getState().load();
    if (!useAppInfo.getState().info) void useAppInfo.getState().load();
  }, []);
  useEffect(() => {
    void loadLists();
  }, [loadLists, status?.openConflicts, status?.openReviews, status?.openRefusals]);

  async function run<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: ErrorPayload }>, after?: (v: T) => void) {
    setBusy(true);
    setError(null);
    const r = await p;
    setBusy(false);
    if (!r.ok) return setError(r.error);
    after?.(r.value);
  }
  const asStatus = (v: unknown) => {
    if (v && typeof v === 'object' && 'state' in v) setStatus(v as never);
  };

  function connect(e: FormEvent) {
    e.preventDefault();
    void run(call('sync.configure', form), (v) => {
      asStatus(v);
      setForm((f) => ({ ...f, code: '' }));
    });
  }
  function startHost(e: FormEvent) {
    e.preventDefault();
    void run(call('sync.host.start', { host: host.host, port: Number(host.port) || 0, allowInsecureHttp: host.allowInsecureHttp }), asStatus);
  }

  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB') : t('sync.never'));
  const insecure = host.host !== '127.0.0.1' && host.host !== 'localhost';

  return (
    <section className="settings-section" aria-labelledby="sync-title" id="settings-sync" data-testid="sync-section">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p>{t('sync.intro')}</p>
      {status ? (
        <dl className="sync-status" data-testid="sync-state" data-last-sync={status.lastSyncAt ?? ''}>
          <dt>{t('sync.title')}</dt>
          <dd data-state={status.state}>{syncStateText(status, t, zone, language)}</dd>
          {status.message ? (
            <>
              <dt className="visually-hidden">!</dt>
              <dd role="alert" data-testid="sync-message">
                {status.message}
              </dd>
            </>
          ) : null}
          {status.configured ? (
            <>
              <dt>{t('sync.workspaceName')}</dt>
              <dd>
                {status.workspaceName} · {status.serverUrl}
              </dd>
              <dt>{t('sync.role')}</dt>
              <dd>{(ROLES as readonly string[]).includes(status.role ?? '') ? t(`people.role.${status.role as Role}` as const) : status.role}</dd>
              <dt>{t('sync.lastSync')}</dt>
              <dd data-testid="sync-last">{when(status.lastSyncAt)}</dd>
            </>
          ) : null}
          <dt>{t('sync.pending')}</dt>
          <dd data-testid="sync-pending">{status.pendingChanges}</dd>
        </dl>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}

      {status?.pendingDeletes && canManage ? (
        <div className="sync-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run(call('sync.confirmDeletes', { allow: true }), asStatus)}>
            {t('sync.deletes.allow')}
          </button>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run(call('sync.confirmDeletes', { allow: false }), asStatus)}>
            {t('sync.deletes.restore')}
          </button>
        </div>
      ) : null}

      {status?.configured ? (
        <div className="sync-actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run(call('sync.now', {}), asStatus)} data-testid="sync-now">
            {t('sync.now')}
          </button>
          {canManage ? (
            <button type="button" className="button" disabled={busy} onClick={() => window.confirm(t('sync.confirmDisconnect')) && void run(call('sync.disconnect', {}), asStatus)}>
              {t('sync.disconnect')}
            </button>
          ) : null}
        </div>
      ) : canManage ? (
        <form onSubmit={connect} className="sync-form" data-testid="sync-form">
          <TextField label={t('sync.server')} hint={t('sync.serverHint')} value={form.serverUrl} onChange={(v) => setForm({ ...form, serverUrl: v })} required />
          <TextField label={t('sync.workspace')} value={form.workspace} onChange={(v) => setForm({ ...form, workspace: v })} required />
          <TextField label={t('sync.code')} hint={t('sync.codeHint')} value={form.code} onChange={(v) => setForm({ ...form, code: v })} required />
          <TextField label={t('sync.deviceName')} value={form.deviceName} onChange={(v) => setForm({ ...form, deviceName: v })} required />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('sync.connect')}
          </button>
        </form>
      ) : null}

      {conflicts.length > 0 ? (
        <div data-testid="sync-conflicts">
          <h3>{t('sync.conflicts')}</h3>
          <p>{t('sync.conflictsIntro')}</p>
          <ul className="sync-list">
            {conflicts.map((c) => (
              <li key={c.id}>
                <strong data-testid="sync-conflict-record">{c.recordName ?? tableLabel(c.table, language)}</strong> ·{' '}
                <span data-testid="sync-conflict-field">{fieldLabel(c.table, c.field, language)}</span>{' '}
                — {t('sync.conflict.current')}: <q>{show(c.currentValue)}</q> · {t(c.otherFrom === deviceId ? 'sync.conflict.otherHere' : 'sync.conflict.other')}: <q>{show(c.otherValue)}</q>
                <button type="button" className="button" disabled={busy} onClick={() => void run(call('sync.resolveConflict', { id: c.id, keep: 'current' }), () => void loadLists())}>
                  {t('sync.conflict.keepCurrent')}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void run(call('sync.resolveConflict', { id: c.id, keep: 'other' }), () => void loadLists())}>
                  {t('sync.conflict.keepOther')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {refused.length > 0 ? (
        <div data-testid="sync-refused">
          <h3>{t('sync.refused')}</h3>
          <p>{t('sync.refusedIntro')}</p>
          <ul className="sync-list">
            {refused.map((r) => (
              <li key={r.id}>
                <strong>{r.recordName ?? tableLabel(r.table, language)}</strong> · {fieldLabel(r.table, r.field, language)} — {t('sync.refused.yours')}: <q>{show(r.value)}</q>
                <br />
                <span>{language === 'en' ? r.message.en : r.message.id}</span>
                <button type="button" className="button" disabled={busy} onClick={() => void run(call('sync.dismissRefused', { id: r.id }), () => void loadLists())}>
                  {t('sync.refused.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {reviews.length > 0 ? (
        <div data-testid="sync-reviews">
          <h3>{t('sync.reviews')}</h3>
          <ul className="sync-list">
            {reviews.map((r) => (
              <li key={r.id}>
                {t(`sync.reviews.${r.kind}`)} — {tableLabel(r.table, language)}
                <button type="button" className="button" disabled={busy} onClick={() => void run(call('sync.closeReview', { id: r.id }), () => void loadLists())}>
                  {t('sync.reviews.close')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {canManage && status?.configured ? <DeviceReportPanel deviceId={deviceId} /> : null}

      {canManage ? (
        <div className="sync-host">
          <h3>{t('sync.host.title')}</h3>
          <p>{t('sync.host.intro')}</p>
          {/* Worded by the core (Indonesian, English in brackets), like the sync status message. */}
          {status?.hostingProblem ? (
            <p role="alert" data-testid="sync-hosting-problem">
              {status.hostingProblem}
            </p>
          ) : null}
          {status?.hosting ? (
            <>
              <p data-testid="sync-hosting">{t('sync.host.running', { url: status.hosting.url, workspace: status.hosting.workspace })}</p>
              {status.hosting.insecure ? <p role="note">{t('sync.host.caveat')}</p> : null}
              <label>
                {t('sync.host.role')}{' '}
                <select
                  value={role}
                  onChange={(e) => {
                    setRole(e.target.value as Role);
                    if (e.target.value === 'opd_contributor') void useOpdStore.getState().load();
                  }}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`people.role.${r}`)}
                    </option>
                  ))}
                </select>
              </label>{' '}
              {role === 'opd_contributor' ? (
                <>
                  <label>
                    {t('sync.host.opd')}{' '}
                    <select value={codeOpd} onChange={(e) => setCodeOpd(e.target.value)}>
                      <option value="">{t('sync.host.opdPick')}</option>
                      {opds.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.abbreviation ? `${o.abbreviation} — ${o.name}` : o.name}
                        </option>
                      ))}
                    </select>
                  </label>{' '}
                </>
              ) : null}
              <button
                type="button"
                className="button"
                disabled={busy || (role === 'opd_contributor' && codeOpd === '')}
                onClick={() => void run(call('sync.host.issueCode', { role, opdId: role === 'opd_contributor' ? codeOpd : null }), setIssued)}
              >
                {t('sync.host.issue')}
              </button>
              {issued ? (
                <p data-testid="sync-issued">
                  {t('sync.host.code', { code: issued.code, workspace: issued.workspace, url: issued.url })}{' '}
                  <button type="button" className="button" onClick={() => downloadEnrolmentFile(issued, status.workspaceName)}>
                    {t('sync.host.download')}
                  </button>
                </p>
              ) : null}
              <button type="button" className="button" disabled={busy} onClick={() => void run(call('sync.host.stop', {}), asStatus)}>
                {t('sync.host.stop')}
              </button>
            </>
          ) : (
            <form onSubmit={startHost} className="sync-form">
              <TextField label={t('sync.host.address')} hint={t('sync.host.addressHint')} value={host.host} onChange={(v) => setHost({ ...host, host: v })} />
              <TextField label={t('sync.host.port')} value={host.port} onChange={(v) => setHost({ ...host, port: v })} inputMode="numeric" />
              {insecure ? (
                <>
                  <p role="note">{t('sync.host.caveat')}</p>
                  <label>
                    <input type="checkbox" checked={host.allowInsecureHttp} onChange={(e) => setHost({ ...host, allowInsecureHttp: e.target.checked })} /> {t('sync.host.insecure')}
                  </label>
                </>
              ) : null}
              <button type="submit" className="button" disabled={busy}>
                {t('sync.host.start')}
              </button>
            </form>
          )}
        </div>
      ) : null}
    </section>
  );
}
