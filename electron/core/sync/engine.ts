/**
 * The sync client of the core: a small coordinator over the pieces that do the work.
 *
 *   pull.ts          pages after the cursor, each applied with the cursor in one transaction
 *   apply.ts         merging a page into the database: conflicts, delete rules, deferred fields
 *   push.ts          local changes after the pushed mark, in pages; role filter, byte split
 *   blobs.ts         attachments by hash: upload before push, fetch and verify after pull
 *   conflicts.ts     the conflicts and reviews a person sees, and their resolution
 *   delete-guard.ts  a sync that would delete a large share of the data stops and asks
 *   notices.ts       the server's WebSocket announcing new data
 *   background.ts    when the next cycle runs (after edits, notices, failures with backoff)
 *   status.ts        the status the settings screen and the status bar show
 *   public-feed.ts   a press-room device's public feed, refreshed after each cycle
 *   refused.ts       changes the office's server refused: recorded, rows take the office's state
 *   projection-scrub.ts  what this device holds follows its role's read rules
 *
 * A cycle's own writes (restoring a row deleted while edited elsewhere, taking the office's
 * state) carry the office's decisions: they run in the sync scope, not judged as whoever is
 * signed in (data/actor-scope.ts). Every local write is capped by the enrolled role (`ceiling`).
 *
 * One cycle: apply deferred changes the schema now knows, pull, then push (pull first, so
 * that while a page is applied "not yet pushed" means "nobody else can have seen it"), then
 * fetch missing attachments and refresh the public feed. Errors become a state and a message
 * in plain words; a stopped mass delete waits for a person (`confirmDeletes`).
 */
import { WartaError, type ErrorCode, type ErrorReason } from '../../../shared/contract/errors';
import type { DeviceReport } from '../../../shared/sync/device-report';
import type { SyncConflict, SyncReview, SyncStatus } from '../../../shared/contract/methods/sync';
import type { Role } from '../../../shared/contract/permissions';
import { HlcError } from '../../../shared/sync/hlc';
import type { Caller } from '../caller';
import { ceilingOf, runAsSync } from '../data/actor-scope';
import type { Change } from '../data/change';
import type { CoreContext } from '../rpc/handler-types';
import { knowsRegistry, PageApplier, type Knows } from './apply';
import { BackgroundLoop } from './background';
import { blobHashes, fetchQueuedBlobs, uploadBlobs } from './blobs';
import { createSyncClient, SyncRequestError, type FetchLike, type SyncClient } from './client';
import { ConflictLog } from './conflicts';
import { DEFAULT_DELETE_GUARD, deleteStopMessage, StopForDeletes, type DeleteDecision, type DeleteGuard } from './delete-guard';
import { DISK_FULL_SYNC, isDiskFull } from '../db/disk-full';
import { resetToFreshFirstRun } from './first-run-reset';
import { beginJoinIfNew, finishJoin, JOIN_PENDING, joinPending } from './join-values';
import { SyncState } from './local-tables';
import { NoticeChannel } from './notices';
import { ensurePublicFeedTables, refreshFeed } from './public-feed';
import { pullAll } from './pull';
import { scrubToProjection } from './projection-scrub';
import { pushAll } from './push';
import { RowReader } from './rows';
import { readStatus } from './status';
import type { TokenVault } from './token-vault';
import { UnpushedStamps } from './unpushed';

export type { DeleteGuard } from './delete-guard';

export interface SyncEngineOptions {
  tokenVault: TokenVault;
  /** Background loop: sync after local edits and server notices, retry with backoff. */
  auto?: boolean;
  fetch?: FetchLike;
  deleteGuard?: DeleteGuard;
  /**
   * Which tables and fields this client knows: the registry (and the database schema that
   * matches it). Tests pass a narrower view to play an older client.
   */
  knows?: Knows;
  pullPageBytes?: number;
  pushPageChanges?: number;
  /**
   * Blobs a set of changes refers to besides `_hash` fields (release photos are named inside
   * a Yjs body): uploaded with the changes. Handed in by whoever attaches the engine, so sync/
   * needs no feature's knowledge.
   */
  referencedBlobs?: (changes: readonly Change[]) => Iterable<string>;
}

