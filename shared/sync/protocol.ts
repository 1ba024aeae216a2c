/**
 * The wire protocol between a Warta device and the sync server (HTTP + JSON, WebSocket for
 * notices). Shared by server/ and electron/core/sync/ so both sides agree on shapes and limits.
 *
 * - POST /v1/enrol          { workspace, code, deviceId, deviceName } → EnrolResult (no token needed)
 * - POST /v1/push           { changes: WireChange[] }                 → PushResult
 * - GET  /v1/pull?after=N&maxBytes=B                                   → PullResult
 * - GET  /v1/notices  (WebSocket; token in the Sec-WebSocket-Protocol "warta.<token>")
 *                     server sends { type: 'new', head } when the workspace log grows
 * - GET  /v1/blobs/:sha256                   → { size, received, complete }
 * - PUT  /v1/blobs/:sha256?offset=N&size=S   body = bytes of one chunk (resumable: offset = received)
 * - GET  /v1/blobs/:sha256/data?offset=N&length=L → bytes (complete blobs only)
 * - GET  /v1/public-feed                    → PublicFeed (press-room devices; shared/sync/public-feed.ts)
 * - POST /v1/admin/workspaces | /v1/admin/codes | /v1/admin/revoke   (admin token)
 * Every request but enrol carries `Authorization: Bearer <device token>`.
 */
import { z } from 'zod';
import { ROLES } from '../contract/permissions';
import type { RuleCode, Words } from '../rules/types';
import { isHlc } from './hlc';
import type { FieldValue } from './replicated-tables';

export const PROTOCOL_VERSION = 1;
/** A push body larger than this is refused before it is parsed. */
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;
export const MAX_CHANGES_PER_PUSH = 2000;
/** Pull pages are bounded in bytes (the serialized changes); the client may ask for less. */
export const MAX_PULL_BYTES = 2 * 1024 * 1024;
export const DEFAULT_PULL_BYTES = 512 * 1024;
export const BLOB_CHUNK_BYTES = 512 * 1024;
export const MAX_BLOB_BYTES = 64 * 1024 * 1024;
/** Stamps further ahead of the server's clock than this are refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

export const hlcSchema = z.string().refine(isHlc, 'not an HLC stamp');
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const wireChangeSchema = z
  .object({
    hlc: hlcSchema,
    table: z.string().min(1).max(64),
    rowId: z.string().min(1).max(64),
    fields: z.record(z.string().max(64), z.unknown()),
  })
  .strict();
export type WireChange = z.infer<typeof wireChangeSchema>;

export const pushBodySchema = z.object({ changes: z.array(wireChangeSchema).max(MAX_CHANGES_PER_PUSH) }).strict();

/**
 * A change the server refused (shared/rules): why, and the office's state of the change's fields
 * as this device may read it, so the device takes it (every replica converges) and keeps its own
 * value where a person sees it.
 */
export interface RefusedChange {
  hlc: string;
  table: string;
  rowId: string;
  /** The field the refusal is about; null: the whole change. */
  field: string | null;
  code: RuleCode;
  message: Words;
  office: {
    /** Whether the office holds the row (as far as this device may know). */
    exists: boolean;
    /** The office's value and clock of each field of the change this device may read. */
    fields: Record<string, { value: FieldValue; hlc: string }>;
  };
}

export interface PushResult {
  /** Changes newly added to the log. */
  accepted: number;
  /** Changes the server held already (a replayed push): acknowledged, not added twice. */
  duplicates: number;
  head: number;
  /** Changes the rules refused; every other change of the push was accepted. */
  refused: RefusedChange[];
}

export interface PulledChange {
  seq: number;
  change: WireChange;
}
export interface PullResult {
  changes: PulledChange[];
  /**
   * Rows this device must no longer hold: rows of a table with a row predicate that no longer
   * admits this device (shared/rules/types.ts, ReadRule.rows). Absent from older servers.
   */
  forget?: { table: string; rowId: string }[];
  /** Cursor to send next time: the seq of the last change of this page (or `after` when empty). */
  cursor: number;
  /** The newest seq of the workspace when this page was read. */
  head: number;
  more: boolean;
}

export const enrolBodySchema = z
  .object({
    workspace: z.string().min(1).max(64),
    code: z.string().min(6).max(64),
    deviceId: z.string().regex(/^[0-9a-f]{16}$/),
    deviceName: z.string().min(1).max(120),
  })
  .strict();
export interface EnrolResult {
  token: string;
  workspace: string;
  workspaceName: string;
  role: (typeof ROLES)[number];
  deviceId: string;
  /** The OPD a contributor's device is bound to (its code was made for it); null otherwise. */
  opdId: string | null;
}

/** An OPD's id as the office writes it (a row id); the server checks codes made for an OPD against it. */
export const OPD_ID = /^[A-Za-z0-9-]{1,36}$/;

export const roleSchema = z.enum(ROLES);

export interface BlobStatus {
  size: number | null;
  received: number;
  complete: boolean;
}

/** Errors the server answers with: `{ error: { code, message } }`, message Indonesian first. */
export type SyncErrorCode =
  | 'bad_request'
  | 'payload_too_large'
  | 'unauthorized'
  | 'revoked'
  | 'forbidden'
  | 'unknown_table'
  | 'unknown_field'
  | 'invalid_value'
  | 'clock_ahead'
  | 'wrong_device'
  | 'enrol_failed'
  | 'not_found'
  | 'hash_mismatch'
  | 'device_taken'
  | 'too_many_attempts'
  | 'headers_too_large'
  | 'timeout'
  | 'busy'
  | 'internal';

export interface SyncErrorBody {
  error: { code: SyncErrorCode; message: string; details?: Record<string, unknown> };
}

export function isSyncErrorBody(value: unknown): value is SyncErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as SyncErrorBody).error?.code === 'string';
}

/** Serialized size of a change as stored and paged (UTF-8 bytes of its JSON). */
export function changeBytes(json: string): number {
  let n = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) n += json.charCodeAt(i) > 0x7ff ? 2 : 1;
  return n;
}
