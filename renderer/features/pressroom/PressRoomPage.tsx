import { PageHeading } from '../../components/PageHeading';
import { useT } from '../../i18n/use-t';
import { GuestbookSection } from '../people/GuestbookSection';
import { MachineSection } from '../people/MachineSection';

/**
 * The staff side of the press room (people.manage, like the sidebar item): press-room mode of
 * this computer and the guest book, the same sections as in Pengaturan.
 */
export function PressRoomPage() {
  const { t } = useT();
  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeading>{t('kiosk.title')}</PageHeading>
      <p className="placeholder__summary">{t('kiosk.staffPage.intro')}</p>
      <MachineSection />
      <GuestbookSection />
    </section>
  );
}