type State = SyncStatus['state'];

/** sync_state: the server a failed join enrolled with; the vault's token is proof there (abandonJoin). */
const JOIN_SERVER_URL = 'join_server_url';

/** How the server's enrolment refusals reach the person. */
const ENROL_ERRORS: Partial<Record<SyncRequestError['code'], ErrorCode>> = { offline: 'unreachable', too_many_attempts: 'too_many_attempts' };
/** The server's refusals of an enrolment, as reasons the window headlines (not a bare "forbidden"). */
const ENROL_REASONS: Partial<Record<SyncRequestError['code'], ErrorReason>> = {
  enrol_failed: 'enrolment_refused',
  bad_request: 'enrolment_bad_request',
  device_taken: 'enrolment_device_taken',
  revoked: 'enrolment_device_revoked',
};

export class SyncEngine {
  private readonly ctx: CoreContext;
  private readonly state: SyncState;
  private readonly options: SyncEngineOptions;
  private readonly guard: DeleteGuard;
  private readonly unpushed = new UnpushedStamps();
  private readonly conflictLog: ConflictLog;
  private readonly rows: RowReader;
  private readonly applier: PageApplier;
  private readonly loop: BackgroundLoop;
  private readonly notices: NoticeChannel;
  private client: SyncClient | null = null;
  private runState: State = 'not_configured';
  private message: string | null = null;
  private progress: SyncStatus['progress'] = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;
  /** Set by the hosting module so the status can show the office server. */
  hosting: SyncStatus['hosting'] = null;
  /** Set by the hosting module when the hosted server died or could not start again. */
  hostingProblem: string | null = null;

  constructor(ctx: CoreContext, options: SyncEngineOptions) {
    this.ctx = ctx;
    this.options = options;
    this.state = new SyncState(ctx.db);
    ensurePublicFeedTables(ctx.db);
    this.guard = options.deleteGuard ?? DEFAULT_DELETE_GUARD;
    const rows = (this.rows = new RowReader(ctx.db));
    this.conflictLog = new ConflictLog(ctx, rows);
    this.applier = new PageApplier(ctx, this.state, rows, this.conflictLog, this.unpushed, options.knows ?? knowsRegistry);
    this.loop = new BackgroundLoop(async () => (await this.syncNow()).state);
    this.notices = new NoticeChannel({
      serverUrl: () => this.state.get('server_url'),
      token: () => this.options.tokenVault.load(),
      onHead: (head) => {
        if (head > this.state.num('pull_cursor')) this.schedule(200);
      },
    });
    if (this.configured) {
      this.client = this.makeClient(this.state.get('server_url') as string);
      this.runState = this.state.json<{ direction: 'pull' | 'push' }>('pending_deletes') ? 'needs_confirmation' : 'offline';
    }
    this.applyCeiling();
  }

  /** Every local write from now on is capped by the role this machine is enrolled with. */
  private applyCeiling(): void {
    this.ctx.mutator.setCeiling(ceilingOf(this.configured ? this.state.get('role') : null), this.boundOpd);
  }

  /** The OPD this machine is bound to by its enrolment (a contributor's device), or null. */
  get boundOpd(): string | null {
    return this.configured ? this.state.get('opd_id') : null;
  }

  /**
   * The server's report of every device's sync (shared/sync/device-report.ts). The server answers
   * only a machine enrolled with a role that manages sync; the core asks only for such a person.
   */
  async deviceReport(): Promise<DeviceReport> {
    const client = this.client;
    if (!this.configured || !client) throw new WartaError('conflict', 'Sinkronisasi belum diatur: laporan perangkat datang dari server kantor. (Sync is not set up.)');
    try {
      return await client.deviceReport();
    } catch (err) {
      if (!(err instanceof SyncRequestError)) throw err;
      const code: ErrorCode = err.status === 403 ? 'forbidden' : err.status === 401 ? 'unauthorized' : 'unreachable';
      throw new WartaError(code, err.message, { status: err.status });
    }
  }

  get configured(): boolean {
    return this.state.get('server_url') !== null && this.options.tokenVault.load() !== null;
  }

