import { Component, lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/**
 * Code-splitting by section: each section page (and the heavy libraries only it uses: tiptap and
 * Yjs in Rilis, FullCalendar in Agenda, the virtual table in Media) is its own chunk, loaded when
 * the section is first opened, so the first paint loads only the shell and the first screen.
 */
export interface LazyPage<P> {
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts loading the chunk now (idle time after sign-in), so opening the section later does not wait. */
  preload(): Promise<unknown>;
}

export function lazyPage<P>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let started: Promise<{ default: ComponentType<P> }> | null = null;
  const start = () => {
    // A failed load is forgotten, so "Coba lagi" asks for the chunk again instead of the cached failure.
    started ??= load().then(
      (component) => ({ default: component }),
      (err: unknown) => {
        started = null;
        throw err;
      },
    );
    return started;
  };
  return { Component: lazy(start), preload: () => start().catch(() => undefined) };
}

function PageLoading() {
  const { t } = useT();
  return (
    <div className="page-loading" role="status">
      <p className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{t('app.loadingSection')}</span>
    </div>
  );
}

function PageLoadFailed({ retry }: { retry: () => void }) {
  const { t } = useT();
  return (
    <div className="page-loading" role="alert">
      <p>{t('app.sectionLoadFailed')}</p>
      <button type="button" className="button button--primary" onClick={retry}>
        {t('app.retry')}
      </button>
    </div>
  );
}

/** Catches a chunk that could not be loaded (a file missing after an update, a dropped connection in browser mode). */
class ChunkBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean; attempt: number }> {
  override state = { failed: false, attempt: 0 };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }
  override render() {
    if (this.state.failed) return <PageLoadFailed retry={() => this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }))} />;
    return <Suspense key={this.state.attempt} fallback={<PageLoading />}>{this.props.children}</Suspense>;
  }
}

/** A section's place in the frame: a loading state while its chunk arrives, a retry if it cannot. */
export function PageSlot({ section, children }: { section: string; children: ReactNode }) {
  return <ChunkBoundary resetKey={section}>{children}</ChunkBoundary>;
}

/**
 * Scrolls to an element of a section that may still be loading (a link that opens another
 * section at one of its parts): waits until the element is in the page, at most `timeoutMs`.
 */
export function scrollToWhenShown(elementId: string, timeoutMs = 10_000): void {
  const scroll = () => {
    const el = document.getElementById(elementId);
    if (!el) return false;
    // One more frame: the section's own layout (and its data) settle before the jump.
    requestAnimationFrame(() => el.scrollIntoView({ block: 'start' }));
    return true;
  };
  if (scroll()) return;
  const observer = new MutationObserver(() => {
    if (scroll()) stop();
  });
  const timer = window.setTimeout(() => stop(), timeoutMs);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
}
