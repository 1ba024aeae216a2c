import type { ErrorPayload } from '../../../shared/contract/errors';
import { MAX_MESSAGE_BYTES } from '../../../shared/contract/wire';
import { isAppUrl } from './app-origin';

/** What the IPC handler knows about who sent a call, taken from the Electron event. */
export interface SenderFacts {
  /** URL of the frame that sent the message; null when the frame is gone. */
  frameUrl: string | null;
  /** The sending webContents is our main window's. */
  isOurWindow: boolean;
  /** The sender is the top frame (not an iframe the page might embed). */
  isMainFrame: boolean;
}

/**
 * Electron's checklist item 17: validate the sender of every IPC message. Only the top frame
 * of our own window, showing our own origin, may call the core.
 */
export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.isOurWindow && facts.isMainFrame && isAppUrl(facts.frameUrl);
}

/**
 * Refuses calls whose payload is larger than the transport limit both transports share
 * (shared/contract/wire.ts), or that cannot be measured (cycles, BigInt: not valid input anyway).
 */
export function checkPayload(method: unknown, input: unknown, limit = MAX_MESSAGE_BYTES): ErrorPayload | null {
  if (typeof method !== 'string' || method.length > 200) {
    return { code: 'unknown_method', message: 'Perintah tidak dikenal.' };
  }
  let size: number;
  try {
    const json = JSON.stringify(input ?? null);
    size = json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return { code: 'invalid_input', message: 'Isian tidak sah: data tidak dapat dibaca.' };
  }
  if (size > limit) {
    return { code: 'payload_too_large', message: `Data terlalu besar (${Math.ceil(size / 1024)} KB; batas ${Math.floor(limit / 1024)} KB).` };
  }
  return null;
}