  private makeClient(url: string): SyncClient {
    return createSyncClient(url, () => this.options.tokenVault.load(), this.options.fetch);
  }

  // ---- lifecycle --------------------------------------------------------------------------

  /** Starts the background loop when enabled; applies deferred changes the schema now knows. */
  start(): void {
    this.applyDeferred();
    if (!this.options.auto) return;
    this.listenForEdits();
    if (this.configured) {
      this.schedule(500);
      this.openNotices();
    }
  }

  stop(): void {
    this.stopped = true;
    this.loop.cancel(true);
    this.notices.close();
    this.unsubscribe?.();
  }

  /** Waits for a running cycle (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped || !this.options.auto) return;
    this.loop.schedule(delayMs);
  }

  private openNotices(): void {
    if (this.stopped || !this.options.auto) return;
    this.notices.open();
  }

  /** A local edit (not one this engine applied from a pull) syncs soon. */
  private listenForEdits(): void {
    this.unsubscribe ??= this.ctx.events.on('data.changed', () => {
      if (!this.applier.applying && this.configured) this.schedule(1500);
    });
  }

  // ---- configuration ----------------------------------------------------------------------

  async configure(input: { serverUrl: string; workspace: string; code: string; deviceName: string }): Promise<SyncStatus> {
    const url = input.serverUrl.replace(/\/+$/, '');
    // Re-enrolling on the same server (a new role): the current token proves this is the same device.
    // A join that failed after enrolling kept its token for this: the retry is the same device.
    const proof = this.state.get('server_url') === url || this.state.get(JOIN_SERVER_URL) === url ? this.options.tokenVault.load() : null;
    const client = createSyncClient(url, () => proof, this.options.fetch);
    let result;
    try {
      result = await client.enrol({ workspace: input.workspace, code: input.code, deviceId: this.ctx.info.deviceId, deviceName: input.deviceName });
    } catch (err) {
      // An answer that is no sync server's (a router's login page, a proxy): the address is wrong, not "try again later".
      if (err instanceof SyncRequestError && err.code === 'bad_response')
        throw new WartaError(
          'unreachable',
          `Alamat ${url} tidak menjawab seperti server sinkronisasi Warta; periksa alamat servernya. (This address does not answer like a Warta sync server; check it.)`,
        );
      if (err instanceof SyncRequestError) {
        // The server's own refusal of the code or the request is the headline, not "not authorised".
        const reason = ENROL_REASONS[err.code] ?? null;
        throw new WartaError(ENROL_ERRORS[err.code] ?? 'forbidden', err.message, reason ? { reason } : undefined);
      }
      throw err;
    }
    this.options.tokenVault.save(result.token);
    const previous = this.state.get('workspace');
    this.ctx.db.transaction(() => {
      this.state.set('server_url', url);
      this.state.set('workspace', result.workspace);
      this.state.set('workspace_name', result.workspaceName);
      this.state.set('role', result.role);
      this.state.set('opd_id', result.opdId ?? null);
      if (previous !== result.workspace) {
        // Another workspace's log: start from its beginning and push our whole history to it.
        this.state.set('pull_cursor', 0);
        this.state.set('push_seq', 0);
      }
      // Until its first pull reaches the head, the office's values beat ours (join-values.ts).
      beginJoinIfNew(this.ctx.db, this.state, result.workspace);
      this.state.set('last_error', null);
    })();
    this.client = this.makeClient(url);
    this.applyCeiling();
    this.stopped = false;
    this.loop.resume();
    this.setState('offline', null);
    if (this.options.auto) {
      this.listenForEdits();
      this.schedule(0);
      this.openNotices();
    }
    return this.status();
  }

  disconnect(): SyncStatus {
    this.options.tokenVault.save(null);
    for (const k of ['server_url', 'workspace', 'workspace_name', 'role', 'opd_id', 'pending_deletes', 'delete_decision', 'last_error', JOIN_PENDING]) this.state.set(k, null);
    this.client = null;
    this.applyCeiling();
    this.notices.close();
    this.loop.cancel();
    this.setState('not_configured', null);
    return this.status();
  }

