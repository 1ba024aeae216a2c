import type { ErrorPayload } from './errors';

/**
 * The messages of the WebSocket transport (browser mode). IPC carries the same call/result
 * shapes without the envelope ids. Limits are part of the contract so that both ends agree.
 */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export type ClientMessage = { type: 'call'; id: number; method: string; input: unknown };

export type ServerMessage =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ErrorPayload }
  | { type: 'event'; name: string; payload: unknown };

export const IPC_CHANNEL_CALL = 'warta:call';
export const IPC_CHANNEL_EVENT = 'warta:event';
