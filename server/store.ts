/**
 * Storage of the sync server, behind one interface with two adapters: SQLite (default, one
 * office) and PostgreSQL (several server processes on one database). Both pass the same test
 * suite (test/sync/store-contract.ts).
 *
 * The change log is append-only per workspace; each change gets the next sequence number of
 * its workspace, and a change's HLC is its unique id within the workspace (a replayed push
 * is acknowledged without being stored twice). Changes are stored as JSON text.
 *
 * Beside the log, each workspace keeps its current rows (values and per-field clocks, merged by
 * shared/sync/merge.ts like every device merges), updated in the same transaction as the log:
 * the push check judges a change by the row's state (server/push-decider.ts), and pulls filter
 * rows by it. Appends go through `commit`, which hands a decider the rows it asks for inside the
 * transaction and writes what it decides: so the state a change was judged on is the state it
 * is applied to, also with several server processes on one PostgreSQL.
 *
 * Erasure: a decision may ask to redact a row's erased fields from every stored change of it
 * but the erasure itself (SQLite with secure_delete on, and the WAL truncated after the commit).
 */
import type { Role } from '../shared/contract/permissions';
import type { DeviceSighting, DeviceSyncActivity } from '../shared/sync/device-report';
import { erasureOf, isErasure } from '../shared/rules/erasure';
import { derivedTarget, derivedWrite } from '../shared/rules/rulebook';
import { mergeChange, type RowState } from '../shared/sync/merge';
import type { BlobStatus, WireChange } from '../shared/sync/protocol';
import type { FieldValue } from '../shared/sync/replicated-tables';

export type { RowState } from '../shared/sync/merge';

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
  /** The OPD a contributor's device is bound to (from its enrolment code); null for the office's devices. */
  opdId: string | null;
  revoked: boolean;
}

/** What the server saw of a device's sync (shared/sync/device-report.ts). */
export type DeviceActivity = DeviceSyncActivity;

export interface ActivityRow {
  device_id: string;
  name: string;
  role: string;
  opd_id: string | null;
  revoked_at: number | string | null;
  enrolled_at: number | string;
  last_seen_at: number | string | null;
  last_push_at: number | string | null;
  last_push_accepted: number | string;
  last_push_refused: number | string;
  refused_total: number | string;
  pulled_to: number | string | null;
}

const orNull = (v: number | string | null) => (v === null ? null : Number(v));

/** One row of either adapter (PostgreSQL gives BIGINT as text) as the report's record. */
export const toActivity = (r: ActivityRow): DeviceActivity => ({
  deviceId: r.device_id,
  name: r.name,
  role: r.role as Role,
  opdId: r.opd_id,
  revoked: r.revoked_at !== null,
  enrolledAt: Number(r.enrolled_at),
  lastSeenAt: orNull(r.last_seen_at),
  lastPushAt: orNull(r.last_push_at),
  lastPushAccepted: Number(r.last_push_accepted),
  lastPushRefused: Number(r.last_push_refused),
  refusedTotal: Number(r.refused_total),
  pulledTo: orNull(r.pulled_to),
});


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

export interface PulledRow {
  seq: number;
  body: string;
  tbl: string;
  rowId: string;
}