  /**
   * A join that failed after this device enrolled (join.ts): sync stops and the data folder is a
   * fresh first run again (first-run-reset.ts). The token stays in the vault, remembered for this
   * server only, as proof for the next attempt: the office knows this device id, and a plain
   * code may not take an enrolled identity over.
   */
  async abandonJoin(): Promise<SyncStatus> {
    const url = this.state.get('server_url');
    this.notices.close();
    this.loop.cancel();
    await this.idle();
    this.client = null;
    resetToFreshFirstRun(this.ctx.db);
    if (url) this.state.set(JOIN_SERVER_URL, url);
    this.applyCeiling();
    this.setState('not_configured', null);
    return this.status();
  }

  confirmDeletes(allow: boolean): Promise<SyncStatus> {
    if (!this.state.get('pending_deletes')) return Promise.resolve(this.status());
    this.state.set('delete_decision', allow ? 'allow' : 'restore');
    this.state.set('pending_deletes', null);
    this.setState('offline', null);
    return this.syncNow();
  }

  // ---- status -----------------------------------------------------------------------------

  status(): SyncStatus {
    return readStatus(this.ctx.db, this.state, this.conflictLog, {
      configured: this.configured,
      state: this.runState,
      message: this.message,
      progress: this.progress,
      nextRetryAt: this.loop.nextRetryAt,
      hosting: this.hosting,
      hostingProblem: this.hostingProblem,
    });
  }

  private setState(state: State, message: string | null): void {
    this.runState = state;
    this.message = message;
    this.emitStatus();
  }

  private emitStatus(): void {
    this.ctx.events.emit('sync.status', this.status());
  }

  // ---- one cycle --------------------------------------------------------------------------

  /** Runs a cycle now (or joins the running one and runs once more after it). */
  async syncNow(): Promise<SyncStatus> {
    if (this.running) {
      this.again = true;
      await this.idle();
      return this.status();
    }
    // Whoever started it (a person's "sync now", a timer, a notice), the cycle writes for sync.
    const run = runAsSync(async () => {
      do {
        this.again = false;
        await this.cycle();
      } while (this.again && this.configured && this.runState === 'up_to_date');
    });
    this.running = run.finally(() => {
      this.running = null;
    });
    await this.running;
    return this.status();
  }

  private async cycle(): Promise<void> {
    const client = this.client;
    if (!this.configured || !client) return;
    if (this.state.get('pending_deletes')) {
      this.setState('needs_confirmation', this.state.get('last_error'));
      return;
    }
    this.progress = { done: 0, total: null };
    this.setState('syncing', null);
    const decision = this.state.get('delete_decision') as DeleteDecision;
    let refused = 0;
    try {
      this.applyDeferred();
      await pullAll(
        {
          ctx: this.ctx,
          state: this.state,
          client,
          applier: this.applier,
          unpushed: this.unpushed,
          guard: this.guard,
          pageBytes: this.options.pullPageBytes,
          abandoned: () => this.stopped && !this.configured,
          onProgress: ({ done, total, finished }) => {
            this.progress = { done, total };
            this.emitStatus();
            this.ctx.events.emit('progress', { jobId: 'sync', label: 'Sinkronisasi', done, total, finished });
          },
        },
        decision,
      );
      // The pull reached the office's head: from now on values merge by clock alone.
      if (this.configured && joinPending(this.state))
        finishJoin({ db: this.ctx.db, state: this.state, mutator: this.ctx.mutator, conflicts: this.conflictLog, rows: this.rows });
      await pushAll(
        {
          ctx: this.ctx,
          state: this.state,
          client,
          conflicts: this.conflictLog,
          unpushed: this.unpushed,
          guard: this.guard,
          pageChanges: this.options.pushPageChanges,
          // Release photos are named inside the Yjs body, not by a `_hash` field.
          uploadBlobsOf: (changes) => uploadBlobs(client, this.ctx.blobs, new Set([...blobHashes(changes), ...(this.options.referencedBlobs?.(changes) ?? [])])),
          onPage: () => this.emitStatus(),
          onRefused: (n) => (refused += n),
        },
        decision,
      );
      scrubToProjection(this.ctx.db, this.ctx.mutator, this.state, this.ctx.info.deviceId);
      this.state.set('delete_decision', null);
      this.state.set('last_sync_at', new Date(this.ctx.now()).toISOString());
      this.state.set('last_error', null);
      await fetchQueuedBlobs(this.ctx.db, this.state, client, this.ctx.blobs);
      await this.refreshPublicFeed(client);
      this.setState(
        'up_to_date',
        refused > 0
          ? `Server kantor menolak ${refused} perubahan dari komputer ini (aturan peran atau status data); data kembali seperti di kantor, nilai Anda tersimpan di Pengaturan › Sinkronisasi. (The office server refused ${refused} change(s); see Settings › Sync.)`
          : null,
      );
    } catch (err) {
      this.fail(err);
    } finally {
      this.progress = null;
    }
  }

