import type { EventMap, EventName } from '../../shared/contract/events';

export type Listener<E extends EventName> = (payload: EventMap[E]) => void;
export type AnyListener = <E extends EventName>(name: E, payload: EventMap[E]) => void;

/** The core's outgoing events. Transports subscribe once with `onAny` and forward. */
export class CoreEvents {
  private readonly listeners = new Set<AnyListener>();

  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    return this.onAny((n, payload) => {
      if ((n as string) === name) listener(payload as unknown as EventMap[E]);
    });
  }

  emit<E extends EventName>(name: E, payload: EventMap[E]): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // One broken subscriber (a closed socket) must not stop the others.
      }
    }
  }
}
