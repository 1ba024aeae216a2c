import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { PASSWORD_MIN } from '../../../shared/people/account';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { issuesOf } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { localPasswordProblem, peopleFieldErrors } from './field-checks';
import { useSession } from './session-store';

/** A modal dialog (native <dialog>: focus stays inside, Escape closes) for one's own password. */
export function ChangePasswordDialog({ onClose }: { onClose: (changed: boolean) => void }) {
  const { t } = useT();
  const changePassword = useSession((s) => s.changePassword);
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState({ current: '', next: '', again: '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  function set(key: keyof typeof values, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setError(null);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.current) found.current = t('field.required');
    const problem = localPasswordProblem(values.next, t);
    if (problem) found.next = problem;
    else if (values.next !== values.again) found.again = t('people.password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const result = await changePassword(values.current, values.next);
    setSaving(false);
    if (result.ok) {
      onClose(true);
      return;
    }
    if (result.error.code === 'unauthorized' && result.error.details?.field === 'current') {
      setErrors({ current: t('people.changePassword.wrongCurrent') });
      setValues((v) => ({ ...v, current: '' }));
      return;
    }
    if (result.error.code === 'invalid_input') setErrors(peopleFieldErrors(issuesOf(result.error.details), t));
    setError(result.error);
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="change-password-title" onCancel={() => onClose(false)}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="change-password-title">{t('people.changePassword.title')}</h2>
        <TextField
          label={t('people.changePassword.current')}
          type="password"
          value={values.current}
          onChange={(v) => set('current', v)}
          error={errors.current}
          autoComplete="current-password"
          autoFocus
        />
        <TextField
          label={t('people.changePassword.next')}
          type="password"
          value={values.next}
          onChange={(v) => set('next', v)}
          error={errors.next}
          hint={t('people.field.password.hint', { min: PASSWORD_MIN })}
          autoComplete="new-password"
        />
        <TextField
          label={t('people.changePassword.nextAgain')}
          type="password"
          value={values.again}
          onChange={(v) => set('again', v)}
          error={errors.again}
          autoComplete="new-password"
        />
        {error ? <ErrorMessage error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('people.changePassword.save')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => onClose(false)}>
            {t('people.changePassword.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
