/**
 * The sync client of the core. One cycle: pull pages after the cursor and apply each page in
 * one transaction together with the cursor (a crash leaves either the whole page and the new
 * cursor or neither), then push the local changes after the pushed mark, in pages, and move
 * the mark after each acknowledged page (a lost acknowledgement only causes a replay, which
 * the server recognises by HLC). Pull comes before push so that, while a page is applied,
 * "not yet pushed" means "nobody else can have seen it": that is what tells a concurrent
 * edit (a conflict worth showing) from a later one.
 *
 * Guards applied while pulling:
 * - stamps too far ahead of this computer's clock are refused (HlcClock.receive names the device);
 * - a field where an incoming change beats a different value of ours that nobody had seen, or
 *   where our value beats an incoming one we had never seen, keeps the losing value in
 *   `sync_conflicts` for a person to choose (resolve writes the choice as a new change);
 * - deletes never silently swallow edits: a row stays deleted only while its `deleted_at`
 *   clock is newer than every other field's clock and no concurrent local edit is waiting;
 *   otherwise the row is restored by a new change (so every replica converges on it) and a
 *   review item is recorded;
 * - a pull or push that would delete more than a set share of the live rows stops and asks;
 * - tables and fields this client's schema does not know are kept in `sync_deferred` and
 *   applied when, after an upgrade, it knows them.
 */
import { WartaError } from '../../../shared/contract/errors';
import type { SyncConflict, SyncReview, SyncStatus } from '../../../shared/contract/methods/sync';
import { HlcError, hlcMillis, parseHlc } from '../../../shared/sync/hlc';
import {
  MAX_PULL_BYTES,
  MAX_CHANGES_PER_PUSH,
  MAX_PUSH_BYTES,
  type WireChange,
} from '../../../shared/sync/protocol';
import { fieldSpec, isReplicatedTable, REPLICATED_TABLES, type FieldValue, type ReplicatedTable } from '../../../shared/sync/replicated-tables';
import { writePermissionFor } from '../../../shared/sync/table-permissions';
import { permissionsOf, type Role } from '../../../shared/contract/permissions';
import type { Caller } from '../caller';
import type { Change } from '../data/change';
import { materialize, readLogEntries } from '../data/change-log';
import { decodeClocks } from '../data/field-clocks';
import { fromSql, toSql } from '../../../shared/sync/row-codec';
import type { CoreContext } from '../rpc/handler-types';
import { createSyncClient, SyncRequestError, type FetchLike, type SyncClient } from './client';
import { SyncState } from './local-tables';
import { ensurePublicFeedTables, refreshFeed } from './public-feed';
import type { TokenVault } from './token-vault';
import crypto from 'node:crypto';
import { WebSocket } from 'ws';

export interface DeleteGuard {
  /** Share of the live rows (0..1) a single sync may delete before it asks. */
  share: number;
  /** Fewer deletes than this never ask. */
  minimum: number;
}

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
  knows?: (table: string, field: string) => boolean;
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
const SKIP_CONFLICT_FIELDS = new Set(['deleted_at', 'created_at']);
const HASH_FIELD = /_hash$/;
const SHA256 = /^[0-9a-f]{64}$/;
const BLOB_CHUNK = 512 * 1024;
const APPLY_CHUNK = 2000;

const defaultKnows = (table: string, field: string) => isReplicatedTable(table) && fieldSpec(table, field) !== undefined;
const nodeOf = (hlc: string) => hlc.slice(-16);

interface RowSnapshot {
  row: Record<string, unknown>;
  clocks: Map<string, string>;
}

class StopForDeletes extends Error {
  constructor(readonly info: { direction: 'pull' | 'push'; count: number; total: number }) {
    super('mass delete');
  }
}

