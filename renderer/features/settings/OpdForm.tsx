import { useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { Opd } from '../../../shared/office/opd';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf, type InputIssue } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { useOpdStore } from './opd-store';

interface OpdFormProps {
  /** null: a new OPD. */
  opd: Opd | null;
  onDone: () => void;
}

type OpdFields = { name: string; abbreviation: string; phone: string; email: string; active: boolean };

export function OpdForm({ opd, onDone }: OpdFormProps) {
  const { t } = useT();
  const save = useOpdStore((s) => s.save);
  const [values, setValues] = useState<OpdFields>({
    name: opd?.name ?? '',
    abbreviation: opd?.abbreviation ?? '',
    phone: opd?.phone ?? '',
    email: opd?.email ?? '',
    active: opd?.active ?? true,
  });
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrorsOf(issues, t);

  function set<K extends keyof OpdFields>(key: K, value: OpdFields[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setIssues((list) => list.filter((i) => i.path !== key));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const result = await save(opd ? { id: opd.id, ...values } : values);
    setSaving(false);
    if (result.ok) {
      onDone();
      return;
    }
    setIssues(result.error.code === 'invalid_input' ? issuesOf(result.error.details) : []);
    setError(result.error);
  }

  const title = opd ? t('opd.editTitle') : t('opd.newTitle');
  return (
    <form className="opd-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <div className="grid grid--4">
        <TextField label={t('opd.name')} value={values.name} onChange={(v) => set('name', v)} error={errors.name} required autoFocus />
        <TextField label={t('opd.abbreviation')} value={values.abbreviation} onChange={(v) => set('abbreviation', v)} error={errors.abbreviation} />
        <TextField label={t('opd.phone')} type="tel" value={values.phone} onChange={(v) => set('phone', v)} error={errors.phone} />
        <TextField label={t('opd.email')} type="email" value={values.email} onChange={(v) => set('email', v)} error={errors.email} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={values.active} onChange={(e) => set('active', e.target.checked)} />
        {t('opd.active')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('opd.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t('opd.cancel')}
        </button>
        {error && issues.length === 0 ? <ErrorMessage error={error} /> : null}
      </div>
    </form>
  );
}
