import { useEffect } from 'react';
import { call } from '../../api/client';
import { useSession } from './session-store';

/** At most one `session.activity` per this many milliseconds while the person is at work. */
export const ACTIVITY_REPORT_MS = 30_000;
/** How often the window looks at the idle time (also catches a machine waking from sleep). */
const CHECK_MS = 5_000;
const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * The window's half of the idle lock (the core enforces the same limit on its own): keys and
 * pointer keep the session alive and are reported to the core at most every 30 s; after
 * `idleLockMinutes` without any, the window locks the session and the sign-in screen shows.
 */
export function useIdleLock(): void {
  const userId = useSession((s) => s.info?.user?.id ?? null);
  const minutes = useSession((s) => s.info?.idleLockMinutes ?? null);

  useEffect(() => {
    if (!userId || !minutes) return;
    const limitMs = minutes * 60_000;
    // Signing in counts as activity in the core too.
    let lastActivity = Date.now();
    let lastReport = lastActivity;
    let locking = false;

    function onActivity() {
      lastActivity = Date.now();
      if (lastActivity - lastReport >= ACTIVITY_REPORT_MS) {
        lastReport = lastActivity;
        void call('session.activity', {});
      }
    }
    const timer = setInterval(() => {
      if (locking || Date.now() - lastActivity < limitMs) return;
      locking = true;
      void useSession
        .getState()
        .lock('idle')
        .then((failed) => {
          // Lost link: try again at the next check; the core locks on its own meanwhile.
          if (failed) locking = false;
        });
    }, CHECK_MS);
    const options = { passive: true, capture: true } as const;
    for (const name of EVENTS) window.addEventListener(name, onActivity, options);
    return () => {
      clearInterval(timer);
      for (const name of EVENTS) window.removeEventListener(name, onActivity, options);
    };
  }, [userId, minutes]);
}
