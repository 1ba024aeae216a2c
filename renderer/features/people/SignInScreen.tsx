import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { OfficeProfile } from '../../../shared/office/profile';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/use-t';
import { Letterhead } from '../home/Letterhead';
import { AuthLayout } from './AuthLayout';
import { useSession } from './session-store';

type Problem = { kind: 'wrong' } | { kind: 'inactive' } | { kind: 'wait'; login: string; until: number } | { kind: 'other'; error: ErrorPayload };

/** Seconds left until `until` (epoch ms), ticking once a second; 0 when over or not set. */
function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/**
 * The staff sign-in: office letterhead, login and password. After an idle or manual lock it
 * names the person whose screen it was and offers their login, while anyone else may sign in
 * instead (quick user switch). Failed attempts slow down in the core; the wait is counted here.
 */
export function SignInScreen({ profile }: { profile: OfficeProfile }) {
  const { t } = useT();
  const info = useSession((s) => s.info);
  const signIn = useSession((s) => s.signIn);
  const setStaffSignIn = useSession((s) => s.setStaffSignIn);
  const lockedUser = info?.lockedUser ?? null;
  const [login, setLogin] = useState(lockedUser?.login ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [asOther, setAsOther] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusField = (which: 'login' | 'password') =>
    formRef.current?.querySelector<HTMLInputElement>(which === 'login' ? 'input[autocomplete="username"]' : 'input[type="password"]')?.focus();
  const secondsLeft = useSecondsLeft(problem?.kind === 'wait' ? problem.until : null);
  const waiting = problem?.kind === 'wait' && secondsLeft > 0 && problem.login === login.trim().toLowerCase();
  const showLocked = lockedUser !== null && !asOther;

  useEffect(() => {
    // The person coming back types only the password; anyone else starts at the login.
    focusField(showLocked ? 'password' : 'login');
  }, [showLocked]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy || waiting) return;
    setBusy(true);
    const result = await signIn(login, password);
    setBusy(false);
    if (result.ok) return;
    setPassword('');
    const error = result.error;
    if (error.code === 'too_many_attempts') {
      const wait = Number(error.details?.waitSeconds);
      setProblem({ kind: 'wait', login: login.trim().toLowerCase(), until: Date.now() + (Number.isFinite(wait) && wait > 0 ? wait : 1) * 1000 });
    } else if (error.code === 'unauthorized') setProblem({ kind: 'wrong' });
    else if (error.code === 'forbidden') setProblem({ kind: 'inactive' });
    else setProblem({ kind: 'other', error });
    focusField('password');
  }

  function signInAsOther() {
    setAsOther(true);
    setLogin('');
    setPassword('');
    setProblem(null);
  }

  return (
    <AuthLayout titleId="sign-in-title" languageSwitch={!info?.pressRoom}>
      <div className="auth-sheet">
        <Letterhead profile={profile} />
        <div className="auth-sheet__form">
          <h1 id="sign-in-title">{t('people.signIn.title')}</h1>
          {showLocked ? (
            <div className="auth-locked" role="status" data-testid="locked-notice">
              <p className="auth-locked__who">{t('people.signIn.locked', { name: lockedUser.name })}</p>
              <p>{t('people.signIn.lockedHint')}</p>
            </div>
          ) : (
            <p className="auth-card__intro">{info?.pressRoom ? t('people.signIn.pressRoomNote') : t('people.signIn.intro')}</p>
          )}
          <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
            <TextField
              label={t('people.field.login')}
              value={login}
              onChange={(v) => {
                setLogin(v);
                if (problem?.kind !== 'wait') setProblem(null);
              }}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
            />
            <TextField
              label={t('people.field.password')}
              type="password"
              value={password}
              onChange={(v) => setPassword(v)}
              autoComplete="current-password"
            />
            {problem?.kind === 'wrong' ? (
              <p className="error-message" role="alert">
                {t('people.signIn.wrong')}
              </p>
            ) : null}
            {problem?.kind === 'inactive' ? (
              <p className="error-message" role="alert">
                {t('people.signIn.inactive')}
              </p>
            ) : null}
            {problem?.kind === 'wait' ? (
              <div className="error-message" role="alert" data-testid="sign-in-wait">
                <p>
                  {t('people.signIn.tooMany')}{' '}
                  <span aria-live="off">{secondsLeft > 0 ? t('people.signIn.wait', { seconds: secondsLeft }) : t('people.signIn.waitOver')}</span>
                </p>
              </div>
            ) : null}
            {problem?.kind === 'other' ? <ErrorMessage error={problem.error} /> : null}
            <div className="form-actions">
              <button type="submit" className="button button--primary button--large" disabled={busy || waiting} aria-disabled={busy || waiting}>
                {busy ? t('people.signIn.busy') : t('people.signIn.submit')}
              </button>
              {showLocked ? (
                <button type="button" className="button button--quiet" onClick={signInAsOther}>
                  {t('people.signIn.otherUser')}
                </button>
              ) : null}
              {info?.pressRoom ? (
                <button type="button" className="button button--quiet" onClick={() => setStaffSignIn(false)}>
                  {t('people.signIn.backToKiosk')}
                </button>
              ) : null}
            </div>
          </form>
        </div>
      </div>
    </AuthLayout>
  );
}
