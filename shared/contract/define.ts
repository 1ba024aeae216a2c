import type { z } from 'zod';

/**
 * A method of the core API: its input schema (checked in the core on every call, whatever the
 * transport) and its result type (a type only; results come from our own code).
 */
export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I;
  /** Phantom: carries the result type, never read at run time. */
  readonly result?: { readonly type: R };
  /** True for calls that change data; the permission check and the logs use it. */
  readonly writes: boolean;
}

export function query<I extends z.ZodType, R>(input: I): MethodSpec<I, R> {
  return { input, writes: false };
}

export function mutation<I extends z.ZodType, R>(input: I): MethodSpec<I, R> {
  return { input, writes: true };
}
