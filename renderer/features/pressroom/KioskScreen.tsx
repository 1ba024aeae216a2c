import type { OfficeProfile } from '../../../shared/office/profile';
import { useT } from '../../i18n/use-t';
import { Letterhead } from '../home/Letterhead';
import { asZone } from '../office/office-form-values';
import { useSession } from '../people/session-store';
import { AgendaPanel } from './AgendaPanel';
import { GuestbookPanel } from './GuestbookPanel';
import { ReleasesPanel } from './ReleasesPanel';
import './pressroom.css';

/**
 * The press-room computer while no staff member is signed in: the journalists' screen. The
 * core serves it as the journalist role (published, public things only); leaving it needs a
 * staff sign-in, which "Masuk staf" opens.
 */
export function KioskScreen({ profile }: { profile: OfficeProfile }) {
  const { t } = useT();
  const idleMinutes = useSession((s) => s.info?.idleLockMinutes ?? 10);
  const setStaffSignIn = useSession((s) => s.setStaffSignIn);
  const zone = asZone(profile.timeZone);
  return (
    <div className="kiosk">
      <header className="kiosk__bar">
        <div className="first-run__brand">
          <span className="sidebar__logo" aria-hidden="true">W</span>
          <span className="kiosk__bar-title">{t('kiosk.title')}</span>
        </div>
        {/* No language switch here: it would change the machine's stored preference for everyone. */}
        <div className="kiosk__bar-actions">
          <button type="button" className="button button--kiosk-staff" onClick={() => setStaffSignIn(true)}>
            {t('kiosk.staffSignIn')}
          </button>
        </div>
      </header>
      <main className="kiosk__main" aria-labelledby="kiosk-title">
        <Letterhead profile={profile} />
        <h1 id="kiosk-title" className="kiosk__title">
          {t('kiosk.title')}
        </h1>
        <p className="kiosk__welcome">{t('kiosk.welcome')}</p>
        <div className="kiosk__panels">
          <div className="kiosk__column">
            <GuestbookPanel zone={zone} unit={profile.unit} idleMinutes={idleMinutes} />
          </div>
          <div className="kiosk__column">
            <AgendaPanel zone={zone} />
            <ReleasesPanel zone={zone} idleMinutes={idleMinutes} />
          </div>
        </div>
        <p className="kiosk__footer">{t('kiosk.footer')}</p>
      </main>
    </div>
  );
}
