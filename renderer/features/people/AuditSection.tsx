import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { formatDate, formatTime, instantFromZoned } from '../../../shared/format/dates';
import type { ZoneLabel } from '../../../shared/office/time-zones';
import type { AuditEntry } from '../../../shared/people/audit';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { MessageKey } from '../../i18n/messages-id';
import { useT } from '../../i18n/use-t';
import { asZone } from '../office/office-form-values';
import { useOfficeStore } from '../office/office-store';
import { auditDetails, auditTarget } from './audit-sentence';
import { downloadText } from './download';
import { useCan } from './session-store';
import './people.css';

const PAGE = 50;

/** Action prefixes offered as a filter (the core matches `x` and `x.*`). */
const GROUPS = ['sign_in', 'sign_out', 'session', 'account', 'machine', 'audit', 'personal_data', 'release', 'media', 'network'] as const;

const KNOWN_ACTIONS = new Set([
  'sign_in',
  'sign_in.failed',
  'sign_in.refused_inactive',
  'sign_out',
  'session.lock',
  'account.create',
  'account.roles_changed',
  'account.activated',
  'account.deactivated',
  'account.password_reset',
  'account.password_changed',
  'machine.settings_changed',
  'audit.verified',
  'audit.exported',
  'personal_data.viewed',
  'personal_data.erased',
  'personal_data.retention_erased',
  'release.submit',
  'release.approve',
  'release.publish',
  'release.withdraw',
  'release.reopen',
  'release.renumber',
  'release.restore',
  'media.personal.edit',
  'media.personal.erase',
  'media.personal.export',
  'media.personal.export_person',
  'media.personal.import',
  'media.personal.view',
  'network.personal.edit',
  'network.personal.erase',
  'network.personal.export_person',
  'network.personal.view',
  'sync.configure',
  'workspace.encryption_on',
  'workspace.encryption_off',
  'distribution.smtp_password.set',
  'distribution.smtp_password.clear',
]);

type Filters = { action: string; actor: string; from: string; to: string };
const NO_FILTERS: Filters = { action: '', actor: '', from: '', to: '' };

/** A yyyy-mm-dd from a date input, as the instant the day starts (or ends) in the office's zone. */
function dayBound(value: string, zone: ZoneLabel, end: boolean): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const start = instantFromZoned({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 }, zone);
  return new Date(end ? start + 86_400_000 - 1 : start).toISOString();
}

