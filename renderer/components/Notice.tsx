import type { ReactNode } from 'react';

interface NoticeProps {
  children: ReactNode;
  /** E.g. "Urungkan" after a delete: the slip is one click from being undone. */
  action?: { label: string; onClick: () => void };
  /** Shown as × with this accessible label; without it the notice has no close button. */
  dismiss?: { label: string; onClick: () => void };
}

/** A status line above a list: what just happened, and the way back. Announced to screen readers. */
export function Notice({ children, action, dismiss }: NoticeProps) {
  return (
    <div className="notice" role="status">
      <span>{children}</span>
      {action ? (
        <button type="button" className="button button--small" onClick={action.onClick}>
          {action.label}
        </button>
      ) : null}
      {dismiss ? (
        <button type="button" className="notice__close" aria-label={dismiss.label} onClick={dismiss.onClick}>
          ×
        </button>
      ) : null}
    </div>
  );
}
