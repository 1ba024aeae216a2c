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
  /** Keeps a single-use enrolment code (its hash) for a role until `expiresAt` (ms). */
  addEnrolmentCode(workspaceId: string, codeHash: string, role: Role, expiresAt: number): Promise<void>;
  /**
   * Uses up a code and registers the device with its token hash, atomically: a code enrols
   * exactly one device. Re-enrolling a known device id replaces its token. Null when the code
   * is unknown, used or expired.
   */
  redeemEnrolmentCode(
    workspaceId: string,
    codeHash: string,
    device: { deviceId: string; name: string; tokenHash: string },
    now: number,
  ): Promise<DeviceRecord | null>;
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