export class SyncEngine {
  private readonly ctx: CoreContext;
  private readonly state: SyncState;
  private readonly options: SyncEngineOptions;
  private readonly knows: (table: string, field: string) => boolean;
  private readonly guard: DeleteGuard;
  private client: SyncClient | null = null;
  private runState: State = 'not_configured';
  private message: string | null = null;
  private progress: SyncStatus['progress'] = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private nextRetryAt: number | null = null;
  private socket: WebSocket | null = null;
  private socketRetry: NodeJS.Timeout | null = null;
  private stopped = false;
  private applying = false;
  private unsubscribe: (() => void) | null = null;
  /** Set by the hosting module so the status can show the office server. */
  hosting: SyncStatus['hosting'] = null;
  /** Set by the hosting module when the hosted server died or could not start again. */
  hostingProblem: string | null = null;
  /** Stamps of local changes not yet acknowledged, for the page being applied. */
  private unpushed = new Set<string>();
  private readonly rowStmts = new Map<string, { get(id: string): unknown }>();
  private readonly existStmts = new Map<string, { get(id: string): unknown }>();

  constructor(ctx: CoreContext, options: SyncEngineOptions) {
    this.ctx = ctx;
    this.options = options;
    this.state = new SyncState(ctx.db);
    ensurePublicFeedTables(ctx.db);
    this.knows = options.knows ?? defaultKnows;
    this.guard = options.deleteGuard ?? { share: 0.3, minimum: 20 };
    if (this.configured) {
      this.client = this.makeClient(this.state.get('server_url') as string);
      this.runState = this.state.json<{ direction: 'pull' | 'push' }>('pending_deletes') ? 'needs_confirmation' : 'offline';
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
    this.unsubscribe = this.ctx.events.on('data.changed', () => {
      if (!this.applying && this.configured) this.schedule(1500);
    });
    if (this.configured) {
      this.schedule(500);
      this.openNotices();
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.socketRetry) clearTimeout(this.socketRetry);
    this.socket?.terminate();
    this.socket = null;
    this.unsubscribe?.();
  }

  /** Waits for a running cycle (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped || !this.options.auto) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow().then(() => {
        if (this.runState === 'offline' || this.runState === 'error') {
          this.failures += 1;
          const delay = Math.min(5 * 60_000, 1000 * 2 ** Math.min(this.failures, 9)) * (0.75 + Math.random() * 0.5);
          this.nextRetryAt = Date.now() + delay;
          this.schedule(delay);
        } else {
          this.failures = 0;
          this.nextRetryAt = null;
          if (this.runState === 'up_to_date') this.schedule(60_000);
        }
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private openNotices(): void {
    if (this.stopped || !this.options.auto || this.socket) return;
    const url = this.state.get('server_url');
    const token = this.options.tokenVault.load();
    if (!url || !token) return;
    const ws = new WebSocket(`${url.replace(/^http/, 'ws').replace(/\/+$/, '')}/v1/notices`, [`warta.${token}`]);
    this.socket = ws;
    ws.on('message', (data) => {
      try {
        const msg = JSON.parse(String(data)) as { type?: string; head?: number };
        if (msg.type === 'new' && typeof msg.head === 'number' && msg.head > this.state.num('pull_cursor')) this.schedule(200);
      } catch {
        // ignore a malformed notice
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      this.socket = null;
      if (this.stopped) return;
      this.socketRetry = setTimeout(() => this.openNotices(), 5000 + Math.random() * 5000);
      this.socketRetry.unref?.();
    });
  }

  // ---- configuration ----------------------------------------------------------------------

  async configure(input: { serverUrl: string; workspace: string; code: string; deviceName: string }): Promise<SyncStatus> {
    const url = input.serverUrl.replace(/\/+$/, '');
    const client = createSyncClient(url, () => null, this.options.fetch);
    let result;
    try {
      result = await client.enrol({ workspace: input.workspace, code: input.code, deviceId: this.ctx.info.deviceId, deviceName: input.deviceName });
    } catch (err) {
      if (err instanceof SyncRequestError) throw new WartaError(err.code === 'offline' ? 'internal' : 'forbidden', err.message);
      throw err;
    }
    this.options.tokenVault.save(result.token);
    const previous = this.state.get('workspace');
    this.ctx.db.transaction(() => {
      this.state.set('server_url', url);
      this.state.set('workspace', result.workspace);
      this.state.set('workspace_name', result.workspaceName);
      this.state.set('role', result.role);
      if (previous !== result.workspace) {
        // Another workspace's log: start from its beginning and push our whole history to it.
        this.state.set('pull_cursor', 0);
        this.state.set('push_seq', 0);
      }
      this.state.set('last_error', null);
    })();
    this.client = this.makeClient(url);
    this.stopped = false;
    this.setState('offline', null);
    if (this.options.auto) {
      this.unsubscribe ??= this.ctx.events.on('data.changed', () => {
        if (!this.applying && this.configured) this.schedule(1500);
      });
      this.schedule(0);
      this.openNotices();
    }
    return this.status();
  }

  disconnect(): SyncStatus {
    this.options.tokenVault.save(null);
    for (const k of ['server_url', 'workspace', 'workspace_name', 'role', 'pending_deletes', 'delete_decision', 'last_error']) this.state.set(k, null);
    this.client = null;
    this.socket?.terminate();
    this.socket = null;
    if (this.timer) clearTimeout(this.timer);
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
    const db = this.ctx.db;
    const pushed = this.state.num('push_seq');
    const pend = db
      .prepare("SELECT coalesce(sum(count), 0) AS n FROM change_log WHERE origin = 'local' AND seq > ?")
      .get(pushed) as { n: number };
    const last = db.prepare("SELECT max(last_hlc) AS h FROM change_log WHERE origin = 'local'").get() as { h: string | null };
    const lastSync = this.state.get('last_sync_at');
    const configured = this.configured;
    return {
      configured,
      state: configured ? this.runState : 'not_configured',
      message: configured ? this.message : null,
      progress: this.runState === 'syncing' ? this.progress : null,
      pendingChanges: pend.n,
      lastChangeAt: last.h ? new Date(hlcMillis(last.h)).toISOString() : null,
      lastSyncAt: lastSync,
      nextRetryAt: this.nextRetryAt ? new Date(this.nextRetryAt).toISOString() : null,
      serverUrl: this.state.get('server_url'),
      workspaceName: this.state.get('workspace_name'),
      role: this.state.get('role'),
      openConflicts: (db.prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as { n: number }).n,
      openReviews: (db.prepare('SELECT count(*) AS n FROM sync_reviews WHERE closed_at IS NULL').get() as { n: number }).n,
      pendingDeletes: this.state.json('pending_deletes'),
      hosting: this.hosting,
      hostingProblem: this.hostingProblem,
    };
  }

  private setState(state: State, message: string | null): void {
    this.runState = state;
    this.message = message;
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
    const run = (async () => {
      do {
        this.again = false;
        await this.cycle();
      } while (this.again && this.configured && this.runState === 'up_to_date');
    })();
    this.running = run.finally(() => {
      this.running = null;
    });
    await this.running;
    return this.status();
  }

  private async cycle(): Promise<void> {
    if (!this.configured || !this.client) return;
    if (this.state.get('pending_deletes')) {
      this.setState('needs_confirmation', this.state.get('last_error'));
      return;
    }
    this.progress = { done: 0, total: null };
    this.setState('syncing', null);
    const decision = this.state.get('delete_decision') as 'allow' | 'restore' | null;
    try {
      this.applyDeferred();
      await this.pullAll(decision);
      await this.pushAll(decision);
      this.state.set('delete_decision', null);
      this.state.set('last_sync_at', new Date(this.ctx.now()).toISOString());
      this.state.set('last_error', null);
      await this.fetchQueuedBlobs();
      await this.refreshPublicFeed();
      const held = this.state.num('held_back');
      this.setState(
        'up_to_date',
        held > 0
          ? `${held} perubahan tidak dikirim: peran komputer ini (${this.state.get('role') ?? '-'}) tidak berhak mengubah data tersebut di server. Perubahan itu tetap ada di komputer ini.`
          : null,
      );
    } catch (err) {
      if (err instanceof StopForDeletes) {
        const { direction, count, total } = err.info;
        const msg =
          direction === 'pull'
            ? `Sinkronisasi berhenti: data dari server akan menghapus ${count} dari ${total} data di komputer ini. Periksa lalu pilih lanjutkan atau pulihkan.`
            : `Sinkronisasi berhenti: komputer ini akan mengirim penghapusan ${count} dari ${total} data. Periksa lalu pilih lanjutkan atau pulihkan.`;
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
        const message = `Sinkronisasi gagal: ${(err as Error).message}`;
        this.ctx.logger.error('sync.error', { message: (err as Error).stack ?? String(err) });
        this.state.set('last_error', message);
        this.setState('error', message);
      }
    } finally {
      this.progress = null;
    }
  }

  private liveRows(): number {
    let n = 0;
    for (const table of Object.keys(REPLICATED_TABLES))
      n += (this.ctx.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
    return n;
  }

  private exceeds(deletes: number, total: number): boolean {
    return deletes >= this.guard.minimum && total > 0 && deletes / total > this.guard.share;
  }

  private refreshUnpushed(): void {
    this.unpushed = new Set(
      readLogEntries(this.ctx.db, { afterSeq: this.state.num('push_seq'), origin: 'local' }).flatMap((e) => e.changes.map((c) => c[0])),
    );
  }

  private async pullAll(decision: 'allow' | 'restore' | null): Promise<void> {
    const client = this.client as SyncClient;
    this.refreshUnpushed();
    const liveAtStart = this.liveRows();
    let deletes = 0;
    let done = 0;
    const bytes = this.options.pullPageBytes ?? MAX_PULL_BYTES;
    let next = client.pull(this.state.num('pull_cursor'), bytes);
    for (;;) {
      const page = await next;
      if (this.stopped && !this.configured) return;
      if (page.changes.length === 0) return;
      const changes = page.changes.map((c) => c.change);
      const pageDeletes = this.countIncomingDeletes(changes);
      if (decision === null && this.exceeds(deletes + pageDeletes, liveAtStart)) throw new StopForDeletes({ direction: 'pull', count: deletes + pageDeletes, total: liveAtStart });
      deletes += pageDeletes;
      const more = page.more || page.cursor < page.head;
      // Ask for the next page before applying this one: the server prepares it meanwhile. Should
      // this page fail, the stored cursor has not moved and the next cycle starts from it.
      if (more) {
        next = client.pull(page.cursor, bytes);
        next.catch(() => undefined);
      }
      // At most APPLY_CHUNK changes per transaction, each moving the cursor to its last change,
      // with the event loop free in between: local work never waits long behind a big pull.
      for (let i = 0; i < changes.length; i += APPLY_CHUNK) {
        const last = i + APPLY_CHUNK >= changes.length;
        const upTo = last ? page.cursor : (page.changes[i + APPLY_CHUNK - 1] as { seq: number }).seq;
        this.applyPage(changes.slice(i, i + APPLY_CHUNK), upTo, decision === 'restore');
        if (!last) await new Promise((r) => setImmediate(r));
      }
      done += changes.length;
      this.progress = { done, total: done + Math.max(0, page.head - page.cursor) };
      this.ctx.events.emit('sync.status', this.status());
      this.ctx.events.emit('progress', { jobId: 'sync', label: 'Sinkronisasi', done, total: this.progress.total, finished: !more });
      if (!more) return;
      // Let local work in between pages.
      await new Promise((r) => setImmediate(r));
    }
  }

  private countIncomingDeletes(changes: WireChange[]): number {
    let n = 0;
    for (const c of changes) {
      if (c.fields.deleted_at === undefined || c.fields.deleted_at === null || !isReplicatedTable(c.table)) continue;
      const row = this.readRow(c.table, c.rowId);
      if (row && row.row.deleted_at === null && (row.clocks.get('deleted_at') ?? '') < c.hlc) n += 1;
    }
    return n;
  }

  /** Applies one page and moves the cursor, in one transaction. */
  applyPage(changes: readonly WireChange[], cursor: number, restoreDeletes = false): void {
    const m = this.ctx.mutator;
    const defer = this.ctx.db.prepare('INSERT OR IGNORE INTO sync_deferred (hlc, body) VALUES (?, ?)');
    this.applying = true;
    try {
      m.transaction(() => {
        // Changes to rows this device does not hold (most of a first sync) need no conflict or
        // delete checks: they are applied in runs, through one call of the merge path.
        const run: Change[] = [];
        // A table empty before this page holds only rows of this page: no lookup needed.
        const empty = new Map<string, boolean>();
        const isEmpty = (table: string) => {
          let e = empty.get(table);
          if (e === undefined) {
            e = this.ctx.db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;
            empty.set(table, e);
          }
          return e;
        };
        const flush = () => {
          if (run.length) m.applyChanges(run);
          run.length = 0;
        };
        for (const wc of changes) {
          const known = this.splitKnown(wc);
          if (known.deferred) defer.run(wc.hlc, JSON.stringify(wc));
          const c = known.change;
          if (!c) continue;
          if (!('deleted_at' in c.fields) && (isEmpty(c.table) || !this.exists(c.table, c.rowId))) run.push(c);
          else {
            flush();
            this.applyOne(c, restoreDeletes);
          }
        }
        flush();
        this.state.set('pull_cursor', cursor);
      });
    } finally {
      this.applying = false;
    }
  }

  private splitKnown(wc: WireChange): { change: Change | null; deferred: boolean } {
    if (!this.knows(wc.table, 'created_at') || !isReplicatedTable(wc.table)) return { change: null, deferred: true };
    let all = true;
    for (const k in wc.fields) if (!this.knows(wc.table, k)) all = false;
    // The usual case, every field known: the change as it came (no copy).
    if (all) return { change: wc as Change, deferred: false };
    const fields: Record<string, FieldValue> = {};
    let deferred = false;
    let any = false;
    for (const [k, v] of Object.entries(wc.fields)) {
      if (this.knows(wc.table, k) && fieldSpec(wc.table, k)) {
        fields[k] = v as FieldValue;
        any = true;
      } else deferred = true;
    }
    return { change: any ? { hlc: wc.hlc, table: wc.table, rowId: wc.rowId, fields } : null, deferred };
  }

  private exists(table: ReplicatedTable, id: string): boolean {
    let stmt = this.existStmts.get(table);
    if (!stmt) {
      stmt = this.ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck();
      this.existStmts.set(table, stmt);
    }
    return stmt.get(id) !== undefined;
  }

  private readRow(table: ReplicatedTable, id: string): RowSnapshot | null {
    let stmt = this.rowStmts.get(table);
    if (!stmt) {
      stmt = this.ctx.db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
      this.rowStmts.set(table, stmt);
    }
    const row = stmt.get(id) as Record<string, unknown> | undefined;
    return row ? { row, clocks: decodeClocks(String(row._hlc)) } : null;
  }

  private applyOne(change: Change, restoreDeletes: boolean): void {
    const { table, rowId, hlc } = change;
    const me = this.ctx.info.deviceId;
    const before = this.readRow(table, rowId);
    const fromElsewhere = nodeOf(hlc) !== me;
    if (before && fromElsewhere) this.recordConflicts(change, before, me);
    this.ctx.mutator.applyChanges([change]);
    const touchesDelete = 'deleted_at' in change.fields || (before !== null && before.row.deleted_at !== null);
    if (!touchesDelete) return;
    const after = this.readRow(table, rowId);
    if (!after) return;
    const nowIso = new Date(this.ctx.now()).toISOString();
    if (after.row.deleted_at === null) {
      if (before && before.row.deleted_at !== null && fromElsewhere) this.addReview(table, rowId, 'restored_elsewhere', nowIso);
      return;
    }
    const delClock = after.clocks.get('deleted_at') ?? '';
    let restore = false;
    // The rule every replica applies alike: an edit newer than the delete wins over it.
    for (const [f, c] of after.clocks) if (f !== 'deleted_at' && c > delClock) restore = true;
    if (!restore && fromElsewhere && before) {
      const localEdit = [...before.clocks].some(([f, c]) => f !== 'deleted_at' && this.unpushed.has(c));
      const localDelete = this.unpushed.has(before.clocks.get('deleted_at') ?? '') && before.row.deleted_at !== null;
      const remoteDeleted = change.fields.deleted_at !== undefined && change.fields.deleted_at !== null && delClock === hlc;
      const remoteEdited = Object.keys(change.fields).some((f) => !SKIP_CONFLICT_FIELDS.has(f));
      // Concurrent: somebody deleted what we edited, or edited what we deleted, before either knew.
      if ((remoteDeleted && localEdit) || (localDelete && remoteEdited)) restore = true;
    }
    if (!restore && restoreDeletes && fromElsewhere && change.fields.deleted_at) restore = true;
    if (restore) {
      this.ctx.mutator.write(table, rowId, { deleted_at: null });
      const now = this.readRow(table, rowId);
      const stamp = now?.clocks.get('deleted_at');
      if (stamp) this.unpushed.add(stamp);
      this.addReview(table, rowId, 'restored_after_delete', nowIso);
    }
  }

  private recordConflicts(change: Change, before: RowSnapshot, me: string): void {
    const rowKeyUnpushed = [...before.clocks.values()].some((c) => this.unpushed.has(c));
    for (const [field, value] of Object.entries(change.fields)) {
      if (SKIP_CONFLICT_FIELDS.has(field)) continue;
      const lc = before.clocks.get(field);
      if (!lc || lc === change.hlc || nodeOf(lc) !== me) continue;
      const spec = fieldSpec(change.table, field);
      const localSql = before.row[field] ?? null;
      const incomingSql = toSql(spec, value);
      if (localSql === incomingSql) continue;
      if (change.hlc > lc && rowKeyUnpushed && this.unpushed.has(lc)) {
        this.insertConflict(change.table, change.rowId, field, JSON.stringify(fromSql(spec, localSql)), lc, change.hlc);
      } else if (change.hlc < lc) {
        this.insertConflict(change.table, change.rowId, field, JSON.stringify(value ?? null), change.hlc, lc);
      }
    }
  }

  private insertConflict(table: string, rowId: string, field: string, loser: string, loserHlc: string, winnerHlc: string): void {
    this.ctx.db
      .prepare(
        'INSERT OR IGNORE INTO sync_conflicts (table_name, row_id, field, loser_value, loser_hlc, winner_hlc, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(table, rowId, field, loser, loserHlc, winnerHlc, new Date(this.ctx.now()).toISOString());
  }

  private addReview(table: string, rowId: string, kind: SyncReview['kind'], at: string): void {
    this.ctx.db.prepare('INSERT INTO sync_reviews (table_name, row_id, kind, detected_at) VALUES (?, ?, ?, ?)').run(table, rowId, kind, at);
  }

  /** Deferred changes whose table and fields this schema now knows are applied and forgotten. */
  applyDeferred(): number {
    const rows = this.ctx.db.prepare('SELECT hlc, body FROM sync_deferred ORDER BY hlc').all() as { hlc: string; body: string }[];
    const ready: Change[] = [];
    for (const r of rows) {
      const wc = JSON.parse(r.body) as WireChange;
      if (!isReplicatedTable(wc.table) || !this.knows(wc.table, 'created_at')) continue;
      if (Object.keys(wc.fields).every((f) => this.knows(wc.table, f) && fieldSpec(wc.table as ReplicatedTable, f))) ready.push(wc as Change);
    }
    if (ready.length === 0) return 0;
    const del = this.ctx.db.prepare('DELETE FROM sync_deferred WHERE hlc = ?');
    this.ctx.mutator.transaction(() => {
      for (const c of ready) {
        this.ctx.mutator.applyChanges([c]);
        del.run(c.hlc);
      }
    });
    return ready.length;
  }

  private async pushAll(decision: 'allow' | 'restore' | null): Promise<void> {
    const client = this.client as SyncClient;
    const pageSize = Math.min(this.options.pushPageChanges ?? 1000, MAX_CHANGES_PER_PUSH);
    let live = -1;
    let deletes = 0;
    for (;;) {
      const after = this.state.num('push_seq');
      const entries = readLogEntries(this.ctx.db, { afterSeq: after, origin: 'local', limit: 50 });
      if (entries.length === 0) return;
      // Whole log entries per push (one transaction's stamps), at most pageSize changes.
      const picked = [];
      let stamps = 0;
      for (const e of entries) {
        if (picked.length > 0 && stamps + e.changes.length > pageSize) break;
        picked.push(e);
        stamps += e.changes.length;
      }
      const lastSeq = (picked[picked.length - 1] as { seq: number }).seq;
      let changes = materialize(this.ctx.db, picked.flatMap((e) => e.changes));
      const pageDeletes = changes.filter((c) => c.fields.deleted_at !== undefined && c.fields.deleted_at !== null);
      if (pageDeletes.length > 0) {
        if (decision === 'restore') {
          this.ctx.mutator.transaction(() => {
            for (const c of pageDeletes) {
              this.ctx.mutator.write(c.table, c.rowId, { deleted_at: null });
              this.addReview(c.table, c.rowId, 'restored_after_delete', new Date(this.ctx.now()).toISOString());
            }
          });
          changes = materialize(this.ctx.db, picked.flatMap((e) => e.changes));
        } else if (decision === null) {
          if (live < 0) live = this.liveRows();
          if (this.exceeds(deletes + pageDeletes.length, live + deletes + pageDeletes.length))
            throw new StopForDeletes({ direction: 'push', count: deletes + pageDeletes.length, total: live + deletes + pageDeletes.length });
        }
        deletes += pageDeletes.length;
      }
      // The server refuses a whole push with a change this device's role may not write; such
      // changes stay on this computer (counted and shown) so they never block the others.
      const perms = permissionsOf([(this.state.get('role') ?? 'guest') as Role]);
      const allowed = changes.filter((c) => {
        const needed = writePermissionFor(c.table);
        return needed !== null && perms.has(needed);
      });
      if (allowed.length < changes.length) this.state.set('held_back', this.state.num('held_back') + changes.length - allowed.length);
      changes = allowed;
      await this.uploadBlobs(changes);
      for (const part of splitByBytes(changes)) if (part.length > 0) await client.push(part as WireChange[]);
      this.state.set('push_seq', lastSeq);
      for (const e of picked) for (const c of e.changes) this.unpushed.delete(c[0]);
      this.ctx.events.emit('sync.status', this.status());
      await new Promise((r) => setImmediate(r));
    }
  }

  // ---- attachments ------------------------------------------------------------------------

  private async uploadBlobs(changes: readonly Change[]): Promise<void> {
    const client = this.client as SyncClient;
    // Release photos are named inside the Yjs body, not by a `_hash` field.
    for (const hash of new Set([...blobHashes(changes), ...(this.options.referencedBlobs?.(changes) ?? [])])) {
      if (!this.ctx.blobs.has(hash)) continue;
      let st = await client.blobStatus(hash);
      if (st.complete) continue;
      const data = this.ctx.blobs.get(hash);
      let offset = st.size === data.length ? st.received : 0;
      while (offset < data.length) {
        st = await client.putBlobChunk(hash, data.length, offset, new Uint8Array(data.subarray(offset, offset + BLOB_CHUNK)));
        if (st.received <= offset && !st.complete) throw new SyncRequestError('internal', 'Unggahan lampiran tidak maju; akan dicoba lagi.', null);
        offset = st.received;
      }
    }
  }

  /** A press-room device's public feed (public-feed.ts); announced like pulled data when it changed. */
  private async refreshPublicFeed(): Promise<void> {
    const changed = await refreshFeed(this.ctx.db, this.state, this.client as SyncClient, this.ctx.blobs, this.state.get('role') as Role | null);
    if (!changed) return;
    // Not a local edit: the background loop must not take it for one and sync again.
    this.applying = true;
    try {
      this.ctx.events.emit('data.changed', { tables: ['agenda_events', 'releases'] });
    } finally {
      this.applying = false;
    }
  }

  private async fetchQueuedBlobs(): Promise<void> {
    const client = this.client as SyncClient;
    const queue = new Set(this.state.json<string[]>('blob_queue') ?? []);
    for (const table of Object.keys(REPLICATED_TABLES)) {
      const cols = Object.keys(REPLICATED_TABLES[table as ReplicatedTable].fields).filter((f) => HASH_FIELD.test(f));
      for (const col of cols)
        for (const h of this.ctx.db.prepare(`SELECT DISTINCT ${col} AS h FROM ${table} WHERE ${col} IS NOT NULL`).pluck().all() as string[])
          if (SHA256.test(h) && !this.ctx.blobs.has(h)) queue.add(h);
    }
    const left: string[] = [];
    for (const hash of queue) {
      try {
        const st = await client.blobStatus(hash);
        if (!st.complete || st.size === null) {
          left.push(hash);
          continue;
        }
        const parts: Buffer[] = [];
        for (let offset = 0; offset < st.size; offset += BLOB_CHUNK) parts.push(await client.getBlobChunk(hash, offset, BLOB_CHUNK));
        const data = Buffer.concat(parts);
        if (crypto.createHash('sha256').update(data).digest('hex') !== hash) {
          left.push(hash);
          continue;
        }
        this.ctx.blobs.put(data);
      } catch {
        left.push(hash);
      }
    }
    this.state.set('blob_queue', left.length ? JSON.stringify(left) : null);
  }

  // ---- conflicts and reviews --------------------------------------------------------------

  conflicts(): SyncConflict[] {
    const rows = this.ctx.db
      .prepare('SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY id DESC LIMIT 500')
      .all() as { id: number; table_name: string; row_id: string; field: string; loser_value: string; loser_hlc: string; detected_at: string }[];
    return rows.map((r) => {
      const current = isReplicatedTable(r.table_name) ? this.readRow(r.table_name, r.row_id) : null;
      const spec = isReplicatedTable(r.table_name) ? fieldSpec(r.table_name, r.field) : undefined;
      return {
        id: r.id,
        table: r.table_name,
        rowId: r.row_id,
        field: r.field,
        currentValue: current ? fromSql(spec, current.row[r.field]) : null,
        otherValue: JSON.parse(r.loser_value) as unknown,
        otherFrom: parseHlc(r.loser_hlc).node,
        detectedAt: r.detected_at,
      };
    });
  }

  resolveConflict(id: number, keep: 'current' | 'other', caller: Caller): void {
    const r = this.ctx.db.prepare('SELECT * FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL').get(id) as
      | { table_name: string; row_id: string; field: string; loser_value: string }
      | undefined;
    if (!r || !isReplicatedTable(r.table_name)) throw new WartaError('not_found', 'Konflik tidak ditemukan atau sudah diselesaikan.');
    const perm = writePermissionFor(r.table_name);
    if (!perm || !caller.can(perm)) throw new WartaError('forbidden', 'Anda tidak berhak mengubah data ini.');
    this.ctx.mutator.transaction(() => {
      if (keep === 'other') this.ctx.mutator.write(r.table_name as ReplicatedTable, r.row_id, { [r.field]: JSON.parse(r.loser_value) as FieldValue });
      this.ctx.db
        .prepare('UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?')
        .run(new Date(this.ctx.now()).toISOString(), keep, id);
    });
    this.ctx.events.emit('sync.status', this.status());
  }

  reviews(): SyncReview[] {
    return (
      this.ctx.db.prepare('SELECT * FROM sync_reviews WHERE closed_at IS NULL ORDER BY id DESC LIMIT 500').all() as {
        id: number;
        table_name: string;
        row_id: string;
        kind: SyncReview['kind'];
        detected_at: string;
      }[]
    ).map((r) => ({ id: r.id, table: r.table_name, rowId: r.row_id, kind: r.kind, detectedAt: r.detected_at }));
  }

  closeReview(id: number): void {
    const done = this.ctx.db.prepare('UPDATE sync_reviews SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(new Date(this.ctx.now()).toISOString(), id);
    if (done.changes === 0) throw new WartaError('not_found', 'Catatan tinjauan tidak ditemukan.');
    this.ctx.events.emit('sync.status', this.status());
  }
}

function blobHashes(changes: readonly Change[]): Set<string> {
  const out = new Set<string>();
  for (const c of changes) for (const [k, v] of Object.entries(c.fields)) if (HASH_FIELD.test(k) && typeof v === 'string' && SHA256.test(v)) out.add(v);
  return out;
}

/** Splits a page so that no push body exceeds the server's byte limit. */
function splitByBytes(changes: readonly Change[]): Change[][] {
  const parts: Change[][] = [[]];
  let bytes = 0;
  const limit = MAX_PUSH_BYTES * 0.8;
  for (const c of changes) {
    const size = Buffer.byteLength(JSON.stringify(c));
    const cur = parts[parts.length - 1] as Change[];
    if (cur.length > 0 && bytes + size > limit) {
      parts.push([c]);
      bytes = size;
    } else {
      cur.push(c);
      bytes += size;
    }
  }
  return parts;
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
