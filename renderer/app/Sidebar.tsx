import { useRef, type KeyboardEvent } from 'react';
import { cappedPermissions, sectionAllowed } from '../features/people/section-permissions';
import { useSession } from '../features/people/session-store';
import { useSyncStatus } from '../features/status/sync-status-store';
import { UserMenu } from '../features/people/UserMenu';
import { useT } from '../i18n/use-t';
import { SECTION_LABEL, SECTIONS, useNavigation, type Section } from './navigation-store';
import { openSection } from './route';
import { SectionIcon } from './SectionIcon';

/** The main navigation. Tab reaches it; arrow keys, Home and End move between its items. */
export function Sidebar({ officeName }: { officeName: string }) {
  const { t } = useT();
  const section = useNavigation((s) => s.section);
  const permissions = cappedPermissions(
    useSession((s) => s.info?.permissions),
    useSyncStatus((s) => s.status?.role),
  );
  const sections = SECTIONS.filter((s) => sectionAllowed(s, permissions));
  const listRef = useRef<HTMLUListElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const buttons = Array.from(listRef.current?.querySelectorAll('button') ?? []);
    const target =
      event.key === 'ArrowDown' ? (index + 1) % buttons.length
      : event.key === 'ArrowUp' ? (index - 1 + buttons.length) % buttons.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? buttons.length - 1
      : -1;
    if (target < 0) return;
    event.preventDefault();
    buttons[target]?.focus();
  }

  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">W</span>
        <span>
          <span className="sidebar__name">{t('app.name')}</span>
          <span className="sidebar__tagline">{t('app.tagline')}</span>
        </span>
      </div>
      <ul className="sidebar__list" ref={listRef}>
        {sections.map((s: Section, index) => (
          <li key={s}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={section === s ? 'page' : undefined}
              onClick={() => openSection(s)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              <SectionIcon section={s} />
              <span>{t(SECTION_LABEL[s])}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="sidebar__office" title={officeName}>
        {officeName}
      </p>
      <UserMenu />
    </nav>
  );
}
