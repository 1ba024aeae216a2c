import crypto from 'node:crypto';
import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import type { EventMap, EventName } from '../../shared/contract/events';
import type { AppInfo, MethodInput, MethodName, MethodResult } from '../../shared/contract/methods';
import type { EncryptionState } from '../../shared/contract/methods/people';
import type { CallResult } from '../../shared/contract/result';
import { createUuidV7 } from '../../shared/ids/uuidv7';
import { HlcClock } from '../../shared/sync/hlc';
import { createAuditLog } from './audit/audit-log';
import { Mutator } from './data/mutator';
import { migrate, newerVersionError } from './db/migrate';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import type { DatabaseKey, KeyVault } from './db/encryption';
import { keyForOpening, WorkspaceEncryption } from './db/workspace-encryption';
import { lockDataFolder, type DataFolderLock } from './db/data-folder-lock';
import { checkDatabaseFile, ensureWritableDir, openDatabase, readSchemaVersion, type Db } from './db/open-database';
import { CoreEvents, type AnyListener } from './events';
import { agendaHandlers } from './features/agenda/handlers';
import { appHandlers } from './features/app/handlers';
import { attachmentHandlers } from './features/attachments/handlers';
import { createBlobStore } from './data/blob-store';
import { officeHandlers } from './features/office/handlers';
import { opdHandlers } from './features/opd/handlers';
import { requestsHandlers } from './features/requests/handlers';
import { networkHandlers } from './features/network/handlers';
import { publicdeskHandlers } from './features/publicdesk/handlers';
import { coverageHandlers } from './features/requests/coverage';
import { invitationHandlers } from './features/requests/invitations';
import { numbersHandlers } from './features/requests/numbers';
import { accountHandlers } from './features/people/account-handlers';
import { createAccountsStore } from './features/people/accounts-store';
import { auditHandlers } from './features/people/audit-handlers';
import { encryptionHandlers } from './features/people/encryption-handlers';
import { guestbookHandlers, purgeExpiredGuestbook } from './features/people/guestbook-handlers';
import { machineHandlers } from './features/people/machine-handlers';
import { createMachineSettings } from './features/people/machine-settings';
import { SessionManager } from './features/people/session';
import { sessionHandlers } from './features/people/session-handlers';
import { createSigninThrottle } from './features/people/signin-throttle';
import { prefsHandlers } from './features/prefs/handlers';
import { releasesHandlers } from './features/releases/handlers';
import { releasePhotoHashes } from './features/releases/photo-refs';
import { syncHandlers } from './features/sync/handlers';
import { mediaHandlers } from './features/media/handlers';
import { mediaOfficeState, scrubMediaCopies } from './features/media/erasure-scrub';
import { releaseOfficeState } from './features/releases/office-state';
import { updatesHandlers } from './features/updates/handlers';
import { desktopHandlers } from './features/desktop/handlers';
import { startNoticeWatch } from './features/desktop/notices';
import { startDeskReminders } from './features/publicdesk/reminders';
import { printHandlers } from './features/print/handlers';
import { homeHandlers } from './features/home/handlers';
import { reportsHandlers } from './features/reports/handlers';
import { campaignsHandlers } from './features/campaigns/handlers';
import { attachSyncEngine, type SyncEngineOptions } from './sync/engine';
import { attachHosting, resumeHosting, stopHosting } from './sync/host';
import type { SyncServerLaunch } from './sync/hosting-port';
import { createProcessHosting } from './sync/hosting-process';
import { insecureFileTokenVault, SMTP_PASSWORD_FILES, type TokenVault } from './sync/token-vault';
import { scrubSyncCopies } from './sync/local-tables';
import { attachOutbox, type OutboxOptions } from './features/distribution/outbox';
import { startIndexCatchUp } from './features/releases/index-catch-up';
import { distributionHandlers } from './features/distribution/handlers';
import { createFileLogger, type Logger } from './log/logger';
import { createFilePrefs, type PrefsStore } from './prefs';
import { dispatch } from './rpc/dispatch';
import type { CoreContext, Handlers } from './rpc/handler-types';

export const DATABASE_FILE = 'warta.sqlite';

