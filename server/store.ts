/**
 * Storage of the sync server, behind one interface with two adapters: SQLite (default, one
 * office) and PostgreSQL (several server processes on one database). Both pass the same test
 * suite (test/sync/store-contract.ts).
 *
 * The change log is append-only per workspace; each change gets the next sequence number of
 * its workspace, and a change's HLC is its unique id within the workspace (a replayed push
 * is acknowledged without being stored twice). Changes are stored opaquely as JSON text.
 */
import type { Role } from '../shared/contract/permissions';
import type { BlobStatus } from '../shared/sync/protocol';

export interface StoredChange {
  hlc: string;
  table: string;
  rowId: string;
  /** The change as JSON text (WireChange). */
  body: string;
}

export interface DeviceRecord {
  deviceId: string;
  workspaceId: string;
  workspaceName: string;
  name: string;
  role: Role;
  revoked: boolean;
}

export interface EnrolRequest {
  deviceId: string;
  name: string;
  tokenHash: string;
  /** The hash of the token the device presented with its request (proof it is that device), if any. */
  proofTokenHash: string | null;
}

/** Why a code was not redeemed: wrong/used/expired code, someone else's device id, a revoked device, a code made for another device. */
export type EnrolRefusal = 'code' | 'device_taken' | 'revoked' | 'code_for_other_device';

export type EnrolOutcome = { device: DeviceRecord; kind: 'new' | 'proof' | 'approved' } | { refused: EnrolRefusal };

/**
 * Whether a valid code may enrol this device id, given what the workspace knows of that id.
 * The one rule of both adapters: a code never takes over another device's identity.
 */
export function decideEnrolment(
  codeForDevice: string | null,
  request: EnrolRequest,
  existing: { tokenHash: string; revoked: boolean } | null,
): { refused: EnrolRefusal } | { kind: 'new' | 'proof' | 'approved' } {
  if (codeForDevice !== null && codeForDevice !== request.deviceId) return { refused: 'code_for_other_device' };
  if (!existing) return { kind: 'new' };
  if (codeForDevice === request.deviceId) return { kind: 'approved' };
  if (existing.revoked) return { refused: 'revoked' };
  if (request.proofTokenHash !== null && request.proofTokenHash === existing.tokenHash) return { kind: 'proof' };
  return { refused: 'device_taken' };
}

export interface EnrolmentEvent {
  at: number;
  /** The client's address as the server saw it (or the proxy's X-Forwarded-For, when trusted). */
  address: string;
  workspaceId: string;
  deviceId: string | null;
  outcome: 'enrolled' | 're_enrolled' | 'failed' | 'locked_out';
  /** For failures: the refusal; for lockouts: which limit. */
  reason: string | null;
}

/** How many enrolment audit lines a store keeps (oldest dropped first), and for how long. */
export const ENROLMENT_AUDIT_MAX_ROWS = 20_000;
export const ENROLMENT_AUDIT_MAX_AGE_MS = 180 * 24 * 3600_000;

export interface WorkspaceRecord {
  id: string;
  name: string;
}

export interface AppendResult {
  accepted: number;
  duplicates: number;
  head: number;
}

export interface PullRows {
  rows: { seq: number; body: string }[];
  head: number;
  more: boolean;
  /** The last sequence this page covers, delivered or withheld for the device's role. */
  cursor: number;
}

