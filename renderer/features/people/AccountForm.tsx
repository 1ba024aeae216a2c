import { useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { ROLES, type Role } from '../../../shared/contract/permissions';
import { PASSWORD_MIN, type Account } from '../../../shared/people/account';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { issuesOf, type InputIssue } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { peopleFieldErrors } from './field-checks';

type Fields = { name: string; login: string; position: string; unit: string; phone: string; email: string; roles: Role[]; active: boolean; password: string };

/** Add or edit a staff account. Errors from the core are shown at their field. */
export function AccountForm({ account, onDone }: { account: Account | null; onDone: (saved: Account | null) => void }) {
  const { t } = useT();
  const [values, setValues] = useState<Fields>({
    name: account?.name ?? '',
    login: account?.login ?? '',
    position: account?.position ?? '',
    unit: account?.unit ?? '',
    phone: account?.phone ?? '',
    email: account?.email ?? '',
    roles: account?.roles ?? [],
    active: account?.active ?? true,
    password: '',
  });
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [conflict, setConflict] = useState<ErrorPayload | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);
  const errors: Record<string, string | undefined> = peopleFieldErrors(issues, t);
  if (conflict?.details?.field === 'login') errors.login = t('people.accounts.loginTaken');

  function set<K extends keyof Fields>(key: K, value: Fields[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setIssues((list) => list.filter((i) => i.path.split('.')[0] !== key));
    if (key === 'login' || key === 'roles' || key === 'active') setConflict(null);
    setError(null);
  }

  function toggleRole(role: Role, on: boolean) {
    set('roles', on ? ROLES.filter((r) => r === role || values.roles.includes(r)) : values.roles.filter((r) => r !== role));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const { password, ...rest } = values;
    const result = await call('accounts.save', account ? { id: account.id, ...rest } : { ...rest, password });
    setSaving(false);
    if (result.ok) {
      onDone(result.value);
      return;
    }
    setIssues(result.error.code === 'invalid_input' ? issuesOf(result.error.details) : []);
    setConflict(result.error.code === 'conflict' ? result.error : null);
    setError(result.error);
  }

  const title = account ? t('people.accounts.edit') : t('people.accounts.new');
  const lastAdminConflict = conflict && conflict.details?.field !== 'login';
  return (
    <form className="people-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <div className="grid grid--3">
        <TextField label={t('people.field.name')} value={values.name} onChange={(v) => set('name', v)} error={errors.name} required autoFocus />
        <TextField
          label={t('people.field.login')}
          value={values.login}
          onChange={(v) => set('login', v)}
          error={errors.login}
          hint={t('people.field.login.hint')}
          required
          autoCapitalize="none"
          spellCheck={false}
          autoComplete="off"
        />
        {account ? null : (
          <TextField
            label={t('people.field.initialPassword')}
            type="password"
            value={values.password}
            onChange={(v) => set('password', v)}
            error={errors.password}
            hint={t('people.field.initialPassword.hint', { min: PASSWORD_MIN })}
            required
            autoComplete="new-password"
          />
        )}
        <TextField label={t('people.field.position')} value={values.position} onChange={(v) => set('position', v)} error={errors.position} />
        <TextField label={t('people.field.unit')} value={values.unit} onChange={(v) => set('unit', v)} error={errors.unit} />
        <TextField label={t('people.field.phone')} type="tel" value={values.phone} onChange={(v) => set('phone', v)} error={errors.phone} />
        <TextField label={t('people.field.email')} type="email" value={values.email} onChange={(v) => set('email', v)} error={errors.email} />
      </div>
      <fieldset className={`roles${errors.roles ? ' roles--error' : ''}`} aria-describedby={errors.roles ? 'account-roles-error' : 'account-roles-hint'}>
        <legend>
          {t('people.field.roles')} <span className="field__required">({t('office.required')})</span>
        </legend>
        <div className="roles__grid">
          {ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" checked={values.roles.includes(role)} onChange={(e) => toggleRole(role, e.target.checked)} />
              {t(`people.role.${role}` as const)}
            </label>
          ))}
        </div>
        {errors.roles ? (
          <p id="account-roles-error" className="field__error" role="alert">
            {errors.roles}
          </p>
        ) : (
          <p id="account-roles-hint" className="field__hint">
            {t('people.accounts.rolesHint')}
          </p>
        )}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={values.active} onChange={(e) => set('active', e.target.checked)} />
        {t('people.field.active')}
      </label>
      {lastAdminConflict ? <ErrorMessage error={conflict} headline={t('people.accounts.lastAdmin')} showCoreMessage={false} /> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('people.accounts.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onDone(null)}>
          {t('people.accounts.cancel')}
        </button>
        {error && issues.length === 0 && !conflict ? <ErrorMessage error={error} /> : null}
      </div>
    </form>
  );
}