function queryOf(f: Filters, zone: ZoneLabel) {
  const from = dayBound(f.from, zone, false);
  const to = dayBound(f.to, zone, true);
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.actor.trim() ? { actor: f.actor.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

type Verification = { ok: true; count: number } | { ok: false; brokenAt: number; reason: string };

/** Settings › Log audit (audit.read): newest first, filters, paging, integrity check, CSV export. */
export function AuditSection() {
  const { t, language } = useT();
  const allowed = useCan('audit.read');
  const zone = asZone(useOfficeStore((s) => s.profile?.timeZone) ?? 'WIB');
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [exported, setExported] = useState<string | null>(null);

  const loadFirst = useCallback(
    async (f: Filters) => {
      const result = await call('audit.list', { ...queryOf(f, zone), limit: PAGE });
      setLoaded(true);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setEntries(result.value);
      setMore(result.value.length === PAGE);
    },
    [zone],
  );

  useEffect(() => {
    if (allowed) void loadFirst(filters);
  }, [allowed, filters, loadFirst]);

  if (!allowed) return null;

  async function loadOlder() {
    const oldest = entries.at(-1)?.seq;
    if (!oldest) return;
    const result = await call('audit.list', { ...queryOf(filters, zone), beforeSeq: oldest, limit: PAGE });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setEntries((list) => [...list, ...result.value]);
    setMore(result.value.length === PAGE);
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters({ ...draft });
  }

  async function verify() {
    setVerifying(true);
    setVerification(null);
    const result = await call('audit.verify', {});
    setVerifying(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setVerification(result.value);
    // The check itself is on record: show it.
    void loadFirst(filters);
  }

  async function exportCsv() {
    setExported(null);
    const result = await call('audit.exportCsv', { ...queryOf(filters, zone), limit: 500 });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    downloadText(result.value.fileName, result.value.csv, 'text/csv;charset=utf-8');
    setExported(result.value.fileName);
    void loadFirst(filters);
  }

  const actionLabel = (action: string) => (KNOWN_ACTIONS.has(action) ? t(`people.action.${action}` as MessageKey) : action);

  return (
    <section className="settings-section" aria-labelledby="audit-title" id="settings-audit">
      <h2 id="audit-title">{t('people.audit.title')}</h2>
      <p className="settings-section__intro">{t('people.audit.intro')}</p>

      <form onSubmit={apply} aria-label={t('people.audit.filters')} className="audit-form">
        <div className="audit-filters">
          <SelectField
            label={t('people.audit.action')}
            value={draft.action}
            options={[{ value: '', label: t('people.audit.action.all') }, ...GROUPS.map((g) => ({ value: g, label: t(`people.actionGroup.${g}` as const) }))]}
            onChange={(v) => setDraft((d) => ({ ...d, action: v }))}
          />
          <TextField label={t('people.audit.actor')} value={draft.actor} onChange={(v) => setDraft((d) => ({ ...d, actor: v }))} hint={t('people.audit.actor.hint')} />
          <TextField label={t('people.audit.from')} type="date" value={draft.from} onChange={(v) => setDraft((d) => ({ ...d, from: v }))} />
          <TextField label={t('people.audit.to')} type="date" value={draft.to} onChange={(v) => setDraft((d) => ({ ...d, to: v }))} />
        </div>
        <div className="audit-toolbar">
          <button type="submit" className="button button--secondary button--small">
            {t('people.audit.apply')}
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
            }}
          >
            {t('people.audit.clear')}
          </button>
          <span className="audit-toolbar__spacer" />
          <button type="button" className="button button--secondary button--small" onClick={() => void verify()} disabled={verifying}>
            {verifying ? t('people.audit.verifying') : t('people.audit.verify')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => void exportCsv()}>
            {t('people.audit.export')}
          </button>
        </div>
      </form>

      {verification?.ok ? (
        <p className="ok-message" role="status" data-testid="audit-verify">
          {t('people.audit.verifyOk', { count: verification.count })}
        </p>
      ) : null}
      {verification && !verification.ok ? (
        <div className="error-message" role="alert" data-testid="audit-verify">
          <p>{t('people.audit.verifyBroken', { seq: verification.brokenAt, reason: verification.reason })}</p>
        </div>
      ) : null}
      {exported ? (
        <p className="ok-message" role="status">
          {t('people.audit.exported', { file: exported })}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}

      {loaded && entries.length === 0 ? <p className="empty">{t('people.audit.empty')}</p> : null}
      {entries.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--audit" data-testid="audit-table">
            <caption className="visually-hidden">{t('people.audit.shown', { count: entries.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.audit.seq')}</th>
                <th scope="col">{t('people.audit.at')}</th>
                <th scope="col">{t('people.audit.actor')}</th>
                <th scope="col">{t('people.audit.action')}</th>
                <th scope="col">{t('people.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const at = Date.parse(e.at);
                // In words; the raw entry stays in the database and the CSV export.
                const details = auditDetails(e, t, language);
                const target = auditTarget(e, t);
                return (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td className="nowrap">
                      {formatDate(at, zone, language)}
                      <span className="audit__code">{formatTime(at, zone, language)}</span>
                    </td>
                    <td>{e.actorName || t('people.audit.system')}</td>
                    <th scope="row" title={e.action}>
                      {actionLabel(e.action)}
                    </th>
                    <td className="audit__details">{[target, details].filter(Boolean).join(' · ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {entries.length > 0 ? (
        more ? (
          <button type="button" className="button button--quiet" onClick={() => void loadOlder()}>
            {t('people.audit.more')}
          </button>
        ) : (
          <p className="field__hint">{t('people.audit.end')}</p>
        )
      ) : null}
    </section>
  );
}
