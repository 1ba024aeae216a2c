import type { EventForm } from './event-form-model';

/**
 * The agenda form being filled, kept in the window's session storage so a reload (or a crash of
 * the page) does not lose minutes of typing, the way the release editor keeps its text. Session
 * storage lives only as long as the window; it is cleared when the form closes and when another
 * person takes the machine (renderer/app/route.ts).
 */
const KEY = 'warta.agenda.formDraft';

export function saveFormDraft(form: EventForm): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(form));
  } catch {
    // Storage full or unavailable: the form still works, only without the safety net.
  }
}

export function loadFormDraft(): EventForm | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === 'object' && typeof (value as EventForm).title === 'string' && typeof (value as EventForm).date === 'string' ? (value as EventForm) : null;
  } catch {
    return null;
  }
}

export function clearFormDraft(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to clear
  }
}
