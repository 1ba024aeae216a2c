import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The h1 of a page. It takes focus when the page opens, so keyboard and screen-reader users
 * land on the new content after choosing a section instead of staying in the sidebar. A page
 * whose chunk arrives while the person is already moving through the sidebar to another item
 * (Beranda after sign-in) leaves the focus where they are: only the item that opened it hands over.
 */
export function PageHeading({ children, focusOnMount = true }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusOnMount) return;
    const active = document.activeElement;
    if (active?.closest('nav') && active.getAttribute('aria-current') !== 'page') return;
    ref.current?.focus({ preventScroll: true });
  }, [focusOnMount]);
  return (
    <h1 id="page-title" className="page__title" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
