import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The h1 of a page. It takes focus when the page opens, so keyboard and screen-reader users
 * land on the new content after choosing a section instead of staying in the sidebar.
 */
export function PageHeading({ children, focusOnMount = true }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus({ preventScroll: true });
  }, [focusOnMount]);
  return (
    <h1 id="page-title" className="page__title" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
