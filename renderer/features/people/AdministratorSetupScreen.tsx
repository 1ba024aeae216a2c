import { useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { PASSWORD_MIN } from '../../../shared/people/account';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { issuesOf, type InputIssue } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { AuthLayout } from './AuthLayout';
import { localLoginProblem, localPasswordProblem, peopleFieldErrors } from './field-checks';
import { useSession } from './session-store';

/**
 * First run, step 2: while no account exists the person at the machine is its administrator;
 * this creates their account (and signs them in), after which everyone signs in.
 */
export function AdministratorSetupScreen() {
  const { t } = useT();
  const setup = useSession((s) => s.setupAdministrator);
  const [values, setValues] = useState({ name: '', login: '', password: '', again: '' });
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);
  const errors: Record<string, string | undefined> = { ...peopleFieldErrors(issues, t), ...local };

  function set(key: keyof typeof values, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    setIssues((list) => list.filter((i) => i.path !== key));
    setLocal((l) => {
      const { [key]: _drop, ...rest } = l;
      return key === 'password' ? (({ again: _a, ...r }) => r)(rest) : rest;
    });
    setError(null);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The rules are checked here first so the person sees them all at once; the core checks again.
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = t('field.required');
    const loginProblem = localLoginProblem(values.login, t);
    if (loginProblem) found.login = loginProblem;
    const passwordProblem = localPasswordProblem(values.password, t);
    if (passwordProblem) found.password = passwordProblem;
    // Every field at once: a mismatch is said even while the password itself is still too short.
    if (values.again !== values.password) found.again = values.again ? t('people.password.mismatch') : t('field.required');
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const result = await setup({ name: values.name, login: values.login, password: values.password });
    setSaving(false);
    if (result.ok) return;
    setIssues(result.error.code === 'invalid_input' ? issuesOf(result.error.details) : []);
    setError(result.error);
  }

  return (
    <AuthLayout titleId="setup-title">
      <div className="auth-card auth-card--wide">
        <p className="auth-card__step">{t('people.setup.step')}</p>
        <h1 id="setup-title">{t('people.setup.title')}</h1>
        <p className="auth-card__intro">{t('people.setup.intro')}</p>
        <form onSubmit={onSubmit} noValidate aria-labelledby="setup-title">
          <TextField label={t('people.field.name')} value={values.name} onChange={(v) => set('name', v)} error={errors.name} required autoFocus autoComplete="name" />
          <TextField
            label={t('people.field.login')}
            value={values.login}
            onChange={(v) => set('login', v)}
            error={errors.login}
            hint={t('people.field.login.hint')}
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
          <div className="grid grid--2">
            <TextField
              label={t('people.field.password')}
              type="password"
              value={values.password}
              onChange={(v) => set('password', v)}
              error={errors.password}
              hint={t('people.field.password.hint', { min: PASSWORD_MIN })}
              required
              autoComplete="new-password"
            />
            <TextField
              label={t('people.field.passwordAgain')}
              type="password"
              value={values.again}
              onChange={(v) => set('again', v)}
              error={errors.again}
              required
              autoComplete="new-password"
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary button--large" disabled={saving}>
              {saving ? t('people.setup.saving') : t('people.setup.submit')}
            </button>
            {error && issues.length === 0 ? <ErrorMessage error={error} /> : null}
          </div>
        </form>
      </div>
    </AuthLayout>
  );
}
