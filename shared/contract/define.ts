import type { z } from 'zod';
import type { Permission } from './permissions';

/**
 * A method of the core API: its input schema (checked in the core on every call, whatever the
 * transport), the permission a caller needs (checked by the core before the handler runs) and
 * its result type (a type only; results come from our own code).
 */
export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I;
  readonly permission: Permission;
  /** Phantom: carries the result type, never read at run time. */
  readonly result?: { readonly type: R };
  /** True for calls that change data; logs and the audit trail use it. */
  readonly writes: boolean;
}

export function query<I extends z.ZodType, R>(permission: Permission, input: I): MethodSpec<I, R> {
  return { input, permission, writes: false };
}

export function mutation<I extends z.ZodType, R>(permission: Permission, input: I): MethodSpec<I, R> {
  return { input, permission, writes: true };
}
