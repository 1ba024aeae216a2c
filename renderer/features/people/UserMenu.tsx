import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/use-t';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { useSession } from './session-store';
import './people.css';

/**
 * The signed-in person in the sidebar footer: name and roles, and a small menu to change the
 * password, lock the screen, switch user or sign out. A disclosure, reachable by keyboard;
 * Escape closes it and gives focus back to its button.
 */
export function UserMenu() {
  const { t } = useT();
  const info = useSession((s) => s.info);
  const lock = useSession((s) => s.lock);
  const signOut = useSession((s) => s.signOut);
  const setStaffSignIn = useSession((s) => s.setStaffSignIn);
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState(false);
  const [notice, setNotice] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(false), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const user = info?.user;
  if (!user) return null;
  const roles = user.roles.map((r) => t(`people.role.${r}` as const)).join(', ');

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  }

  async function run(action: () => Promise<ErrorPayload | null>) {
    setOpen(false);
    setError(await action());
  }

  return (
    <div className="user-menu" onKeyDown={onKeyDown}>
      {notice ? (
        <p className="user-menu__notice" role="status">
          {t('people.changePassword.done')}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {open ? (
        <ul className="user-menu__panel" id={panelId} aria-label={t('people.menu.label')}>
          <li>
            <button
              type="button"
              className="user-menu__item"
              onClick={() => {
                setOpen(false);
                setDialog(true);
              }}
            >
              {t('people.menu.changePassword')}
            </button>
          </li>
          <li>
            <button type="button" className="user-menu__item" onClick={() => void run(lock)}>
              {t('people.menu.lock')}
            </button>
          </li>
          <li>
            <button
              type="button"
              className="user-menu__item"
              onClick={() =>
                void run(async () => {
                  const failed = await signOut();
                  // On a press-room machine the next person is staff too: straight to the sign-in.
                  if (!failed) setStaffSignIn(true);
                  return failed;
                })
              }
            >
              {t('people.menu.switch')}
            </button>
          </li>
          <li>
            <button type="button" className="user-menu__item" onClick={() => void run(signOut)}>
              {t('people.menu.signOut')}
            </button>
          </li>
        </ul>
      ) : null}
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={t('people.menu.open', { name: user.name, roles })}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="user-menu__text">
          <span className="user-menu__name" data-testid="user-name">{user.name}</span>
          <span className="user-menu__role" data-testid="user-roles">{roles}</span>
        </span>
        <span className="user-menu__caret" aria-hidden="true">
          {open ? '▾' : '▴'}
        </span>
      </button>
      {dialog ? (
        <ChangePasswordDialog
          onClose={(changed) => {
            setDialog(false);
            setNotice(changed);
            buttonRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toLocaleUpperCase('id');
}
