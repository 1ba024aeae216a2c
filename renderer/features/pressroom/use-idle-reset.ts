import { useEffect, useRef } from 'react';

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `reset` after `minutes` without keys or pointer in the window: the kiosk forgets what
 * the last visitor typed or opened before the next one walks up.
 */
export function useIdleReset(minutes: number, reset: () => void): void {
  const resetRef = useRef(reset);
  useEffect(() => {
    resetRef.current = reset;
  });
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      last = Date.now();
    };
    const timer = setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) {
        last = Date.now();
        resetRef.current();
      }
    }, 5_000);
    const options = { passive: true, capture: true } as const;
    for (const name of EVENTS) window.addEventListener(name, onActivity, options);
    return () => {
      clearInterval(timer);
      for (const name of EVENTS) window.removeEventListener(name, onActivity, options);
    };
  }, [minutes]);
}
