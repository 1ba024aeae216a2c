import type { ReactNode } from 'react';

/** Full-window message for the states before the app frame exists (loading, no token, failure). */
export function CenteredMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <main className="centered-message">
      <div className="centered-message__box">
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
