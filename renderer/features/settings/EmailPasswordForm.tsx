import { useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { SmtpSettingsView } from '../../../shared/distribution/model';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/use-t';

/** The SMTP password: saved on this machine only, never shown back; browser mode says plainly that it is stored unencrypted. */
export function EmailPasswordForm({ view, onSaved }: { view: SmtpSettingsView; onSaved: (v: SmtpSettingsView) => void }) {
  const { t } = useT();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<'saved' | 'cleared' | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function save(value: string | null, e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    setDone(null);
    const r = await call('distribution.settings.password', { password: value });
    if (!r.ok) return setError(r.error);
    setPassword('');
    onSaved(r.value);
    setDone(value === null ? 'cleared' : 'saved');
  }

  return (
    <form className="people-form" onSubmit={(e) => void save(password, e)} noValidate aria-label={t('distribution.email.password')}>
      <p>
        <strong>{view.passwordSaved ? t('distribution.email.password.saved') : t('distribution.email.password.none')}</strong>{' '}
        {view.passwordStorage === 'safe-storage' ? t('distribution.email.password.safe') : null}
      </p>
      {view.passwordStorage === 'insecure-file' ? (
        <p className="dist-warn" role="note">
          {t('distribution.email.password.insecure')}
        </p>
      ) : null}
      <TextField label={t('distribution.email.password')} type="password" autoComplete="new-password" value={password} onChange={setPassword} />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={!password}>
          {t('distribution.email.password.save')}
        </button>
        {view.passwordSaved ? (
          <button type="button" className="button button--quiet" onClick={() => void save(null)}>
            {t('distribution.email.password.clear')}
          </button>
        ) : null}
        {done ? <span role="status">{t(done === 'saved' ? 'distribution.email.password.done' : 'distribution.email.password.cleared')}</span> : null}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}