export interface CoreOptions {
  dataDir: string;
  /** Wall clock in ms; tests pass a fake one. */
  clock?: () => number;
  /** Id generator; tests pass a deterministic one. */
  ids?: () => string;
  mode?: AppInfo['mode'];
  logger?: Logger;
  prefs?: PrefsStore;
  /** The key of an encrypted workspace (desktop: from safeStorage; browser mode: the passphrase). */
  databaseKey?: DatabaseKey | null;
  /** Where a newly made key is kept when an administrator turns encryption on (desktop: safeStorage). */
  keyVault?: KeyVault | null;
  /** Where the sync token is kept (desktop: safeStorage); browser mode and tests: a marked file. */
  tokenVault?: TokenVault | null;
  /** How the desktop shell keeps this machine's secrets (keychain, secrets passphrase, none), for the settings to show. */
  secretStore?: EncryptionState['secrets'];
  /** Where this machine keeps the SMTP password (desktop: safeStorage); browser mode and tests: a marked file. */
  smtpPasswordVault?: TokenVault | null;
  /** Outbox options; `auto` (background sending) is on except in tests. */
  outbox?: Partial<OutboxOptions>;
  /** Sync engine options; `auto` (background sync) is on except in tests. */
  sync?: Partial<Omit<SyncEngineOptions, 'tokenVault'>>;
  /**
   * How to start the office sync server as a process when this computer hosts it (plain data:
   * browser mode and tests run server/main.ts with tsx, Electron its built copy). Without it,
   * hosting says it is not available.
   */
  syncServerLaunch?: SyncServerLaunch | null;
}

export interface Core {
  /** Runs one call; never throws for anything the caller sent. */
  call(method: unknown, input?: unknown): Promise<CallResult<unknown>>;
  /** Typed convenience for our own code and tests: returns the value or throws the error payload. */
  invoke<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodResult<M>>;
  onEvent(listener: AnyListener): () => void;
  on<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
  readonly info: AppInfo;
  /** For the core's own modules and tests (the mutation path, benchmarks). */
  readonly context: CoreContext;
  close(): void;
}

/** One group per feature, from electron/core/features/<feature>/handlers.ts. */
const handlers: Handlers = {
  ...appHandlers,
  ...officeHandlers,
  ...opdHandlers,
  ...requestsHandlers,
  ...networkHandlers,
  ...publicdeskHandlers,
  ...invitationHandlers,
  ...coverageHandlers,
  ...numbersHandlers,
  ...agendaHandlers,
  ...sessionHandlers,
  ...accountHandlers,
  ...machineHandlers,
  ...auditHandlers,
  ...guestbookHandlers,
  ...encryptionHandlers,
  ...attachmentHandlers,
  ...prefsHandlers,
  ...releasesHandlers,
  ...syncHandlers,
  ...mediaHandlers,
  ...distributionHandlers,
  ...updatesHandlers,
  ...desktopHandlers,
  ...printHandlers,
  ...homeHandlers,
  ...reportsHandlers,
  ...campaignsHandlers,
};

/** Opens (or creates) the workspace in `dataDir`, migrates it, and serves the contract. */
export function createCore(options: CoreOptions): Core {
  const dataDir = path.resolve(options.dataDir);
  ensureWritableDir(dataDir);
  // Before anything reads or writes the workspace: one data folder, one process.
  const lock = lockDataFolder(dataDir, options.mode ?? 'test');
  let db: Db;
  let logger: Logger;
  let key: DatabaseKey | null;
  try {
    logger = options.logger ?? createFileLogger(dataDir);
    const file = path.join(dataDir, DATABASE_FILE);
    key = keyForOpening(file, options.databaseKey ?? null);
    checkDatabaseFile(file, key !== null);
    // Refuse a newer schema before opening read-write: WAL setup alone would write to the file.
    const found = readSchemaVersion(file, key);
    if (found !== null && found > LATEST_SCHEMA_VERSION) throw newerVersionError(found);
    db = openDatabase(file, key);
  } catch (err) {
    lock.release();
    throw err;
  }
  return openCore(options, { dataDir, logger, db, lock, key });
}

