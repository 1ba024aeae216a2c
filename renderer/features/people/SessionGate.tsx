import { useEffect } from 'react';
import type { OfficeProfile } from '../../../shared/office/profile';
import { onEvent } from '../../api/client';
import { useConnection } from '../../api/connection-store';
import { AppFrame } from '../../app/AppFrame';
import { CenteredMessage } from '../../components/CenteredMessage';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { lazyPage, PageSlot } from '../../app/lazy-page';
import { AdministratorSetupScreen } from './AdministratorSetupScreen';
import { SignInScreen } from './SignInScreen';
import { useSession } from './session-store';

/** The press-room kiosk: its own chunk, so a staff computer's first screen does not carry it. */
const kiosk = lazyPage<{ profile: OfficeProfile }>(() => import('../pressroom/KioskScreen').then((m) => m.KioskScreen));

/**
 * Who the window is for, once the office profile exists: first run's administrator step, the
 * press-room kiosk, the staff sign-in, or the app frame for the signed-in person.
 */
export function SessionGate({ profile }: { profile: OfficeProfile }) {
  const { t } = useT();
  const status = useSession((s) => s.status);
  const info = useSession((s) => s.info);
  const error = useSession((s) => s.error);
  const staffSignIn = useSession((s) => s.staffSignIn);
  const reconnects = useConnection((s) => s.reconnects);

  useEffect(() => {
    void useSession.getState().load();
    return onEvent('data.changed', ({ tables }) => {
      // Accounts changed here or by sync: roles, a deactivation, the first account.
      if (tables.includes('staff_accounts')) void useSession.getState().load();
    });
  }, []);

  useEffect(() => {
    if (reconnects > 0) void useSession.getState().load();
  }, [reconnects]);

  if (status === 'loading' || !info) {
    if (status === 'failed') {
      return (
        <CenteredMessage title={t('app.loadFailed')}>
          {error ? <ErrorMessage error={error} /> : null}
          <button type="button" className="button button--primary" onClick={() => void useSession.getState().load()}>
            {t('app.retry')}
          </button>
        </CenteredMessage>
      );
    }
    return (
      <CenteredMessage title={t('app.loading')}>
        <p className="spinner" aria-hidden="true" />
      </CenteredMessage>
    );
  }
  if (!info.accountsExist) return <AdministratorSetupScreen />;
  if (info.user) return <AppFrame profile={profile} />;
  if (info.pressRoom && !staffSignIn)
    return (
      <PageSlot section="kiosk">
        <kiosk.Component profile={profile} />
      </PageSlot>
    );
  return <SignInScreen key={info.lockedUser?.id ?? 'nobody'} profile={profile} />;
}
