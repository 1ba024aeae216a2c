import type { ErrorPayload } from './errors';

/** What every call returns over every transport: never a thrown error across the boundary. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export const ok = <T>(value: T): CallResult<T> => ({ ok: true, value });
export const fail = (error: ErrorPayload): CallResult<never> => ({ ok: false, error });
