import { useEffect, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { SMTP_SECURITY, type SmtpSecurity, type SmtpSettingsView } from '../../../shared/distribution/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf, type InputIssue } from '../../i18n/issue-messages';
import type { Translate } from '../../i18n/use-t';
import { useT } from '../../i18n/use-t';
import { useCan } from '../people/session-store';
import { EmailPasswordForm } from './EmailPasswordForm';
import '../distribution/distribution.css';

const NUMBER_FIELDS = ['port', 'ratePerMinute', 'attachmentLimitMb', 'photoMaxPx'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
type Values = Record<'host' | 'user' | 'fromAddress' | 'fromName' | 'replyTo' | NumberField, string> & { security: SmtpSecurity };

function valuesOf(s: SmtpSettingsView): Values {
  return {
    host: s.host,
    port: String(s.port),
    security: s.security,
    user: s.user,
    fromAddress: s.fromAddress,
    fromName: s.fromName,
    replyTo: s.replyTo,
    ratePerMinute: String(s.ratePerMinute),
    attachmentLimitMb: String(s.attachmentLimitMb),
    photoMaxPx: String(s.photoMaxPx),
  };
}

/** A number field's issue in words about numbers (the shared wording speaks of characters). */
function numberIssue(issue: InputIssue, t: Translate): string {
  if (issue.code === 'too_small' && issue.minimum !== undefined) return t('distribution.email.min', { min: issue.minimum });
  if (issue.code === 'too_big' && issue.maximum !== undefined) return t('distribution.email.max', { max: issue.maximum });
  return t('distribution.email.number');
}

/** Settings › Email: the office's SMTP account for Kirim ke media (distribution.send). */
export function EmailSection() {
  const { t } = useT();
  const allowed = useCan('distribution.send');
  const [view, setView] = useState<SmtpSettingsView | null>(null);
  const [v, setV] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState(false);
  const [test, setTest] = useState<{ busy: boolean; message: string | null; error: ErrorPayload | null }>({ busy: false, message: null, error: null });

  useEffect(() => {
    if (!allowed) return;
    void call('distribution.settings.get', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setView(r.value);
      setV(valuesOf(r.value));
    });
  }, [allowed]);

  if (!allowed) return null;
  const set = (k: keyof Values) => (value: string) => {
    setV((s) => (s ? { ...s, [k]: value } : s));
    setErrors((e) => ({ ...e, [k]: '' }));
    setSaved(false);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!v) return;
    setSaved(false);
    setError(null);
    const local: Record<string, string> = {};
    for (const k of NUMBER_FIELDS) if (!/^\d+$/.test(v[k].trim())) local[k] = t('distribution.email.number');
    setErrors(local);
    if (Object.keys(local).length) return;
    const r = await call('distribution.settings.save', {
      host: v.host,
      port: Number(v.port),
      security: v.security,
      user: v.user,
      fromAddress: v.fromAddress,
      fromName: v.fromName,
      replyTo: v.replyTo,
      ratePerMinute: Number(v.ratePerMinute),
      attachmentLimitMb: Number(v.attachmentLimitMb),
      photoMaxPx: Number(v.photoMaxPx),
    });
    if (r.ok) {
      setView(r.value);
      setV(valuesOf(r.value));
      setSaved(true);
      return;
    }
    const issues = r.error.code === 'invalid_input' ? issuesOf(r.error.details) : [];
    const found = fieldErrorsOf(issues, t);
    for (const i of issues) if ((NUMBER_FIELDS as readonly string[]).includes(i.path)) found[i.path] = numberIssue(i, t);
    setErrors(found);
    setError(issues.length ? null : r.error);
  }

  async function runTest() {
    setTest({ busy: true, message: null, error: null });
    const r = await call('distribution.settings.test', {});
    setTest(r.ok ? { busy: false, message: r.value.message, error: null } : { busy: false, message: null, error: r.error });
  }

  return (
    <section id="settings-email" className="settings-section" aria-labelledby="email-settings-title">
      <h2 id="email-settings-title">{t('distribution.email.title')}</h2>
      <p className="settings-section__intro">{t('distribution.email.intro')}</p>
      {v ? (
        <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="email-settings-title">
          <div className="grid grid--3">
            <TextField label={t('distribution.email.host')} hint={t('distribution.email.host.hint')} value={v.host} onChange={set('host')} error={errors.host} autoComplete="off" />
            <TextField label={t('distribution.email.port')} hint={t('distribution.email.port.hint')} inputMode="numeric" value={v.port} onChange={set('port')} error={errors.port} />
            <SelectField
              label={t('distribution.email.security')}
              value={v.security}
              onChange={set('security')}
              error={errors.security}
              options={SMTP_SECURITY.map((s) => ({ value: s, label: t(`distribution.email.security.${s}`) }))}
            />
          </div>
          <div className="grid grid--2">
            <TextField label={t('distribution.email.user')} value={v.user} onChange={set('user')} error={errors.user} autoComplete="off" />
            <TextField label={t('distribution.email.fromAddress')} type="email" value={v.fromAddress} onChange={set('fromAddress')} error={errors.fromAddress} />
            <TextField label={t('distribution.email.fromName')} hint={t('distribution.email.fromName.hint')} value={v.fromName} onChange={set('fromName')} error={errors.fromName} />
            <TextField label={t('distribution.email.replyTo')} hint={t('distribution.email.replyTo.hint')} type="email" value={v.replyTo} onChange={set('replyTo')} error={errors.replyTo} />
          </div>
          <div className="grid grid--3">
            <TextField label={t('distribution.email.rate')} hint={t('distribution.email.rate.hint')} inputMode="numeric" value={v.ratePerMinute} onChange={set('ratePerMinute')} error={errors.ratePerMinute} />
            <TextField label={t('distribution.email.attachmentLimit')} hint={t('distribution.email.attachmentLimit.hint')} inputMode="numeric" value={v.attachmentLimitMb} onChange={set('attachmentLimitMb')} error={errors.attachmentLimitMb} />
            <TextField label={t('distribution.email.photoPx')} inputMode="numeric" value={v.photoMaxPx} onChange={set('photoMaxPx')} error={errors.photoMaxPx} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('distribution.email.save')}
            </button>
            <button type="button" className="button button--secondary" disabled={test.busy} onClick={() => void runTest()}>
              {test.busy ? t('distribution.email.testing') : t('distribution.email.test')}
            </button>
            {saved ? <span role="status">{t('distribution.email.saved')}</span> : null}
          </div>
          {test.message ? <p role="status" className="dist-ok">{test.message}</p> : null}
          {test.error ? <ErrorMessage error={test.error} headline={t('distribution.email.test.failed')} /> : null}
        </form>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {view ? <EmailPasswordForm view={view} onSaved={setView} /> : null}
    </section>
  );
}
