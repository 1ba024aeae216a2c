/**
 * The error codes a call can return. The renderer shows a message per code in the user's
 * language; `message` from the core (Indonesian) is the fallback and what goes into logs.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'forbidden',
  'conflict',
  'payload_too_large',
  'unsupported_file',
  'invalid_number_pattern',
  'db_not_sqlite',
  'db_corrupt',
  'db_newer_version',
  'db_key_required',
  'db_key_invalid',
  'data_dir_unwritable',
  'data_dir_in_use',
  'disk_full',
  'clock_drift',
  'unauthorized',
  'too_many_attempts',
  'unreachable',
  'no_printer',
  'desktop_only',
  'closed',
  'core_restarted',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** Machine-readable specifics, e.g. the field paths of an invalid input or an unknown placeholder. */
  details?: Record<string, unknown>;
}

/**
 * Why a call failed, where the code's general headline would mislead ("changed elsewhere, reload"
 * for a double booking; "not authorised" for a bad enrolment code). Carried as `details.reason`;
 * the window headlines it by reason (renderer/i18n/error-messages.ts).
 */
export const ERROR_REASONS = ['press_room_booked', 'enrolment_refused', 'enrolment_bad_request', 'enrolment_device_taken', 'enrolment_device_revoked'] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

export function errorReason(error: Pick<ErrorPayload, 'details'>): ErrorReason | null {
  const reason = error.details?.reason;
  return typeof reason === 'string' && (ERROR_REASONS as readonly string[]).includes(reason) ? (reason as ErrorReason) : null;
}

/**
 * A message written "Indonesian. (English.)", as the sync server writes them for any client, split
 * in two; a message without the English tail is all Indonesian.
 */
export function splitBilingual(message: string): { id: string; en: string | null } {
  const m = /^([\s\S]*[.!?])\s+\(([^()]+[.!?])\)$/.exec(message.trim());
  return m ? { id: m[1]!, en: m[2]! } : { id: message, en: null };
}

export class WartaError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'WartaError';
    this.code = code;
    if (details) this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