  /** A failed cycle becomes a state and a message in plain words. */
  private fail(err: unknown): void {
    if (err instanceof StopForDeletes) {
      const msg = deleteStopMessage(err.info);
      this.state.set('pending_deletes', JSON.stringify(err.info));
      this.state.set('last_error', msg);
      this.setState('needs_confirmation', msg);
    } else if (err instanceof SyncRequestError) {
      this.ctx.logger.warn('sync.failed', { code: err.code, message: err.message });
      this.state.set('last_error', err.message);
      this.setState(err.retryable ? 'offline' : 'error', err.message);
    } else if (err instanceof HlcError) {
      this.state.set('last_error', err.message);
      this.setState('error', err.message);
    } else {
      const message = isDiskFull(err) ? DISK_FULL_SYNC : `Sinkronisasi gagal: ${(err as Error).message}`;
      this.ctx.logger.error('sync.error', { message: (err as Error).stack ?? String(err) });
      // On a full disk even this small write may fail; the state on screen still tells.
      try {
        this.state.set('last_error', message);
      } catch (writeErr) {
        if (!isDiskFull(writeErr)) throw writeErr;
      }
      this.setState('error', message);
    }
  }

  /** A press-room device's public feed (public-feed.ts); announced like pulled data when it changed. */
  private async refreshPublicFeed(client: SyncClient): Promise<void> {
    const changed = await refreshFeed(this.ctx.db, this.state, client, this.ctx.blobs, this.state.get('role') as Role | null);
    if (!changed) return;
    // Not a local edit: the background loop must not take it for one and sync again.
    this.applier.applying = true;
    try {
      this.ctx.events.emit('data.changed', { tables: ['agenda_events', 'releases'] });
    } finally {
      this.applier.applying = false;
    }
  }

  // ---- pieces exposed for handlers and tests ----------------------------------------------

  /** Applies one pulled page and moves the cursor, in one transaction (apply.ts). */
  applyPage(changes: Parameters<PageApplier['applyPage']>[0], cursor: number, restoreDeletes = false): void {
    this.applier.applyPage(changes, cursor, restoreDeletes);
  }

  /** Deferred changes whose table and fields this schema now knows are applied and forgotten. */
  applyDeferred(): number {
    return this.applier.applyDeferred();
  }

  conflicts(): SyncConflict[] {
    return this.conflictLog.list();
  }

  resolveConflict(id: number, keep: 'current' | 'other', caller: Caller): void {
    this.conflictLog.resolve(id, keep, caller);
    this.emitStatus();
  }

  reviews(): SyncReview[] {
    return this.conflictLog.reviews();
  }

  closeReview(id: number): void {
    this.conflictLog.closeReview(id);
    this.emitStatus();
  }
}

const engines = new WeakMap<CoreContext, SyncEngine>();

export function attachSyncEngine(ctx: CoreContext, options: SyncEngineOptions): SyncEngine {
  const engine = new SyncEngine(ctx, options);
  engines.set(ctx, engine);
  engine.start();
  return engine;
}

export function syncEngineOf(ctx: CoreContext): SyncEngine {
  const engine = engines.get(ctx);
  if (!engine) throw new WartaError('internal', 'Mesin sinkronisasi belum siap.');
  return engine;
}
