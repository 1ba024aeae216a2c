import { create } from 'zustand';
import type { ErrorPayload } from '../../../shared/contract/errors';
import type { Desk } from '../../../shared/home/desk';
import { call } from '../../api/client';

interface DeskStore {
  desk: Desk | null;
  /** Renderer time when the desk arrived: clocks run on from the core's `asOfMs` by the elapsed time. */
  receivedAt: number;
  error: ErrorPayload | null;
  /** Reads the desk now; a call during a running load reads once more after it (a burst of changes). */
  load(): Promise<void>;
  /** The desk on screen: joins the running load, starts one only when there is no desk yet. */
  ensure(): Promise<void>;
}

let inFlight: Promise<void> | null = null;
let again = false;

export const useDeskStore = create<DeskStore>()((set, get) => ({
  desk: null,
  receivedAt: 0,
  error: null,
  load() {
    // A burst of changes (a sync pull) reloads once after the running load, not once per change.
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      do {
        again = false;
        const r = await call('home.desk', {});
        if (r.ok) set({ desk: r.value, receivedAt: Date.now(), error: null });
        else set({ error: r.error });
      } while (again);
      inFlight = null;
    })();
    return inFlight;
  },
  ensure() {
    if (inFlight) return inFlight;
    return get().desk ? Promise.resolve() : get().load();
  },
}));
