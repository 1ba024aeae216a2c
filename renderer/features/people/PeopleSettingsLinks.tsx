import type { MouseEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { useCan } from './session-store';

/** Links to the people sections in the Settings table of contents, only those the person may see. */
export function PeopleSettingsLinks() {
  const { t } = useT();
  const manage = useCan('people.manage');
  const audit = useCan('audit.read');
  const links = [
    manage ? { id: 'settings-accounts', label: t('people.accounts.title') } : null,
    manage ? { id: 'settings-machine', label: t('people.machine.title') } : null,
    audit ? { id: 'settings-audit', label: t('people.audit.title') } : null,
    manage ? { id: 'settings-guestbook', label: t('people.guestbook.title') } : null,
  ].filter((l) => l !== null);
  return (
    <>
      {links.map((l) => (
        <a key={l.id} href={`#${l.id}`} onClick={jumpTo(l.id)}>
          {l.label}
        </a>
      ))}
    </>
  );
}

/** Scrolls without touching location.hash: in browser mode the fragment holds the session token. */
function jumpTo(id: string) {
  return (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
}
