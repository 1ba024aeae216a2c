import type { SyncErrorCode } from '../../shared/sync/protocol';

/** An answer of the sync server other than 200: its status, code and Indonesian (then English) message. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}