export interface SyncStore {
  readonly kind: 'sqlite' | 'postgres';
  createWorkspace(id: string, name: string): Promise<WorkspaceRecord>;
  workspace(id: string): Promise<WorkspaceRecord | null>;
  /**
   * Keeps a single-use enrolment code (its hash) for a role until `expiresAt` (ms). With
   * `forDeviceId` the code is an administrator's approval to re-enrol that one device (a lost
   * token, a revoked device let back in); no other device id may redeem it.
   */
  addEnrolmentCode(workspaceId: string, codeHash: string, role: Role, expiresAt: number, forDeviceId?: string | null): Promise<void>;
  /**
   * Uses up a code and registers the device with its token hash, atomically: a code enrols
   * exactly one device. The decision (shared by both adapters through `decideEnrolment`):
   * an unknown device id gets a new identity; a known one only with proof (the hash of that
   * device's current token, and the device not revoked) or with a code issued for it.
   * A refused redemption leaves the code unused.
   */
  redeemEnrolmentCode(workspaceId: string, codeHash: string, device: EnrolRequest, now: number): Promise<EnrolOutcome>;
  /** Keeps one line of the enrolment audit (failures, lockouts, enrolments). */
  recordEnrolmentEvent(event: EnrolmentEvent): Promise<void>;
  /** The newest enrolment audit lines, of one workspace or of all (null), newest first. */
  enrolmentEvents(workspaceId: string | null, limit: number): Promise<EnrolmentEvent[]>;
  deviceByToken(tokenHash: string): Promise<DeviceRecord | null>;
  devices(workspaceId: string): Promise<DeviceRecord[]>;
  /** True when the device existed (and is now revoked). */
  revokeDevice(workspaceId: string, deviceId: string): Promise<boolean>;
  /** Appends changes not seen before, with consecutive sequences, in one transaction. */
  append(workspaceId: string, changes: readonly StoredChange[]): Promise<AppendResult>;
  /**
   * Changes with seq > after, in seq order, until `maxBytes` of bodies (at least one) or `maxCount`.
   * With `tables`, changes of other tables are skipped (not delivered) but still covered by `cursor`.
   */
  pull(workspaceId: string, after: number, maxBytes: number, maxCount: number, tables?: ReadonlySet<string> | null): Promise<PullRows>;
  head(workspaceId: string): Promise<number>;
  /** The bodies of these log entries, by seq (the public feed reads release bodies lazily). At most 1,000 seqs per call. */
  changesAt(workspaceId: string, seqs: readonly number[]): Promise<Map<number, string>>;
  /** Which of these HLCs are in the workspace log (tests and audits). */
  hasChanges(workspaceId: string, hlcs: readonly string[]): Promise<Set<string>>;
  blobStatus(workspaceId: string, hash: string): Promise<BlobStatus>;
  /** Stores one chunk at `offset`, which must equal what was received so far (else returns the status unchanged). */
  putBlobChunk(workspaceId: string, hash: string, size: number, offset: number, data: Buffer): Promise<BlobStatus>;
  /** Marks the blob complete once every byte is there and the SHA-256 matches; drops it when it does not. */
  completeBlob(workspaceId: string, hash: string, verify: (chunks: AsyncIterable<Buffer>) => Promise<boolean>): Promise<BlobStatus | 'mismatch'>;
  readBlob(workspaceId: string, hash: string, offset: number, length: number): Promise<Buffer | null>;
  /** Calls `listener(workspaceId, head)` when any process appends to a workspace (PostgreSQL: LISTEN/NOTIFY). */
  onAppend(listener: (workspaceId: string, head: number) => void): () => void;
  close(): Promise<void>;
}

/** How many seqs one `changesAt` call may ask for. */
export const MAX_SEQS_PER_READ = 1000;

/** How many log rows one pull may look at when it filters by table, delivered or not. */
export const MAX_SCAN_PER_PULL = 20_000;

/**
 * Builds a page from rows in seq order: the same rule for every adapter. Withheld rows move the
 * cursor on without being sent, so a device never asks for them again.
 */
export function pagePulled(
  fetched: readonly { seq: number; tbl: string; body: string; bytes: number }[],
  after: number,
  head: number,
  limit: number,
  maxBytes: number,
  maxCount: number,
  tables: ReadonlySet<string> | null | undefined,
): PullRows {
  const rows: { seq: number; body: string }[] = [];
  let bytes = 0;
  let cursor = after;
  for (const r of fetched) {
    if (rows.length >= maxCount || (rows.length > 0 && bytes + r.bytes > maxBytes)) return { rows, head, more: true, cursor };
    cursor = r.seq;
    if (tables && !tables.has(r.tbl)) continue;
    rows.push({ seq: r.seq, body: r.body });
    bytes += r.bytes;
  }
  return { rows, head, more: fetched.length >= limit && cursor < head, cursor };
}
