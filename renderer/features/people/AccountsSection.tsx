import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { PASSWORD_MIN, type Account } from '../../../shared/people/account';
import { call, onEvent } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { issuesOf } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { AccountForm } from './AccountForm';
import { localPasswordProblem, peopleFieldErrors } from './field-checks';
import { useCan, useSession } from './session-store';
import './people.css';

/** Settings › Pengguna: the staff accounts (people.manage). */
export function AccountsSection() {
  const { t } = useT();
  const allowed = useCan('people.manage');
  const me = useSession((s) => s.info?.user?.id ?? null);
  const [items, setItems] = useState<Account[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  // 'new', the id being edited, or null.
  const [editing, setEditing] = useState<string | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call('accounts.list', {});
    if (result.ok) {
      setItems(result.value);
      setLoadError(null);
    } else setLoadError(result.error);
  }, []);

  useEffect(() => {
    if (!allowed) return;
    void load();
    return onEvent('data.changed', ({ tables }) => {
      if (tables.includes('staff_accounts')) void load();
    });
  }, [allowed, load]);

  if (!allowed) return null;
  const editingAccount = editing && editing !== 'new' ? (items?.find((a) => a.id === editing) ?? null) : null;

  return (
    <section className="settings-section" aria-labelledby="accounts-title" id="settings-accounts">
      <div className="settings-section__head">
        <div>
          <h2 id="accounts-title">{t('people.accounts.title')}</h2>
          <p className="settings-section__intro">{t('people.accounts.intro')}</p>
        </div>
        {editing === null ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setNotice(null);
              setResetting(null);
              setEditing('new');
            }}
          >
            {t('people.accounts.add')}
          </button>
        ) : null}
      </div>
      {notice ? (
        <p className="ok-message" role="status">
          {notice}
        </p>
      ) : null}
      {loadError ? <ErrorMessage error={loadError} /> : null}

      {editing === 'new' || editingAccount ? (
        <AccountForm
          key={editingAccount?.id ?? 'new'}
          account={editingAccount ?? null}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setNotice(t('people.accounts.saved', { name: saved.name }));
              void load();
            }
          }}
        />
      ) : null}
      {resetting ? (
        <ResetPasswordForm
          key={resetting.id}
          account={resetting}
          onDone={(done) => {
            setResetting(null);
            if (done) setNotice(t('people.accounts.resetDone', { name: resetting.name }));
          }}
        />
      ) : null}

      {items && items.length === 0 ? <p className="empty">{t('people.accounts.empty')}</p> : null}
      {items && items.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="accounts-table">
            <thead>
              <tr>
                <th scope="col">{t('people.field.name')}</th>
                <th scope="col">{t('people.field.login')}</th>
                <th scope="col">{t('people.field.roles')}</th>
                <th scope="col">{t('people.accounts.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('people.accounts.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.name} {a.id === me ? <span className="field__required">{t('people.accounts.you')}</span> : null}
                    {a.position ? <span className="audit__code">{a.position}</span> : null}
                  </th>
                  <td>
                    <code>{a.login}</code>
                  </td>
                  <td>
                    {a.roles.map((r) => (
                      <span key={r} className="badge">
                        {t(`people.role.${r}` as const)}
                      </span>
                    ))}
                  </td>
                  <td>{a.active ? <span className="badge">{t('people.accounts.active')}</span> : <span className="badge badge--off">{t('people.accounts.inactive')}</span>}</td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={t('people.accounts.editLabel', { name: a.name })}
                      onClick={() => {
                        setNotice(null);
                        setResetting(null);
                        setEditing(a.id);
                      }}
                    >
                      {t('people.accounts.edit.short')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={t('people.accounts.resetLabel', { name: a.name })}
                      onClick={() => {
                        setNotice(null);
                        setEditing(null);
                        setResetting(a);
                      }}
                    >
                      {t('people.accounts.reset')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function ResetPasswordForm({ account, onDone }: { account: Account; onDone: (done: boolean) => void }) {
  const { t } = useT();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);
  const title = t('people.accounts.resetTitle', { name: account.name });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = localPasswordProblem(password, t);
    const found = problem ? { password: problem } : password !== again ? { again: t('people.password.mismatch') } : {};
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const result = await call('accounts.resetPassword', { id: account.id, password });
    setSaving(false);
    if (result.ok) {
      onDone(true);
      return;
    }
    if (result.error.code === 'invalid_input') setErrors(peopleFieldErrors(issuesOf(result.error.details), t));
    setError(result.error);
  }

  return (
    <form className="people-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <div className="grid grid--2">
        <TextField
          label={t('people.field.password')}
          type="password"
          value={password}
          onChange={(v) => {
            setPassword(v);
            setErrors({});
          }}
          error={errors.password}
          hint={t('people.field.initialPassword.hint', { min: PASSWORD_MIN })}
          required
          autoFocus
          autoComplete="new-password"
        />
        <TextField
          label={t('people.field.passwordAgain')}
          type="password"
          value={again}
          onChange={(v) => {
            setAgain(v);
            setErrors({});
          }}
          error={errors.again}
          required
          autoComplete="new-password"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('people.accounts.resetSave')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onDone(false)}>
          {t('people.accounts.cancel')}
        </button>
        {error && error.code !== 'invalid_input' ? <ErrorMessage error={error} /> : null}
      </div>
    </form>
  );
}
