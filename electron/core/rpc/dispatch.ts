import type { z } from 'zod';
import { WartaError, type ErrorPayload } from '../../../shared/contract/errors';
import { isMethodName, methods, type MethodName } from '../../../shared/contract/methods';
import type { CallResult } from '../../../shared/contract/result';
import { HlcError } from '../../../shared/sync/hlc';
import { diskFullError, isDiskFull } from '../db/disk-full';
import { runAsPerson } from '../data/actor-scope';
import type { Logger } from '../log/logger';
import type { CoreContext, Handler, Handlers } from './handler-types';

/**
 * The one entry for every call from every transport: finds the method, validates the input
 * with the contract's schema, runs the handler, and turns whatever happens into a CallResult.
 * Nothing a caller sends can throw past this function.
 */
export async function dispatch(
  handlers: Handlers,
  ctx: CoreContext | null,
  logger: Logger,
  method: unknown,
  input: unknown,
): Promise<CallResult<unknown>> {
  if (!isMethodName(method)) {
    const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
    logger.warn('call.unknown_method', { method: name });
    return { ok: false, error: { code: 'unknown_method', message: `Perintah tidak dikenal: ${name}` } };
  }
  if (!ctx) return { ok: false, error: { code: 'closed', message: 'Warta sedang ditutup; ulangi sebentar lagi.' } };
  const spec = methods[method];
  const caller = ctx.currentCaller();
  // Permission before validation: a caller who may not use a method learns nothing about its input.
  if (!caller.can(spec.permission)) {
    logger.warn('call.forbidden', { method, user: caller.userId, roles: caller.roles });
    return { ok: false, error: { code: 'forbidden', message: 'Anda tidak memiliki izin untuk tindakan ini.', details: { permission: spec.permission } } };
  }
  const schema = spec.input as z.ZodType;
  const parsed = schema.safeParse(input === undefined ? {} : input);
  if (!parsed.success) {
    const error = invalidInput(parsed.error);
    logger.warn('call.invalid_input', { method, issues: error.details?.issues });
    return { ok: false, error };
  }
  try {
    const handler = handlers[method] as Handler<MethodName>;
    // Every write the handler makes, after any await, is judged for this caller (data/actor-scope.ts).
    const value = await runAsPerson(caller, () => handler(parsed.data as never, ctx, caller));
    // A write is a person at work: the idle lock starts counting again.
    if (spec.writes) ctx.session.touch();
    return { ok: true, value };
  } catch (err) {
    const error = toPayload(err);
    const log = error.code === 'internal' ? logger.error : logger.warn;
    log('call.failed', { method, code: error.code, message: error.message, stack: error.code === 'internal' ? (err as Error)?.stack : undefined });
    return { ok: false, error };
  }
}

function invalidInput(error: z.ZodError): ErrorPayload {
  // Each issue carries zod's code and limits, so the renderer can word it in the user's
  // language; `message` is the core's Indonesian wording, the fallback.
  const issues = error.issues.slice(0, 20).map((i) => {
    const limits = i as { minimum?: unknown; maximum?: unknown; format?: unknown; params?: Record<string, unknown> };
    return {
      path: i.path.map(String).join('.'),
      code: i.code,
      message: i.message,
      ...(typeof limits.minimum === 'number' || typeof limits.minimum === 'bigint' ? { minimum: Number(limits.minimum) } : {}),
      ...(typeof limits.maximum === 'number' || typeof limits.maximum === 'bigint' ? { maximum: Number(limits.maximum) } : {}),
      ...(typeof limits.format === 'string' ? { format: limits.format } : {}),
      ...(limits.params ? { params: limits.params } : {}),
    };
  });
  const first = issues[0];
  const where = first?.path ? ` (${first.path})` : '';
  return {
    code: 'invalid_input',
    message: `Isian tidak sah${where}: ${first?.message ?? 'periksa kembali isian'}`,
    details: { issues },
  };
}

export function toPayload(err: unknown): ErrorPayload {
  if (err instanceof WartaError) return err.toPayload();
  if (err instanceof HlcError) {
    return { code: err.code === 'hlc_clock_drift' ? 'clock_drift' : 'invalid_input', message: err.message };
  }
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
    return { code: 'db_corrupt', message: 'Basis data rusak. Tutup Warta dan pulihkan dari cadangan atau sinkronkan ulang.' };
  }
  if (isDiskFull(err)) return diskFullError().toPayload();
  return { code: 'internal', message: 'Terjadi kesalahan di dalam Warta; perubahan ini tidak disimpan. Detail ada di log.' };
}
