import { useEffect, useState } from 'react';
import { onEvent } from '../../api/client';
import { PageHeading } from '../../components/PageHeading';
import { useCan } from '../people/session-store';
import { useOpdStore } from '../settings/opd-store';
import { ActionsView } from './ActionsView';
import { ContactsView } from './ContactsView';
import { MeetingsView } from './MeetingsView';
import { useNetworkT } from './messages';
import './network.css';

const TABLES = ['network_contacts', 'network_meetings', 'network_waves', 'network_invitees', 'network_actions', 'opd', 'media_journalist'];

/** A number that grows whenever the network changes here or by sync: views reload on it. */
export function useNetworkVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => onEvent('data.changed', ({ tables }) => tables.some((t) => TABLES.includes(t)) && setVersion((n) => n + 1)), []);
  return version;
}

type Tab = 'contacts' | 'meetings' | 'actions';

/**
 * Jejaring Kehumasan: the OPDs' PR contacts; at the office also the network's meetings (invitees,
 * RSVPs, attendance, the daftar hadir, minutes) and the action items followed until done.
 */
export function NetworkPage() {
  const { t } = useNetworkT();
  const canManage = useCan('network.manage');
  const canReport = useCan('network.answer');
  const [tab, setTab] = useState<Tab>('contacts');
  const version = useNetworkVersion();
  useEffect(() => {
    void useOpdStore.getState().load();
  }, []);
  // A contributor's computer: its own OPD's contacts and the action items assigned to its OPD.
  const tabs: Tab[] = canManage ? ['contacts', 'meetings', 'actions'] : ['contacts', 'actions'];
  return (
    <section className="page network" aria-labelledby="page-title">
      <PageHeading>{t('network.title')}</PageHeading>
      <p className="settings-section__intro">{t('network.intro')}</p>
      {tabs.length > 1 ? (
        <div className="network-tabs" role="group" aria-label={t('network.title')}>
          {tabs.map((k) => (
            <button key={k} type="button" className={`button${tab === k ? ' button--primary' : ''}`} aria-pressed={tab === k} onClick={() => setTab(k)}>
              {t(`network.tab.${k}`)}
            </button>
          ))}
        </div>
      ) : null}
      {tab === 'contacts' ? <ContactsView version={version} canManage={canManage} /> : tab === 'meetings' ? <MeetingsView version={version} /> : <ActionsView version={version} canManage={canManage} canReport={canReport} />}
    </section>
  );
}