export interface PullRows {
  rows: PulledRow[];
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
   * token, a revoked device let back in); no other device id may redeem it. With `opdId` the
   * device it enrols is bound to that OPD (a contributor's device, issue 13).
   */
  addEnrolmentCode(workspaceId: string, codeHash: string, role: Role, expiresAt: number, forDeviceId?: string | null, opdId?: string | null): Promise<void>;
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
  /** Records what the server saw of a device's sync (last seen, last push, pulled to). */
  noteDevice(workspaceId: string, deviceId: string, seen: DeviceSighting): Promise<void>;
  /** Every device of the workspace with its sync activity, in enrolment order. */
  deviceActivity(workspaceId: string): Promise<DeviceActivity[]>;
  /** True when the device existed (and is now revoked). */
  revokeDevice(workspaceId: string, deviceId: string): Promise<boolean>;
  /**
   * One transaction: tells the decider which of its HLCs the log holds already, loads the current
   * rows it asks for, and writes its plan (log entries with consecutive sequences, rows,
   * redactions). Notifies `onAppend` listeners when the log grew.
   */
  commit<R>(workspaceId: string, decider: Decider<R>): Promise<{ head: number; result: R }>;
  /** Appends changes not seen before, with consecutive sequences, in one transaction, without judging them. */
  append(workspaceId: string, changes: readonly StoredChange[]): Promise<AppendResult>;
  /** Current rows by key (`rowKey`); null for a row the workspace does not hold. */
  currentRows(workspaceId: string, keys: readonly RowRef[]): Promise<Map<string, RowState | null>>;
  /**
   * Changes with seq > after, in seq order, until `maxBytes` of bodies (at least one) or `maxCount`.
   * With `tables`, changes of other tables are skipped (not delivered) but still covered by `cursor`.
   */
  pull(workspaceId: string, after: number, maxBytes: number, maxCount: number, tables?: ReadonlySet<string> | null): Promise<PullRows>;
  /** The stored bodies of a row's changes, in seq order (tests and audits of redaction). */
  changesOfRow(workspaceId: string, table: string, rowId: string): Promise<{ seq: number; body: string }[]>;
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

export interface RowRef {
  table: string;
  rowId: string;
}

export const rowKey = (table: string, rowId: string): string => `${table}\u0000${rowId}`;

/** What a decider wants written. */
export interface CommitPlan {
  /** New log entries, in order; the store gives them consecutive sequences. */
  log: StoredChange[];
  /** Current rows that changed, by `rowKey`. */
  rows: Map<string, RowRef & { state: RowState }>;
  /** Erased rows: every stored change of the row but `keep` loses these fields. */
  redact: { table: string; rowId: string; fields: readonly string[]; keep: string }[];
}

export interface Decider<R> {
  /** The HLCs of the changes to decide on (the store says which the log holds already). */
  hlcs(): readonly string[];
  /** Rows to load before deciding; asked again with what was loaded until it asks for nothing new. */
  rowsNeeded(loaded: ReadonlyMap<string, RowState | null>): readonly RowRef[];
  decide(known: ReadonlySet<string>, rows: Map<string, RowState | null>): { plan: CommitPlan; result: R };
}

/** Loads rows in rounds until the decider asks for nothing new (parents after rows: two rounds). */
export async function loadForDecider(
  decider: Decider<unknown>,
  load: (keys: readonly RowRef[]) => Promise<Map<string, RowState | null>> | Map<string, RowState | null>,
  /** Rows loaded already (the first round, read together with the known HLCs). */
  loaded = new Map<string, RowState | null>(),
): Promise<Map<string, RowState | null>> {
  for (let round = 0; round < 4; round++) {
    const wanted = decider.rowsNeeded(loaded).filter((k) => !loaded.has(rowKey(k.table, k.rowId)));
    if (wanted.length === 0) break;
    for (const [k, v] of await load(wanted)) loaded.set(k, v);
    for (const k of wanted) if (!loaded.has(rowKey(k.table, k.rowId))) loaded.set(rowKey(k.table, k.rowId), null);
  }
  return loaded;
}

/**
 * Accepts every change not stored yet, merging it into the current rows (and redacting on an
 * erasure): `append` without judgment, for the server's own tooling and the store tests.
 */
export function acceptAll(changes: readonly StoredChange[]): Decider<AppendResult> {
  return {
    hlcs: () => changes.map((c) => c.hlc),
    rowsNeeded: () => changes.flatMap((c) => rowsOfStored(c.table, c.rowId, c.body)),
    decide(known, rows) {
      const plan: CommitPlan = { log: [], rows: new Map(), redact: [] };
      const seen = new Set(known);
      let duplicates = 0;
      for (const c of changes) {
        if (seen.has(c.hlc)) {
          duplicates += 1;
          continue;
        }
        seen.add(c.hlc);
        plan.log.push(c);
        foldInto(rows, plan, c.table, c.rowId, c.hlc, parseFields(c.body));
      }
      return { plan, result: { accepted: plan.log.length, duplicates, head: 0 } };
    },
  };
}

function parseFields(body: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(body) as Partial<WireChange>;
    return parsed && typeof parsed.fields === 'object' && parsed.fields !== null ? (parsed.fields as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The rows folding a stored change touches: its own, and the row it records something about. */
export function rowsOfStored(table: string, rowId: string, body: string): RowRef[] {
  const d = derivedTarget(table, parseFields(body) as Record<string, FieldValue>);
  return d ? [{ table, rowId }, { table: d.table, rowId: d.rowId }] : [{ table, rowId }];
}

/** Merges an accepted change into the rows and the plan; an erasure asks for redaction. */
export function foldInto(rows: Map<string, RowState | null>, plan: CommitPlan, table: string, rowId: string, hlc: string, fields: Record<string, unknown>): void {
  const key = rowKey(table, rowId);
  const { state } = mergeChange(rows.get(key) ?? null, hlc, fields as Record<string, FieldValue>);
  rows.set(key, state);
  plan.rows.set(key, { table, rowId, state });
  // What the change records about another row (a release's workflow position), where that row is held.
  const derived = derivedWrite(table, state);
  const target = derived ? rows.get(rowKey(derived.table, derived.rowId)) : null;
  if (derived && target) {
    mergeChange(target, derived.hlc, { [derived.field]: derived.value });
    plan.rows.set(rowKey(derived.table, derived.rowId), { table: derived.table, rowId: derived.rowId, state: target });
  }
  if (isErasure(table, fields as Record<string, FieldValue>)) plan.redact.push({ table, rowId, fields: erasureOf(table)?.fields ?? [], keep: hlc });
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
  fetched: readonly { seq: number; tbl: string; rowId: string; body: string; bytes: number }[],
  after: number,
  head: number,
  limit: number,
  maxBytes: number,
  maxCount: number,
  tables: ReadonlySet<string> | null | undefined,
): PullRows {
  const rows: PulledRow[] = [];
  let bytes = 0;
  let cursor = after;
  for (const r of fetched) {
    if (rows.length >= maxCount || (rows.length > 0 && bytes + r.bytes > maxBytes)) return { rows, head, more: true, cursor };
    cursor = r.seq;
    if (tables && !tables.has(r.tbl)) continue;
    rows.push({ seq: r.seq, body: r.body, tbl: r.tbl, rowId: r.rowId });
    bytes += r.bytes;
  }
  return { rows, head, more: fetched.length >= limit && cursor < head, cursor };
}