/** The rest of opening, once the folder is ours and the database open: migrate, wire, serve. */
function openCore(options: CoreOptions, opened: { dataDir: string; logger: Logger; db: Db; lock: DataFolderLock; key: DatabaseKey | null }): Core {
  const { dataDir, logger, db, lock, key } = opened;
  const file = path.join(dataDir, DATABASE_FILE);
  let context: CoreContext;
  try {
    migrate(db);
    const now = options.clock ?? Date.now;
    const newId = options.ids ?? createUuidV7(now);
    const deviceId = localMeta(db, 'device_id', () => crypto.randomBytes(8).toString('hex'));
    const clock = new HlcClock({ node: deviceId, now, last: localMetaGet(db, 'hlc_last') });
    const events = new CoreEvents();
    const audit = createAuditLog(db, now);
    const session = new SessionManager(createAccountsStore(db), createMachineSettings(db), createSigninThrottle(db, now), audit, now);
    const mutator = new Mutator({
      db,
      clock,
      newId,
      now,
      onCommit: (tables) => events.emit('data.changed', { tables: [...tables].sort() }),
      deviceId,
    });
    // An erasure reaches every local copy of the old values, in the erasure's own transaction.
    mutator.onErased(scrubMediaCopies);
    mutator.onErased(scrubSyncCopies);
    // Rows that take the office's state unlogged (a refused change undone): derived data follows.
    mutator.onOfficeState(releaseOfficeState);
    mutator.onOfficeState(mediaOfficeState);
    context = {
      db,
      mutator,
      events,
      logger,
      prefs: options.prefs ?? createFilePrefs(dataDir),
      blobs: createBlobStore(path.join(dataDir, 'attachments')),
      now,
      info: { version: pkg.version, schemaVersion: LATEST_SCHEMA_VERSION, mode: options.mode ?? 'test', deviceId, dataDir },
      audit,
      session,
      encryption: new WorkspaceEncryption(db, file, key, options.keyVault ?? null, options.secretStore ?? null),
      currentCaller: () => session.caller(),
      smtpPassword: options.smtpPasswordVault ?? insecureFileTokenVault(dataDir, SMTP_PASSWORD_FILES),
    };
    // Roles changed (here or from another machine): the session reads them again.
    events.on('data.changed', (p) => {
      if (p.tables.includes('staff_accounts')) session.invalidate();
    });
  } catch (err) {
    db.close();
    lock.release();
    throw err;
  }
  const sync = attachSyncEngine(context, {
    auto: (options.mode ?? 'test') !== 'test',
    referencedBlobs: (changes) => releasePhotoHashes(db, changes),
    ...options.sync,
    tokenVault: options.tokenVault ?? insecureFileTokenVault(dataDir),
  });
  attachHosting(context, sync, options.syncServerLaunch ? createProcessHosting(options.syncServerLaunch, logger) : null);
  if (options.sync?.auto ?? (options.mode ?? 'test') !== 'test') resumeHosting(context, sync);
  const outbox = attachOutbox(context, { auto: (options.mode ?? 'test') !== 'test', ...options.outbox });
  purgeExpiredGuestbook(context);
  const stopNotices = startNoticeWatch(context);
  const stopDeskReminders = startDeskReminders(context);
  const stopIndexCatchUp = startIndexCatchUp(context);
  logger.info('core.open', { dataDir, schema: LATEST_SCHEMA_VERSION });
  let open: CoreContext | null = context;

  const core: Core = {
    call: (method, input) => dispatch(handlers, open, logger, method, input),
    async invoke(method, input) {
      const result = await dispatch(handlers, open, logger, method, input ?? {});
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.value as never;
    },
    onEvent: (listener) => context.events.onAny(listener),
    on: (name, listener) => context.events.on(name, listener),
    info: context.info,
    context,
    close() {
      if (!open) return;
      sync.stop();
      outbox.stop();
      stopNotices();
      stopDeskReminders();
      stopIndexCatchUp();
      void stopHosting(context, sync, false);
      open = null;
      db.close();
      lock.release();
      logger.info('core.close', {});
    },
  };
  return core;
}

function localMetaGet(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM local_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

function localMeta(db: Db, key: string, make: () => string): string {
  const existing = localMetaGet(db, key);
  if (existing) return existing;
  const value = make();
  db.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?)').run(key, value);
  return value;
}
