import { useEffect, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { EncryptionState } from '../../../shared/contract/methods/people';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf, issuesOf, type InputIssue } from '../../i18n/issue-messages';
import { useT } from '../../i18n/use-t';
import { useCan } from '../people/session-store';

/**
 * Settings › Enkripsi basis data (people.manage). The desktop app makes and keeps a key in the
 * OS keychain; browser mode has none, so the administrator chooses a passphrase.
 */
export function EncryptionSection() {
  const { t } = useT();
  const allowed = useCan('people.manage');
  const [state, setState] = useState<EncryptionState | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState<'on' | 'off' | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(issues, t);

  useEffect(() => {
    if (!allowed) return;
    void call('workspace.getEncryption', {}).then((r) => (r.ok ? setState(r.value) : setError(r.error)));
  }, [allowed]);

  if (!allowed) return null;

  async function apply(enabled: boolean, event?: FormEvent) {
    event?.preventDefault();
    setDone(null);
    setError(null);
    if (enabled && !state?.vault && passphrase !== again) {
      setIssues([{ path: 'again', message: t('encryption.mismatch') }]);
      return;
    }
    if (!enabled && !window.confirm(t('encryption.confirmDisable'))) return;
    setBusy(true);
    const result = await call('workspace.setEncryption', enabled && !state?.vault ? { enabled, passphrase } : { enabled });
    setBusy(false);
    if (!result.ok) {
      setIssues(result.error.code === 'invalid_input' ? issuesOf(result.error.details) : []);
      setError(result.error);
      return;
    }
    setIssues([]);
    setPassphrase('');
    setAgain('');
    setState(result.value);
    setDone(enabled ? 'on' : 'off');
  }

  return (
    <section className="settings-section" aria-labelledby="encryption-title" id="settings-encryption">
      <h2 id="encryption-title">{t('encryption.title')}</h2>
      <p className="settings-section__intro">{t('encryption.intro')}</p>
      {state ? (
        <>
          <p role="status">
            <strong>{state.enabled ? t('encryption.on') : t('encryption.off')}</strong>
            {state.kind ? ` — ${t(state.kind === 'hex' ? 'encryption.kind.hex' : 'encryption.kind.passphrase')}` : null}
          </p>
          {state.secrets && (state.secrets.protection === 'passphrase' || state.secrets.protection === 'none') ? (
            <p className={state.secrets.protection === 'none' ? 'notice notice--warning' : 'notice'} role="note">
              {t(state.secrets.protection === 'none' ? 'encryption.secrets.none' : 'encryption.secrets.passphrase', { backend: state.secrets.backend ?? '—' })}
            </p>
          ) : null}
          {state.enabled ? (
            <div className="form-actions">
              <button type="button" className="button" disabled={busy} onClick={() => void apply(false)}>
                {t('encryption.disable')}
              </button>
            </div>
          ) : (
            <form onSubmit={(e) => void apply(true, e)} noValidate aria-labelledby="encryption-title">
              {state.vault ? null : (
                <>
                  <TextField
                    label={t('encryption.passphrase')}
                    type="password"
                    autoComplete="new-password"
                    value={passphrase}
                    onChange={(v) => {
                      setPassphrase(v);
                      setIssues([]);
                    }}
                    error={errors.passphrase}
                    hint={t('encryption.passphraseHint')}
                  />
                  <TextField
                    label={t('encryption.passphraseAgain')}
                    type="password"
                    autoComplete="new-password"
                    value={again}
                    onChange={(v) => {
                      setAgain(v);
                      setIssues([]);
                    }}
                    error={errors.again}
                  />
                </>
              )}
              <div className="form-actions">
                <button type="submit" className="button button--primary" disabled={busy}>
                  {t('encryption.enable')}
                </button>
              </div>
            </form>
          )}
          {done ? (
            <p className="form-actions__ok" role="status">
              {t(done === 'on' ? 'encryption.done.on' : 'encryption.done.off')}
            </p>
          ) : null}
        </>
      ) : null}
      {error && error.code !== 'invalid_input' ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
